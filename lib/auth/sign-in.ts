// Password sign-in with lockout and per-address throttling. Every attempt is audited
// (auth.login) and recorded in login_attempts, keyed by the lower-cased name typed, so an
// unknown name locks and answers exactly like a real one: the outcome never reveals
// whether an account exists.
import type { Database, Session } from '../../db/types';
import { appendAudit, audit } from '../audit/log';
import { accountLockedUntil, ipThrottled, LOCKOUT, LOOKBACK_MS } from './lockout';
import { verifyPassword } from './passwords';
import { checkSecondFactor } from './second-factor';
import type { Principal } from './principal';
import { loadSessionUser, type SessionUser } from './session-token';

export type SignInFailure = 'invalid' | 'locked' | 'throttled' | 'totp_required';
export type SignInOutcome = { ok: true; user: SessionUser } | { ok: false; reason: SignInFailure };

export interface PasswordAttempt {
  username: string;
  password: string;
  /** The second factor's code (TOTP or a recovery code), when the account has one. */
  totp?: string;
  ip: string | null;
}

const MAX_USERNAME = 100;
const MAX_PASSWORD = 1024; // bcrypt reads 72 bytes; refuse huge bodies before hashing

async function failureTimes(session: Session, key: string, since: number, resetAt: number | null): Promise<number[]> {
  const rows = await session.query<{ at: Date | string }>(
    `select created_at as at from login_attempts
     where username = $1 and success = false and created_at > $2
       and created_at > coalesce((select max(created_at) from login_attempts where username = $1 and success), 'epoch'::timestamptz)
       and created_at > coalesce($3::timestamptz, 'epoch'::timestamptz)
     order by created_at`,
    [key, new Date(since), resetAt === null ? null : new Date(resetAt)],
  );
  return rows.map((r) => new Date(r.at).getTime());
}

async function lockedUntilFor(session: Session, key: string, user: (SessionUser & { lockedUntil: number | null; passwordChangedAt: number | null }) | null, now: number) {
  const computed = accountLockedUntil(await failureTimes(session, key, now - LOOKBACK_MS, user?.passwordChangedAt ?? null), now);
  const stored = user?.lockedUntil && user.lockedUntil > now ? user.lockedUntil : null;
  return computed ?? stored;
}

async function loadCandidate(session: Session, username: string) {
  const user = await loadSessionUser(session, { username });
  if (!user) return null;
  const [row] = await session.query<{ password_hash: string | null; locked_until: Date | string | null; password_changed_at: Date | string | null }>(
    'select password_hash, locked_until, password_changed_at from users where id = $1',
    [user.id],
  );
  const ms = (v: Date | string | null) => (v === null ? null : new Date(v).getTime());
  return { ...user, passwordHash: row.password_hash, lockedUntil: ms(row.locked_until), passwordChangedAt: ms(row.password_changed_at) };
}

const anonymous = (username: string) => ({ kind: 'anonymous' as const, username: username.slice(0, MAX_USERNAME) });

export async function signInWithPassword(database: Database, attempt: PasswordAttempt, now = Date.now()): Promise<SignInOutcome> {
  const username = attempt.username.trim();
  const key = username.toLowerCase();
  const ip = attempt.ip || 'unknown';
  const refuse = async (reason: SignInFailure, detail: string) => {
    await audit(database, { actor: anonymous(username), action: 'auth.login', target: username, outcome: 'failure', ip, payload: { provider: 'credentials', reason: detail } });
    return { ok: false as const, reason };
  };

  const [{ n: ipFailures }] = await database.query<{ n: number }>(
    'select count(*)::int as n from login_attempts where ip = $1 and success = false and created_at > $2',
    [ip, new Date(now - LOCKOUT.ipWindowMs)],
  );
  if (ipThrottled(ipFailures)) return refuse('throttled', 'ip_throttled');

  const user = username && username.length <= MAX_USERNAME ? await loadCandidate(database, username) : null;
  if (await lockedUntilFor(database, key, user, now)) return refuse('locked', 'account_locked');

  const passwordOk = attempt.password.length <= MAX_PASSWORD && (await verifyPassword(attempt.password, user?.passwordHash));
  const passwordPassed = Boolean(user && user.active && passwordOk);
  // The second factor is asked for only after the password checked out; a wrong or reused
  // code is a failure like a wrong password (lib/auth/second-factor.ts).
  const factor = passwordPassed && user ? await checkSecondFactor(database, user, attempt.totp, now) : null;
  if (factor?.outcome === 'required') return refuse('totp_required', 'totp_required');
  const ok = passwordPassed && factor?.outcome === 'pass';
  const reason = !user ? 'unknown_user' : !passwordOk ? 'bad_password' : !user.active ? 'disabled' : factor?.outcome === 'fail' ? factor.reason : null;

  return database.transaction(async (tx) => {
    await tx.query('insert into login_attempts (username, ip, success, created_at) values ($1, $2, $3, $4)', [key.slice(0, MAX_USERNAME), ip, ok, new Date(now)]);
    if (ok && user) {
      const principal: Principal = { kind: 'user', id: user.id, username: user.username, role: user.role, departmentCode: user.departmentCode };
      if (user.lockedUntil !== null) await tx.query('update users set locked_until = null where id = $1', [user.id]);
      await appendAudit(tx, { actor: principal, action: 'auth.login', target: user.username, outcome: 'success', ip, payload: { provider: 'credentials', factor: factor?.outcome === 'pass' ? factor.method : null } });
      return { ok: true as const, user };
    }
    const lockedUntil = await lockedUntilFor(tx, key, user, now);
    if (lockedUntil && user) await tx.query('update users set locked_until = $2 where id = $1', [user.id, new Date(lockedUntil)]);
    await appendAudit(tx, {
      actor: anonymous(username),
      action: 'auth.login',
      target: username.slice(0, MAX_USERNAME),
      outcome: 'failure',
      ip,
      payload: { provider: 'credentials', reason, ...(lockedUntil ? { lockedUntil: new Date(lockedUntil).toISOString() } : {}) },
    });
    return { ok: false as const, reason: lockedUntil ? ('locked' as const) : ('invalid' as const) };
  });
}
