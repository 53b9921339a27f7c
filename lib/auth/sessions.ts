// Server-side sessions. Signing in starts a row in `sessions`; the session cookie (an
// encrypted JWT) carries only its id. Every read of the session (route handlers, pages,
// server actions, next-auth's jwt callback: lib/auth/session-token.ts) checks the row is
// live, so ending it — sign-out, a password, role or department change, disabling, or by
// hand — ends the session at once, whatever cookie is replayed. Timeouts run from the row:
// idle from last_seen_at (moved at most once a minute), absolute from created_at.
import { randomBytes } from 'node:crypto';
import type { Database, Session } from '../../db/types';
import { appendAudit } from '../audit/log';
import { forbidden, notFound } from '../http/errors';
import { can } from './permissions';
import { actorId, type Principal, type Role } from './principal';
import { ABSOLUTE_LIFETIME_MS, IDLE_TIMEOUT_MS, TOUCH_AFTER_MS } from './session-policy';

export const END_REASONS = ['signout', 'idle', 'expired', 'password', 'role', 'disabled', 'ended_by_user', 'ended_by_security', 'second_factor'] as const;
export type EndReason = (typeof END_REASONS)[number];

const MAX_USER_AGENT = 300;

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** A session row with the user it belongs to, as every session read needs it. */
export interface SessionRow {
  id: string;
  userId: number;
  createdAt: number;
  lastSeenAt: number;
  endedAt: number | null;
  username: string;
  displayName: string | null;
  role: Role;
  departmentCode: string | null;
  active: boolean;
}

/** A live session as its owner or the security officer sees it. */
export interface SessionListing {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  userAgent: string | null;
}

const ms = (v: Date | string) => new Date(v).getTime();

/** Starts a session for a user who has just signed in; returns its id (the only thing the cookie holds). */
export async function startSession(session: Session, userId: number, client: ClientInfo, now: number): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  await session.query('insert into sessions (id, user_id, created_at, last_seen_at, ip, user_agent) values ($1, $2, $3, $3, $4, $5)', [
    id,
    userId,
    new Date(now),
    client.ip,
    client.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
  ]);
  return id;
}

export async function readSession(session: Session, id: string): Promise<SessionRow | null> {
  const [row] = await session.query<{
    id: string; user_id: number; created_at: Date | string; last_seen_at: Date | string; ended_at: Date | string | null;
    username: string; display_name: string | null; role: Role; department_code: string | null; active: boolean;
  }>(
    `select s.id, s.user_id, s.created_at, s.last_seen_at, s.ended_at, u.username, u.display_name, u.role, u.department_code, u.active
     from sessions s join users u on u.id = s.user_id where s.id = $1`,
    [id],
  );
  if (!row) return null;
  return {
    id: row.id,
    userId: Number(row.user_id),
    createdAt: ms(row.created_at),
    lastSeenAt: ms(row.last_seen_at),
    endedAt: row.ended_at === null ? null : ms(row.ended_at),
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    departmentCode: row.department_code,
    active: row.active,
  };
}

/** Moves the idle clock, at most once a minute per session. */
export async function touchSession(session: Session, row: Pick<SessionRow, 'id' | 'lastSeenAt'>, now: number): Promise<void> {
  if (now - row.lastSeenAt < TOUCH_AFTER_MS) return;
  await session.query('update sessions set last_seen_at = $2 where id = $1 and ended_at is null and last_seen_at < $2', [row.id, new Date(now)]);
}

/** Ends one session (if still live); `by` is who ended it, null for the session itself (sign-out, timeout). */
export async function endSessionRow(session: Session, id: string, reason: EndReason, by: string | null = null, now = Date.now()): Promise<boolean> {
  const rows = await session.query('update sessions set ended_at = $2, end_reason = $3, ended_by = $4 where id = $1 and ended_at is null returning id', [id, new Date(now), reason, by]);
  return rows.length > 0;
}

/** Ends every live session of a user; call it in the transaction that changes the user. */
export async function endUserSessions(session: Session, userId: number, reason: EndReason, by: string | null): Promise<number> {
  const rows = await session.query('update sessions set ended_at = now(), end_reason = $2, ended_by = $3 where user_id = $1 and ended_at is null returning id', [userId, reason, by]);
  return rows.length;
}

/** A user's sessions that still let them in, newest first. */
export async function listLiveSessions(session: Session, userId: number, now = Date.now()): Promise<SessionListing[]> {
  const rows = await session.query<{ id: string; created_at: Date | string; last_seen_at: Date | string; ip: string | null; user_agent: string | null }>(
    `select id, created_at, last_seen_at, ip, user_agent from sessions
     where user_id = $1 and ended_at is null and last_seen_at > $2 and created_at > $3
     order by last_seen_at desc, created_at desc`,
    [userId, new Date(now - IDLE_TIMEOUT_MS), new Date(now - ABSOLUTE_LIFETIME_MS)],
  );
  return rows.map((r) => ({ id: r.id, createdAt: new Date(r.created_at), lastSeenAt: new Date(r.last_seen_at), ip: r.ip, userAgent: r.user_agent }));
}

/** Live sessions per user id, for the users admin page. */
export async function liveSessionCounts(session: Session, now = Date.now()): Promise<Map<number, number>> {
  const rows = await session.query<{ user_id: number; n: number }>(
    `select user_id, count(*)::int as n from sessions where ended_at is null and last_seen_at > $1 and created_at > $2 group by user_id`,
    [new Date(now - IDLE_TIMEOUT_MS), new Date(now - ABSOLUTE_LIFETIME_MS)],
  );
  return new Map(rows.map((r) => [Number(r.user_id), Number(r.n)]));
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
    const [user] = await tx.query<{ username: string }>('select username from users where id = $1', [userId]);
    if (!user) throw notFound('adminUsers.errors.notFound');
    const ended = await endUserSessions(tx, userId, reason, actorId(actor));
    await appendAudit(tx, { actor, action: 'session.end_all', target: user.username, outcome: 'success', ip, payload: { id: userId, ended, reason } });
    return ended;
  });
}
