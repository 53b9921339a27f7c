// Scoring scheme versions. The highest version is the active scheme; a finalized
// period keeps the scheme stored in its snapshot (db/queries/assessment.ts).
import type { Session } from '../types';

export interface SchemeRow {
  id: number;
  version: number;
  name: string;
  body: unknown;
  hash: string;
  reason: string | null;
  createdBy: string;
  createdAt: Date;
}

interface RawSchemeRow {
  id: number;
  version: number;
  name: string;
  body: unknown;
  hash: string;
  reason: string | null;
  created_by: string;
  created_at: Date | string;
}

const toRow = (r: RawSchemeRow): SchemeRow => ({
  id: Number(r.id),
  version: Number(r.version),
  name: r.name,
  body: typeof r.body === 'string' ? JSON.parse(r.body) : r.body,
  hash: r.hash,
  reason: r.reason,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
});

/** Serialises scheme saves so versions stay 1, 2, 3… without gaps or races. */
const SCHEME_LOCK = 7_202_612;

export async function latestSchemeRow(session: Session): Promise<SchemeRow | null> {
  const [row] = await session.query<RawSchemeRow>('select * from schemes order by version desc limit 1');
  return row ? toRow(row) : null;
}

export async function schemeRowById(session: Session, id: number): Promise<SchemeRow | null> {
  const [row] = await session.query<RawSchemeRow>('select * from schemes where id = $1', [id]);
  return row ? toRow(row) : null;
}

export async function schemeRowByVersion(session: Session, version: number): Promise<SchemeRow | null> {
  const [row] = await session.query<RawSchemeRow>('select * from schemes where version = $1', [version]);
  return row ? toRow(row) : null;
}

/** Every version, newest first, bodies included (a scheme is a few kilobytes). */
export async function listSchemeRows(session: Session, limit = 200): Promise<SchemeRow[]> {
  const rows = await session.query<RawSchemeRow>('select * from schemes order by version desc limit $1', [limit]);
  return rows.map(toRow);
}

export interface NewSchemeVersion {
  name: string;
  body: unknown;
  hash: string;
  reason: string | null;
  createdBy: string;
}

/** Inserts the next version. Call inside a transaction; the lock is held until it ends. */
export async function insertSchemeVersion(tx: Session, scheme: NewSchemeVersion): Promise<SchemeRow> {
  await tx.query('select pg_advisory_xact_lock($1)', [SCHEME_LOCK]);
  const [row] = await tx.query<RawSchemeRow>(
    `insert into schemes (version, name, body, hash, reason, created_by)
     values ((select coalesce(max(version), 0) + 1 from schemes), $1, $2::jsonb, $3, $4, $5)
     returning *`,
    [scheme.name, JSON.stringify(scheme.body), scheme.hash, scheme.reason, scheme.createdBy],
  );
  return toRow(row);
}

/** Inserts version 1 when there is no scheme at all (fresh database); returns the latest. */
export async function ensureSchemeRow(session: Session, initial: Omit<NewSchemeVersion, 'createdBy'>): Promise<SchemeRow> {
  const existing = await latestSchemeRow(session);
  if (existing) return existing;
  await session.query(
    `insert into schemes (version, name, body, hash, reason, created_by) values (1, $1, $2::jsonb, $3, $4, 'system')
     on conflict (version) do nothing`,
    [initial.name, JSON.stringify(initial.body), initial.hash, initial.reason],
  );
  return (await latestSchemeRow(session))!;
}
