// Test helpers for anything behind sign-in: users of each role, their session cookie or
// Principal, API tokens, and Requests that carry either. Import before calling handlers.
import type { Database, Session } from '@/db/types';
import { roleNeedsSecondFactor } from '@/lib/auth/mfa-policy';
import { hashPassword } from '@/lib/auth/passwords';
import type { Principal, Role, Scope } from '@/lib/auth/principal';
import { encodeSession, newSessionClaims, sessionCookieName, type SessionUser } from '@/lib/auth/session-token';
import { startSession } from '@/lib/auth/sessions';
import { authSecret } from '@/lib/config/secret';
import { createToken } from '@/lib/auth/tokens';
import { newTotpSecret, sealSecret, timeStep, totpCode, TOTP_PERIOD_S } from '@/lib/auth/totp';

// A fixed key, so tests never read or create .data/auth-secret.
process.env.AUTH_SECRET ||= 'sharescore-test-secret-not-for-production-0123456789';

export const TEST_PASSWORD = 'Test-password-2026';
let passwordHash: Promise<string> | undefined;
const testPasswordHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

/** `totpSecret`: the base32 secret of the user's second factor, when they have one. */
export type TestUser = SessionUser & { totpSecret: string | null };

export async function ensureDepartment(session: Session, code: string, name = `测试部门 ${code}`): Promise<void> {
  await session.query('insert into departments (code, name) values ($1, $2) on conflict (code) do nothing', [code, name]);
}

let counter = 0;

/**
 * Inserts an active user (password TEST_PASSWORD); a department user's department is created
 * if missing. A role that needs a second factor (MFA_REQUIRED_ROLES) gets one enrolled, as
 * a real account of that role would have; `totp` overrides that.
 */
export async function createTestUser(
  session: Session,
  role: Role,
  options: { department?: string | null; username?: string; active?: boolean; totp?: boolean } = {},
): Promise<TestUser> {
  const department = options.department ?? (role === 'department' ? 'OWN' : null);
  if (department) await ensureDepartment(session, department);
  const username = options.username ?? `${role}-${process.pid}-${++counter}`;
  const [row] = await session.query<{ id: number }>(
    `insert into users (username, display_name, password_hash, role, department_code, active, password_changed_at)
     values ($1, $2, $3, $4, $5, $6, now() - interval '1 minute') returning id`,
    [username, `测试${username}`, await testPasswordHash(), role, department, options.active ?? true],
  );
  const id = Number(row.id);
  const totpSecret = (options.totp ?? roleNeedsSecondFactor(role)) ? newTotpSecret() : null;
  if (totpSecret) {
    await session.query('insert into user_totp (user_id, secret, enrolled_at) values ($1, $2, now())', [id, sealSecret(totpSecret, id, authSecret())]);
  }
  return { id, username, displayName: `测试${username}`, role, departmentCode: department, active: options.active ?? true, totpSecret };
}

/**
 * The user's TOTP code for `now`, as their authenticator app would show it; `stepOffset`
 * moves it by whole time steps (−1, +1 are accepted; a code is accepted only once).
 */
export function totpFor(user: TestUser, now = Date.now(), stepOffset = 0): string {
  if (!user.totpSecret) throw new Error(`${user.username} has no second factor`);
  return totpCode(user.totpSecret, now + stepOffset * TOTP_PERIOD_S * 1000);
}

/** A moment at the start of a time step, so ±n steps around it are exact. */
export const stepStart = (now = Date.now()) => timeStep(now) * TOTP_PERIOD_S * 1000;

export function principalOf(user: TestUser): Principal & { kind: 'user' } {
  return { kind: 'user', id: user.id, username: user.username, role: user.role, departmentCode: user.departmentCode };
}

/** Starts a server-side session for `user` (signed in at authTime, last seen at lastSeen; both default to now). */
export async function startTestSession(session: Session, user: TestUser, times: { authTime?: number; lastSeen?: number } = {}): Promise<string> {
  const authTime = times.authTime ?? Date.now();
  const id = await startSession(session, user.id, { ip: '192.0.2.1', userAgent: 'vitest' }, authTime);
  if (times.lastSeen !== undefined) await session.query('update sessions set last_seen_at = $2 where id = $1', [id, new Date(times.lastSeen)]);
  return id;
}

/** The Cookie header value of session `sessionId` of `user`. */
export async function cookieFor(user: TestUser, sessionId: string, authTime = Date.now()): Promise<string> {
  return `${sessionCookieName()}=${await encodeSession(newSessionClaims(user, sessionId, authTime))}`;
}

/** A Cookie header value holding a new session for `user`; times default to now. */
export async function sessionCookie(session: Session, user: TestUser, times: { authTime?: number; lastSeen?: number } = {}): Promise<string> {
  const id = await startTestSession(session, user, times);
  return cookieFor(user, id, times.authTime ?? Date.now());
}

/**
 * Creates an API token and returns its secret (the only copy). A department-bound token with
 * events:write or ledger:write cannot be issued any more; one is written straight into the table, as a token
 * made before that rule would be, so tests can show can() refuses it all the same.
 */
export async function createTestToken(session: Session, scopes: Scope[], department: string | null = null, expiresAt: Date | null = null) {
  if (department) await ensureDepartment(session, department);
  const legacy = department !== null && (scopes.includes('events:write') || scopes.includes('ledger:write'));
  const created = await createToken(session, { name: `test ${scopes.join('+')}`, scopes, departmentCode: legacy ? null : department, expiresAt }, 'test');
  if (legacy) await session.query('update api_tokens set department_code = $2 where id = $1', [created.id, department]);
  return created;
}

export interface Credentials {
  cookie?: string;
  bearer?: string;
}

/** A Request to this app's `path`, carrying a session cookie or a bearer token. */
export function requestAs(path: string, credentials: Credentials = {}, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  if (credentials.cookie) headers.set('cookie', credentials.cookie);
  if (credentials.bearer) headers.set('authorization', `Bearer ${credentials.bearer}`);
  return new Request(new URL(path, 'http://localhost:3000'), { ...init, headers });
}

/** Audit entries for an action, oldest first (for asserting that something was audited). */
export async function auditEntries(database: Database, action: string) {
  return database.query<{ id: number; actor: string; target: string | null; outcome: string; ip: string | null; payload: string }>(
    'select id, actor, target, outcome, ip, payload from audit_log where action = $1 order by id',
    [action],
  );
}
