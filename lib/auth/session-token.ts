// The session cookie: an encrypted next-auth JWT carrying SessionClaims, among them the
// id of the server-side session (lib/auth/sessions.ts). Every read checks that row is live
// and re-reads the user (active, role, department), so signing out, a password, role or
// department change, disabling, or ending the session by hand takes effect on the next
// request. Used by next-auth's jwt callback, route handlers, pages and server actions.
import hkdf from '@panva/hkdf';
import { jwtDecrypt } from 'jose';
import { encode } from 'next-auth/jwt';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Session } from '../../db/types';
import type { Principal, Role } from './principal';
import { authSecret } from '../config/secret';
import { enrolmentRequired } from './second-factor';
import { ABSOLUTE_LIFETIME_MS, readClaims, sessionState, type SessionClaims } from './session-policy';
import { endSessionRow, readSession, touchSession } from './sessions';

/** Secure cookies unless the site is plain http on this machine (npm run demo, next dev). */
export function secureCookies(env: Record<string, string | undefined> = process.env): boolean {
  const url = env.NEXTAUTH_URL ?? '';
  if (url.startsWith('https://') || env.VERCEL === '1') return true;
  if (env.NODE_ENV !== 'production') return false;
  return !/^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(url);
}

/** next-auth's session cookie name for that setting (see next-auth core/lib/cookie.js). */
export function sessionCookieName(env: Record<string, string | undefined> = process.env): string {
  return `${secureCookies(env) ? '__Secure-' : ''}next-auth.session-token`;
}

export interface SessionUser {
  id: number;
  username: string;
  displayName: string | null;
  role: Role;
  departmentCode: string | null;
  active: boolean;
}

export async function loadSessionUser(session: Session, where: { id: number } | { username: string } | { oidcSubject: string }): Promise<SessionUser | null> {
  const match = 'id' in where ? eq(users.id, where.id) : 'username' in where ? eq(users.username, where.username) : eq(users.oidcSubject, where.oidcSubject);
  const { id, username, displayName, role, departmentCode, active } = users;
  const [row] = await session.db.select({ id, username, displayName, role, departmentCode, active }).from(users).where(match);
  return row ? { ...row, role: row.role as Role } : null;
}

/** The claims of a session just started (sessionId: its row, lib/auth/sessions.ts startSession). */
export function newSessionClaims(user: SessionUser, sessionId: string, now: number): SessionClaims {
  return {
    uid: user.id,
    sid: sessionId,
    username: user.username,
    name: user.displayName,
    role: user.role,
    dept: user.departmentCode,
    authTime: now,
  };
}

/** Why a session was refused; next-auth logs it, we keep it out of the error log. */
export class SessionEnded extends Error {
  constructor(readonly reason: 'malformed' | 'idle' | 'expired' | 'unknown_user' | 'disabled' | 'revoked') {
    super(`session ended: ${reason}`);
  }
}

/**
 * The claims for this request, re-read from the session's row and its user; moves the idle
 * clock. Throws SessionEnded when the row is missing or ended, the user disabled, or a
 * timeout passed (the row is then ended with that reason).
 */
export async function refreshClaims(session: Session, token: unknown, now: number): Promise<SessionClaims> {
  const claims = readClaims(token);
  if (!claims) throw new SessionEnded('malformed');
  const row = await readSession(session, claims.sid);
  if (!row || row.userId !== claims.uid || row.endedAt !== null) throw new SessionEnded('revoked');
  if (!row.active) throw new SessionEnded('disabled');
  const state = sessionState({ authTime: row.createdAt, lastSeen: row.lastSeenAt }, now);
  if (state !== 'active') {
    await endSessionRow(session, row.id, state, null, now);
    throw new SessionEnded(state);
  }
  await touchSession(session, row, now);
  return { ...claims, username: row.username, name: row.displayName, role: row.role, dept: row.departmentCode };
}

export function principalFromClaims(claims: SessionClaims): Principal & { kind: 'user' } {
  return { kind: 'user', id: claims.uid, username: claims.username, role: claims.role, departmentCode: claims.dept };
}

/** Encrypts claims into a session cookie value; the JWT expires with the session's absolute lifetime. */
export function encodeSession(claims: SessionClaims, secret = authSecret()): Promise<string> {
  return encode({ token: { ...claims, sub: String(claims.uid), name: claims.name ?? claims.username }, secret, maxAge: ABSOLUTE_LIFETIME_MS / 1000 });
}

// next-auth's cookie format (next-auth/jwt): a JWE, "dir" + A256GCM, under a key derived from
// the secret with HKDF. next-auth derives that key again on every decode (~0.3 ms, twice per
// page: proxy and page); the key depends on the secret alone, so it is derived once per secret.
const derivedKeys = new Map<string, Promise<Uint8Array>>();

/** next-auth's encryption key for a secret (its getDerivedEncryptionKey, salt ""), derived once. */
export function sessionEncryptionKey(secret: string): Promise<Uint8Array> {
  let key = derivedKeys.get(secret);
  if (!key) {
    key = hkdf('sha256', secret, '', 'NextAuth.js Generated Encryption Key', 32);
    derivedKeys.set(secret, key);
  }
  return key;
}

/** The decoded JWT payload, or null when it is not ours (bad key, expired, garbage); as next-auth's decode. */
export async function decodeSession(value: string, secret = authSecret()): Promise<Record<string, unknown> | null> {
  if (!value) return null;
  try {
    const { payload } = await jwtDecrypt(value, await sessionEncryptionKey(secret), { clockTolerance: 15 });
    return payload as Record<string, unknown>;
  } catch {
    return null;
  }
}

function cookieJar(cookieHeader: string | null): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of cookieHeader?.split(';') ?? []) {
    const i = part.indexOf('=');
    if (i > 0) jar.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return jar;
}

/** One cookie's value from a Cookie header. */
export const readCookie = (cookieHeader: string | null, name: string): string | null => cookieJar(cookieHeader).get(name) ?? null;

/** The session cookie's value from a Cookie header, joining next-auth's chunks (name.0, name.1…) if split. */
export function readSessionCookie(cookieHeader: string | null, name = sessionCookieName()): string | null {
  const jar = cookieJar(cookieHeader);
  if (jar.has(name)) return jar.get(name) || null;
  const chunks: string[] = [];
  for (let i = 0; jar.has(`${name}.${i}`); i++) chunks.push(jar.get(`${name}.${i}`)!);
  return chunks.length ? chunks.join('') : null;
}

export interface SignedInUser {
  principal: Principal & { kind: 'user' };
  displayName: string;
  /** The server-side session this request belongs to (to mark "this session" in lists). */
  sessionId: string;
  /** Their role needs a second factor and they have none: only the enrolment page is open to them. */
  mustEnrol?: true;
}

/** The signed-in user behind a Cookie header, checked against the database; null when none or ended. */
export async function sessionUserFromCookieHeader(cookieHeader: string | null, session: Session, now = Date.now()): Promise<SignedInUser | null> {
  const value = readSessionCookie(cookieHeader);
  if (!value) return null;
  const payload = await decodeSession(value);
  if (!payload) return null;
  try {
    const claims = await refreshClaims(session, payload, now);
    const mustEnrol = await enrolmentRequired(session, { id: claims.uid, role: claims.role });
    return { principal: principalFromClaims(claims), displayName: claims.name ?? claims.username, sessionId: claims.sid, ...(mustEnrol ? { mustEnrol: true as const } : {}) };
  } catch (err) {
    if (err instanceof SessionEnded) return null;
    throw err;
  }
}

/** The principal for route handlers; none while a required second factor is not enrolled. */
export async function principalFromCookieHeader(cookieHeader: string | null, session: Session, now = Date.now()): Promise<Principal | null> {
  const user = await sessionUserFromCookieHeader(cookieHeader, session, now);
  return user && !user.mustEnrol ? user.principal : null;
}
