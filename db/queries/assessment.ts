// Snapshots of finalized periods: the frozen inputs, scheme and result, and their hash.
import type { Session } from '../types';

export interface SnapshotRow {
  period: string;
  schemeId: number;
  scheme: unknown;
  inputs: unknown;
  result: unknown;
  hash: string;
  /** The engine version that made the result (1 for snapshots from before versions were recorded). */
  engineVersion: number;
  createdBy: string;
  createdAt: Date;
}

interface RawSnapshotRow {
  period: string;
  scheme_id: number;
  scheme: unknown;
  inputs: unknown;
  result: unknown;
  hash: string;
  engine_version: number;
  created_by: string;
  created_at: Date | string;
}

const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

export async function getSnapshot(session: Session, period: string): Promise<SnapshotRow | null> {
  const [r] = await session.query<RawSnapshotRow>('select * from snapshots where period = $1', [period]);
  if (!r) return null;
  return {
    period: r.period,
    schemeId: Number(r.scheme_id),
    scheme: json(r.scheme),
    inputs: json(r.inputs),
    result: json(r.result),
    hash: r.hash,
    engineVersion: Number(r.engine_version ?? 1),
    createdBy: r.created_by,
    createdAt: new Date(r.created_at),
  };
}

/** Just the stored hash and scheme id, without the (large) bodies. */
export async function getSnapshotHeader(session: Session, period: string): Promise<{ hash: string; schemeId: number; createdAt: Date } | null> {
  const [r] = await session.query<{ hash: string; scheme_id: number; created_at: Date | string }>(
    'select hash, scheme_id, created_at from snapshots where period = $1',
    [period],
  );
  return r ? { hash: r.hash, schemeId: Number(r.scheme_id), createdAt: new Date(r.created_at) } : null;
}

export async function insertSnapshot(
  tx: Session,
  snapshot: { period: string; schemeId: number; scheme: unknown; inputs: unknown; result: unknown; hash: string; engineVersion: number; createdBy: string },
): Promise<void> {
  await tx.query(
    `insert into snapshots (period, scheme_id, scheme, inputs, result, hash, engine_version, created_by) values ($1, $2, $3::jsonb, $4::jsonb, $5::jsonb, $6, $7, $8)`,
    [snapshot.period, snapshot.schemeId, JSON.stringify(snapshot.scheme), JSON.stringify(snapshot.inputs), JSON.stringify(snapshot.result), snapshot.hash, snapshot.engineVersion, snapshot.createdBy],
  );
}
