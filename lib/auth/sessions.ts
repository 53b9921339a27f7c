// Server-side sessions. Signing in starts a row in `sessions`; the session cookie (an
// encrypted JWT) carries only its id. Every read of the session (route handlers, pages,
// server actions, next-auth's jwt callback: lib/auth/session-token.ts) checks the row is
// live, so ending it — sign-out, a password, role or department change, disabling, or by
// hand — ends the session at once, whatever cookie is replayed. Timeouts run from the row:
// idle from last_seen_at (moved at most once a minute), absolute from created_at.
import { randomBytes } from 'node:crypto';
import { and, count, desc, eq, gt, isNull, lt } from 'drizzle-orm';
import { sessions, users } from '../../db/schema';
import type { Database, Session } from '../../db/types';
import { appendAudit } from '../audit/log';
import { forbidden, notFound } from '../http/errors';
import { can } from './permissions';
import { actorId, type Principal, type Role } from './principal';
import { ABSOLUTE_LIFETIME_MS, IDLE_TIMEOUT_MS, TOUCH_AFTER_MS } from './session-policy';
import type { SessionUser } from './session-token';

export const END_REASONS = ['signout', 'idle', 'expired', 'password', 'role', 'disabled', 'ended_by_user', 'ended_by_security', 'second_factor'] as const;
export type EndReason = (typeof END_REASONS)[number];

const MAX_USER_AGENT = 300;

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** A session row with the user it belongs to, as every session read needs it. */
export interface SessionRow extends Omit<SessionUser, 'id'> {
  id: string;
  userId: number;
  createdAt: number;
  lastSeenAt: number;
  endedAt: number | null;
}

/** A live session as its owner or the security officer sees it. */
export interface SessionListing {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  userAgent: string | null;
}

/** Not ended, and neither idle nor absolute timeout has passed. */
const live = (now: number) =>
  and(isNull(sessions.endedAt), gt(sessions.lastSeenAt, new Date(now - IDLE_TIMEOUT_MS)), gt(sessions.createdAt, new Date(now - ABSOLUTE_LIFETIME_MS)));

/** Starts a session for a user who has just signed in; returns its id (the only thing the cookie holds). */
export async function startSession(session: Session, userId: number, client: ClientInfo, now: number): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  const at = new Date(now);
  await session.db.insert(sessions).values({ id, userId, createdAt: at, lastSeenAt: at, ip: client.ip, userAgent: client.userAgent?.slice(0, MAX_USER_AGENT) ?? null });
  return id;
}

export async function readSession(session: Session, id: string): Promise<SessionRow | null> {
  const [row] = await session.db
    .select({
      id: sessions.id, userId: sessions.userId, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, endedAt: sessions.endedAt,
      username: users.username, displayName: users.displayName, role: users.role, departmentCode: users.departmentCode, active: users.active,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  if (!row) return null;
  return { ...row, role: row.role as Role, createdAt: row.createdAt.getTime(), lastSeenAt: row.lastSeenAt.getTime(), endedAt: row.endedAt?.getTime() ?? null };
}

/** Moves the idle clock, at most once a minute per session. */
export async function touchSession(session: Session, row: Pick<SessionRow, 'id' | 'lastSeenAt'>, now: number): Promise<void> {
  if (now - row.lastSeenAt < TOUCH_AFTER_MS) return;
  const at = new Date(now);
  await session.db.update(sessions).set({ lastSeenAt: at }).where(and(eq(sessions.id, row.id), isNull(sessions.endedAt), lt(sessions.lastSeenAt, at)));
}

/** Ends one session (if still live); `by` is who ended it, null for the session itself (sign-out, timeout). */
export async function endSessionRow(session: Session, id: string, reason: EndReason, by: string | null = null, now = Date.now()): Promise<boolean> {
  const ended = await session.db
    .update(sessions)
    .set({ endedAt: new Date(now), endReason: reason, endedBy: by })
    .where(and(eq(sessions.id, id), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return ended.length > 0;
}

/** Ends every live session of a user; call it in the transaction that changes the user. */
export async function endUserSessions(session: Session, userId: number, reason: EndReason, by: string | null): Promise<number> {
  const ended = await session.db
    .update(sessions)
    .set({ endedAt: new Date(), endReason: reason, endedBy: by })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return ended.length;
}

/** A user's sessions that still let them in, newest first. */
export async function listLiveSessions(session: Session, userId: number, now = Date.now()): Promise<SessionListing[]> {
  const { id, createdAt, lastSeenAt, ip, userAgent } = sessions;
  return session.db
    .select({ id, createdAt, lastSeenAt, ip, userAgent })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), live(now)))
    .orderBy(desc(lastSeenAt), desc(createdAt));
}

/** Live sessions per user id, for the users admin page. */
export async function liveSessionCounts(session: Session, now = Date.now()): Promise<Map<number, number>> {
  const rows = await session.db.select({ userId: sessions.userId, n: count() }).from(sessions).where(live(now)).groupBy(sessions.userId);
  return new Map(rows.map((r) => [r.userId, r.n]));
}

const isSelf = (actor: Principal, userId: number) => actor.kind === 'user' && actor.id === userId;

/** Whose sessions an actor may end: their own, or anyone's with users:manage (the security officer). */
function endReasonFor(actor: Principal, userId: number): EndReason {
  if (isSelf(actor, userId)) return 'ended_by_user';
  if (can(actor, 'users:manage')) return 'ended_by_security';
  throw forbidden();
}

/** Ends one session by hand: its owner, or the security officer for anyone's. Audited. */
export async function endSession(database: Database, actor: Principal, sessionId: string, ip: string | null = null): Promise<void> {
  await database.transaction(async (tx) => {
    const row = await readSession(tx, sessionId);
    if (!row) throw notFound('sessions.notFound');
    const reason = endReasonFor(actor, row.userId);
    if (!(await endSessionRow(tx, sessionId, reason, actorId(actor)))) throw notFound('sessions.notFound');
    await appendAudit(tx, { actor, action: 'session.end', target: row.username, outcome: 'success', ip, payload: { session: sessionId.slice(0, 8), reason } });
  });
}

/** Ends every session of a user: themselves (sign out everywhere) or the security officer. Audited. */
export async function endAllSessions(database: Database, actor: Principal, userId: number, ip: string | null = null): Promise<number> {
  const reason = endReasonFor(actor, userId);
  return database.transaction(async (tx) => {
    const [user] = await tx.db.select({ username: users.username }).from(users).where(eq(users.id, userId));
    if (!user) throw notFound('adminUsers.errors.notFound');
    const ended = await endUserSessions(tx, userId, reason, actorId(actor));
    await appendAudit(tx, { actor, action: 'session.end_all', target: user.username, outcome: 'success', ip, payload: { id: userId, ended, reason } });
    return ended;
  });
}
