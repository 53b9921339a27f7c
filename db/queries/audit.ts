// The audit log and its checkpoints (lib/audit): append, page through in id order, the
// prune (owner role only: the trigger lets a delete through only with its flag set), and
// the reads the /audit page and the checkpoint comparison need.
import { and, asc, count, desc, eq, gt, gte, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { auditCheckpoints, auditLog, users, type AuditCheckpointRow, type AuditLogRow, type NewAuditCheckpointRow, type NewAuditLogRow } from '../schema';
import type { Session } from '../types';

export type { AuditLogRow };

export async function lastAuditHash(tx: Session): Promise<string | null> {
  const [row] = await tx.db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return row?.hash ?? null;
}

export async function insertAuditEntry(tx: Session, entry: Omit<NewAuditLogRow, 'id'>): Promise<number> {
  const [{ id }] = await tx.db.insert(auditLog).values(entry).returning({ id: auditLog.id });
  return id;
}

/** Entries after `afterId` in id order, `limit` of them. */
export async function auditEntriesAfter(session: Session, afterId: number, limit: number): Promise<AuditLogRow[]> {
  return session.db.select().from(auditLog).where(gt(auditLog.id, afterId)).orderBy(asc(auditLog.id)).limit(limit);
}

/** The payloads of audit.prune entries (after entry `afterId`), oldest first. */
export async function prunePayloads(session: Session, afterId = 0): Promise<Array<{ id: number; payload: string }>> {
  return session.db
    .select({ id: auditLog.id, payload: auditLog.payload })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'audit.prune'), gt(auditLog.id, afterId)))
    .orderBy(asc(auditLog.id));
}

/** Deletes the entries before `before`: the newest one's hash and how many went, or null when none. */
export async function deleteAuditBefore(tx: Session, before: Date): Promise<{ hash: string; n: number } | null> {
  const [last] = await tx.query<{ hash: string; n: number }>(
    'select hash, (select count(*)::int from audit_log where at < $1) as n from audit_log where at < $1 order by id desc limit 1',
    [before],
  );
  if (!last) return null;
  // The append-only trigger lets a delete through only with this flag, for this transaction.
  await tx.query(`select set_config('sharescore.audit_prune', 'on', true)`);
  await tx.query('delete from audit_log where at < $1', [before]);
  return last;
}

/** Each entry named (by id) as it stands now: its hash and how many entries have an id up to it. */
export async function auditHeads(session: Session, ids: number[]): Promise<Map<number, { hash: string; n: number }>> {
  if (!ids.length) return new Map();
  const rows = await session.query<{ id: number; hash: string; n: number }>(
    `select id, hash, n from (select id, hash, row_number() over (order by id) as n from audit_log) numbered where id = any($1::bigint[])`,
    [ids],
  );
  return new Map(rows.map((r) => [Number(r.id), { hash: r.hash, n: Number(r.n) }]));
}

/** One entry's hash and how many entries have an id up to it; undefined when it is gone. */
export async function auditHead(session: Session, id: number): Promise<{ hash: string; n: number } | undefined> {
  const [row] = await session.db
    .select({ hash: auditLog.hash, n: sql<number>`(select count(*)::int from ${auditLog} where ${auditLog.id} <= ${id})` })
    .from(auditLog)
    .where(eq(auditLog.id, id));
  return row;
}

/** Stored checkpoints in id order; the newest `limit` (newest first) when given. */
export async function listCheckpoints(session: Session, limit?: number): Promise<AuditCheckpointRow[]> {
  const query = session.db.select().from(auditCheckpoints);
  return limit === undefined ? query.orderBy(asc(auditCheckpoints.id)) : query.orderBy(desc(auditCheckpoints.id)).limit(limit);
}

export async function insertCheckpoint(session: Session, checkpoint: Omit<NewAuditCheckpointRow, 'id'>): Promise<void> {
  await session.db.insert(auditCheckpoints).values(checkpoint);
}

export interface AuditSearch {
  /** The stored actor (user:3, token:5, cli), a username, or a name typed at a failed sign-in. */
  actor?: string;
  actionPrefix?: string;
  start: Date | null;
  end: Date | null;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function searchCondition(f: AuditSearch): SQL | undefined {
  return and(
    f.actor ? or(eq(auditLog.actor, f.actor), eq(users.username, f.actor), eq(auditLog.actor, `anonymous:${f.actor}`)) : undefined,
    f.actionPrefix ? like(auditLog.action, `${escapeLike(f.actionPrefix)}%`) : undefined,
    f.start ? gte(auditLog.at, f.start) : undefined,
    f.end ? lt(auditLog.at, f.end) : undefined,
  );
}

const actorUser = and(eq(auditLog.actorType, 'user'), sql`${auditLog.actor} = 'user:' || ${users.id}`);

export async function countAudit(session: Session, filter: AuditSearch): Promise<number> {
  const [{ n }] = await session.db.select({ n: count() }).from(auditLog).leftJoin(users, actorUser).where(searchCondition(filter));
  return n;
}

/** One page of the matching entries, newest first, each with the username behind user:<id>. */
export async function searchAudit(session: Session, filter: AuditSearch, limit: number, offset: number) {
  const rows = await session.db
    .select({ entry: auditLog, actorName: users.username })
    .from(auditLog)
    .leftJoin(users, actorUser)
    .where(searchCondition(filter))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .offset(offset);
  return rows.map((r) => ({ ...r.entry, actorName: r.actorName }));
}
