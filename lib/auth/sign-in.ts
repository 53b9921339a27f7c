// Password sign-in with lockout, per-address throttling and sign-in budgets. Attempts are
// recorded in login_attempts, keyed by the lower-cased name typed, so an unknown name locks
// and answers exactly like a real one: the outcome never reveals whether an account exists.
//
// An attempt runs in three steps so the lockout holds under any concurrency without holding
// a transaction across bcrypt:
//   1. admit, under the account's lock (withAccountLock): refuse if throttled or locked, else
//      record the attempt at once as a failure. Parallel attempts are admitted one at a time
//      and each counts the ones admitted before it, so at most 5 guesses pass per lock window;
//   2. check the password (no transaction open);
//   3. settle: a right password turns the attempt into a success; every checked attempt is audited.
// Refusals that check no password (budget spent, throttled, locked) are aggregated in the
// audit log: one entry per (account, address, reason) per minute, counting the repeats.
import { eq } from 'drizzle-orm';
import { lockSignIn } from '../../db/queries/locks';
import { addressFailuresSince, failureTimesSince } from '../../db/queries/login-attempts';
import { loginAttempts, users } from '../../db/schema';
import type { Database, Session } from '../../db/types';
import { appendAudit, audit } from '../audit/log';
import { firstInWindow, spend } from '../http/rate-limit';
import { accountLockedUntil, ipThrottled, LOCKOUT, LOOKBACK_MS, SIGN_IN_BUDGET } from './lockout';
import { verifyPassword } from './passwords';
import { checkSecondFactor, type SecondFactorCheck } from './second-factor';
import type { Principal } from './principal';
import { loadSessionUser, type SessionUser } from './session-token';
import { withControlCharactersShown } from '../http/control-characters';

export type SignInFailure = 'invalid' | 'locked' | 'throttled' | 'totp_required';
/** `retryAfter` (seconds) comes with `throttled`: the route answers 429 with Retry-After. */
export type SignInOutcome = { ok: true; user: SessionUser } | { ok: false; reason: SignInFailure; retryAfter?: number };

export interface PasswordAttempt {
  username: string;
  password: string;
  /** The second factor's code (TOTP or a recovery code), when the account has one. */
  totp?: string;
  /** The verified client address (lib/http/client-address.ts), or null when it cannot be verified. */
  ip: string | null;
  /** What the request claimed as its address when `ip` is null: recorded, never trusted. */
  claimedIp?: string | null;
}

const MAX_USERNAME = 100;
const MAX_PASSWORD = 1024; // bcrypt reads 72 bytes; refuse huge bodies before hashing
const UNVERIFIED = 'unverified'; // login_attempts.ip when the address is unknown: never throttled as an address

type Candidate = SessionUser & { passwordHash: string | null; lockedUntil: number | null; passwordChangedAt: number | null };

/** One attempt, normalised: the name as typed (control characters shown as U+FFFD), its key and source. */
interface Attempt {
  username: string;
  key: string;
  lookUp: boolean;
  ip: string | null;
  claimedIp: string | null;
  now: number;
}

type Admission = { kind: 'admitted'; attemptId: number; user: Candidate | null } | { kind: 'locked'; retryAfter: number } | { kind: 'throttled'; retryAfter: number };

function normalise(attempt: PasswordAttempt, now: number): Attempt {
  // No username holds one (users.ts allows [A-Za-z0-9_.-]) and PostgreSQL text cannot hold NUL.
  const typed = withControlCharactersShown(attempt.username.trim());
  const username = typed.slice(0, MAX_USERNAME);
  return { username, key: username.toLowerCase(), lookUp: Boolean(typed) && typed.length <= MAX_USERNAME, ip: attempt.ip || null, claimedIp: attempt.claimedIp ?? null, now };
}

/** The audit fields saying where an attempt came from: the verified address, or what was claimed. */
const source = (a: Attempt) => ({ ip: a.ip, sourcePayload: a.ip ? {} : { address: UNVERIFIED, claimedAddress: a.claimedIp } });

const anonymous = (username: string) => ({ kind: 'anonymous' as const, username });

/**
 * Runs fn in one transaction holding the sign-in lock of the account (and of the address,
 * when verified): attempts on one account are admitted one at a time on PGlite and PostgreSQL alike.
 */
export async function withAccountLock<T>(database: Database, target: { key: string; ip: string | null }, fn: (tx: Session) => Promise<T>): Promise<T> {
  return database.transaction(async (tx) => {
    // Address before account, always: two admissions never wait on each other crosswise.
    if (target.ip) await lockSignIn(tx, `address:${target.ip}`);
    await lockSignIn(tx, `account:${target.key}`);
    return fn(tx);
  });
}

export async function signInWithPassword(database: Database, input: PasswordAttempt, now = Date.now()): Promise<SignInOutcome> {
  const attempt = normalise(input, now);
  const overBudget = spendBudget(attempt);
  if (overBudget) return refuse(database, attempt, 'throttled', 'rate_limited', overBudget);

  const admission = await withAccountLock(database, attempt, (tx) => admit(tx, attempt));
  if (admission.kind === 'throttled') return refuse(database, attempt, 'throttled', 'ip_throttled', { scope: 'address', retryAfter: admission.retryAfter });
  if (admission.kind === 'locked') return refuse(database, attempt, 'locked', 'account_locked', { scope: 'account', retryAfter: admission.retryAfter });
  const passwordOk = input.password.length <= MAX_PASSWORD && (await verifyPassword(input.password, admission.user?.passwordHash));
  // The second factor is asked for only after the password checked out; a wrong or reused
  // code is a failure like a wrong password (lib/auth/second-factor.ts).
  const user = admission.user;
  const factor = user && user.active && passwordOk ? await checkSecondFactor(database, user, input.totp, now) : null;
  if (factor?.outcome === 'required') return askForCode(database, attempt, admission);
  return database.transaction((tx) => settle(tx, attempt, admission, passwordOk, factor));
}

/** The right password without a code: not a failure (nothing was guessed wrong), audited, and the form asks for the code. */
async function askForCode(database: Database, a: Attempt, admission: Extract<Admission, { kind: 'admitted' }>): Promise<SignInOutcome> {
  const { ip, sourcePayload } = source(a);
  await database.transaction(async (tx) => {
    await tx.db.delete(loginAttempts).where(eq(loginAttempts.id, admission.attemptId));
    await appendAudit(tx, { actor: anonymous(a.username), action: 'auth.login', target: a.username, outcome: 'failure', ip, payload: { provider: 'credentials', reason: 'totp_required', ...sourcePayload } });
  });
  return { ok: false, reason: 'totp_required' };
}

/** Which limit refused an attempt, and for how long (seconds). */
interface Refusal {
  scope: 'account' | 'address';
  retryAfter: number;
}

/** The in-memory budgets, spent before any database work: the refusal, or null within budget. */
function spendBudget(a: Attempt): Refusal | null {
  const byAddress = a.ip ? spend(`signin:address:${a.ip}`, SIGN_IN_BUDGET.perAddress, a.now) : null;
  const byAccount = spend(`signin:account:${a.key}`, SIGN_IN_BUDGET.perAccount, a.now);
  if (byAddress !== null) return { scope: 'address', retryAfter: Math.max(byAddress, byAccount ?? 0) };
  return byAccount === null ? null : { scope: 'account', retryAfter: byAccount };
}

/** Step 1, under the account's lock: refuse, or record the attempt as a failure until settled. */
async function admit(tx: Session, a: Attempt): Promise<Admission> {
  if (a.ip) {
    if (ipThrottled(await addressFailuresSince(tx, a.ip, a.now - LOCKOUT.ipWindowMs))) return { kind: 'throttled', retryAfter: LOCKOUT.ipWindowMs / 1000 };
  }
  const user = a.lookUp ? await loadCandidate(tx, a.username) : null;
  const lockedUntil = await lockedUntilFor(tx, a.key, user, a.now);
  if (lockedUntil) return { kind: 'locked', retryAfter: Math.ceil((lockedUntil - a.now) / 1000) };
  const [{ id }] = await tx.db
    .insert(loginAttempts)
    .values({ username: a.key, ip: a.ip ?? UNVERIFIED, success: false, at: new Date(a.now) })
    .returning({ id: loginAttempts.id });
  return { kind: 'admitted', attemptId: id, user };
}

/** Step 3: the checked attempt becomes a success or stays a failure (possibly locking the account); audited. */
async function settle(tx: Session, a: Attempt, admission: Extract<Admission, { kind: 'admitted' }>, passwordOk: boolean, factor: SecondFactorCheck | null): Promise<SignInOutcome> {
  const { user } = admission;
  const { ip, sourcePayload } = source(a);
  if (user && user.active && passwordOk && factor?.outcome === 'pass') {
    await tx.db.update(loginAttempts).set({ success: true }).where(eq(loginAttempts.id, admission.attemptId));
    if (user.lockedUntil !== null) await tx.db.update(users).set({ lockedUntil: null }).where(eq(users.id, user.id));
    const principal: Principal = { kind: 'user', id: user.id, username: user.username, role: user.role, departmentCode: user.departmentCode };
    await appendAudit(tx, { actor: principal, action: 'auth.login', target: user.username, outcome: 'success', ip, payload: { provider: 'credentials', factor: factor?.outcome === 'pass' ? factor.method : null, ...sourcePayload } });
    return { ok: true, user };
  }
  const reason = !user ? 'unknown_user' : !passwordOk ? 'bad_password' : !user.active ? 'disabled' : factor?.outcome === 'fail' ? factor.reason : null;
  const lockedUntil = await lockedUntilFor(tx, a.key, user, a.now);
  if (lockedUntil && user) await tx.db.update(users).set({ lockedUntil: new Date(lockedUntil) }).where(eq(users.id, user.id));
  await appendAudit(tx, {
    actor: anonymous(a.username),
    action: 'auth.login',
    target: a.username,
    outcome: 'failure',
    ip,
    payload: { provider: 'credentials', reason, ...sourcePayload, ...(lockedUntil ? { lockedUntil: new Date(lockedUntil).toISOString() } : {}) },
  });
  return { ok: false, reason: lockedUntil ? 'locked' : 'invalid' };
}

/**
 * A refusal that checked no password: audited once a minute per refusing limit and reason
 * (an address's limit: per address; an account's: per account and address), with the
 * repeats counted, so a flood writes O(1) entries whichever names it tries.
 */
async function refuse(database: Database, a: Attempt, reason: SignInFailure, detail: string, refusal: Refusal): Promise<SignInOutcome> {
  const key = refusal.scope === 'address' ? `address:${a.ip}` : `account:${a.key}:${a.ip ?? UNVERIFIED}`;
  const first = firstInWindow(`signin:${detail}:${key}`, a.now);
  if (first) {
    const { ip, sourcePayload } = source(a);
    const repeats = first.suppressed ? { repeatsNotRecorded: first.suppressed } : {};
    await audit(database, { actor: anonymous(a.username), action: 'auth.login', target: a.username, outcome: 'failure', ip, payload: { provider: 'credentials', reason: detail, ...sourcePayload, ...repeats } });
  }
  return reason === 'throttled' ? { ok: false, reason, retryAfter: refusal.retryAfter } : { ok: false, reason };
}

async function lockedUntilFor(session: Session, key: string, user: Candidate | null, now: number) {
  const computed = accountLockedUntil(await failureTimesSince(session, key, now - LOOKBACK_MS, user?.passwordChangedAt ?? null), now);
  const stored = user?.lockedUntil && user.lockedUntil > now ? user.lockedUntil : null;
  return computed ?? stored;
}

async function loadCandidate(session: Session, username: string): Promise<Candidate | null> {
  const user = await loadSessionUser(session, { username });
  if (!user) return null;
  const [row] = await session.db
    .select({ passwordHash: users.passwordHash, lockedUntil: users.lockedUntil, passwordChangedAt: users.passwordChangedAt })
    .from(users)
    .where(eq(users.id, user.id));
  return { ...user, passwordHash: row.passwordHash, lockedUntil: row.lockedUntil?.getTime() ?? null, passwordChangedAt: row.passwordChangedAt?.getTime() ?? null };
}
