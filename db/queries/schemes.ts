// Scoring scheme versions. The highest version is the active scheme; a finalized
// period keeps the scheme stored in its snapshot (db/queries/assessment.ts).
import { desc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { schemes, type NewSchemeRow, type SchemeRow } from '../schema';
import type { Session } from '../types';
import { advisoryXactLock } from './locks';

export type { SchemeRow };

/** Serialises scheme saves so versions stay 1, 2, 3… without gaps or races. */
const SCHEME_LOCK = 7_202_612;

export async function latestSchemeRow(session: Session): Promise<SchemeRow | null> {
  const [row] = await session.db.select().from(schemes).orderBy(desc(schemes.version)).limit(1);
  return row ?? null;
}

/** The highest version in force for a period starting on `startsOn`: effective_from null or ≤ that day. */
export async function schemeRowInForce(session: Session, startsOn: string): Promise<SchemeRow | null> {
  const [row] = await session.db
    .select()
    .from(schemes)
    .where(or(isNull(schemes.effectiveFrom), lte(schemes.effectiveFrom, startsOn)))
    .orderBy(desc(schemes.version))
    .limit(1);
  return row ?? null;
}

export async function schemeRowById(session: Session, id: number): Promise<SchemeRow | null> {
  const [row] = await session.db.select().from(schemes).where(eq(schemes.id, id));
  return row ?? null;
}

/** Every version, newest first, bodies included (a scheme is a few kilobytes). */
export async function listSchemeRows(session: Session, limit = 200): Promise<SchemeRow[]> {
  return session.db.select().from(schemes).orderBy(desc(schemes.version)).limit(limit);
}

export type NewSchemeVersion = Pick<NewSchemeRow, 'name' | 'body' | 'hash' | 'createdBy'> & { reason: string | null; effectiveFrom?: string | null };

/** Inserts the next version. Call inside a transaction; the lock is held until it ends. */
export async function insertSchemeVersion(tx: Session, scheme: NewSchemeVersion): Promise<SchemeRow> {
  await advisoryXactLock(tx, SCHEME_LOCK);
  const next = sql<number>`(select coalesce(max(${schemes.version}), 0) + 1 from ${schemes})`;
  const [row] = await tx.db.insert(schemes).values({ ...scheme, version: next }).returning();
  return row;
}

/** Inserts version 1 when there is no scheme at all (fresh database); returns the latest. */
export async function ensureSchemeRow(session: Session, initial: Omit<NewSchemeVersion, 'createdBy'>): Promise<SchemeRow> {
  const existing = await latestSchemeRow(session);
  if (existing) return existing;
  await session.db.insert(schemes).values({ ...initial, version: 1, createdBy: 'system' }).onConflictDoNothing({ target: schemes.version });
  return (await latestSchemeRow(session))!;
}
