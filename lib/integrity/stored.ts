// Reading a period's stored integrity flags (stored by the recompute: lib/scores/integrity-flags.ts). The
// set-asides (who set aside which pair) are read live beside them: a cheap query, and a
// set-aside changes no flag (the flags read the raw events), only the scores.
import { listSetAsides, readFlags, readFlagSet, type FlagRow, type FlagSetHeader, type SetAsideRow } from '../../db/queries/integrity';
import type { Database, Session } from '../../db/types';
import { freshScores, refreshPeriod } from '../scores/freshness';
import type { FlagKind, FlagSeverity } from '../scoring/index';

export interface IntegrityFlag {
  department: string;
  kind: FlagKind;
  severity: FlagSeverity;
  evidence: Record<string, unknown>;
  /** The active set-aside of this flag's pair (provider = department, consumer = partner), if any. */
  setAside: { id: number; reason: string } | null;
}

export interface StoredFlags {
  /** When and from which data the flags were computed; null: never computed yet (being computed). */
  header: FlagSetHeader | null;
  flags: IntegrityFlag[];
}

/** Flag rows with their pair's active set-aside, if any. */
function withSetAsides(rows: FlagRow[], setAsides: SetAsideRow[]): IntegrityFlag[] {
  const active = new Map<string, SetAsideRow>();
  for (const s of setAsides) if (!s.revokedAt) active.set(`${s.provider}\u0000${s.consumer}`, s);
  return rows.map((r) => {
    const partner = typeof r.evidence.partner === 'string' ? r.evidence.partner : null;
    const setAside = partner ? active.get(`${r.department}\u0000${partner}`) : undefined;
    return {
      department: r.department,
      kind: r.kind as FlagKind,
      severity: r.severity,
      evidence: r.evidence,
      setAside: setAside ? { id: setAside.id, reason: setAside.reason } : null,
    };
  });
}

/** A period's stored flags as they stand (all, or one department's), in display order. */
export async function storedFlags(session: Session, period: string, department: string | null): Promise<StoredFlags> {
  const header = await readFlagSet(session, period);
  if (!header) return { header, flags: [] };
  const rows = await readFlags(session, period, department);
  const pairs = rows.some((r) => typeof r.evidence.partner === 'string');
  return { header, flags: withSetAsides(rows, pairs ? await listSetAsides(session, period) : []) };
}

/**
 * For the API: the period's flags including every write, the caller's own too. Through the
 * same wait as the scores API (freshScores), then once more if the flags alone are behind
 * (a late write to an earlier month, or never computed since flags were first stored).
 */
export async function freshFlags(database: Database, period: string, department: string | null): Promise<StoredFlags> {
  await freshScores(database, period);
  const header = await readFlagSet(database, period);
  if (!header || header.stale) await refreshPeriod(database, period);
  return storedFlags(database, period, department);
}
