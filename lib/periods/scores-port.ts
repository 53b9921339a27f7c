// The assessment cycle's door to the score cache (lib/scores) and the SQL input
// matrix (db/queries/matrix.ts), which the ingest work owns. Everything the cycle
// needs from them goes through these few functions.
//
// Lock order, everywhere: period rows first (FOR UPDATE / FOR SHARE, lock.ts), then
// the score cache's advisory locks (db/queries/scores.ts). Keeping one order means
// a finalization and a concurrent batch queue behind each other instead of deadlocking.
import { createHash } from 'node:crypto';
import type { Database, Session } from '../../db/types';
import { loadPeriodMatrix } from '../../db/queries/matrix';
import { lockPeriodExclusive, markPeriodsStale, readCacheHeader, readRanking, writeCache } from '../../db/queries/scores';
import { ApiError } from '../http/errors';
import { recomputePeriod } from '../scores/recompute';
import { canonicalJson, type DepartmentResult, type Scheme, type ScoringInput, type ScoringResult } from '../scoring/index';
import { parsePeriod } from './codes';

/** Marks the cached scores of these periods stale (inside the writing transaction). */
export async function markScoresStale(tx: Session, periods: string[]): Promise<void> {
  await markPeriodsStale(tx, periods);
}

/** The input matrix of a period: every active department's rolled-up values and its incidents. */
export async function loadPeriodInput(session: Session, period: string, scheme: Scheme): Promise<ScoringInput> {
  const info = parsePeriod(period);
  if (!info) throw new Error(`not a period code: ${period}`);
  return loadPeriodMatrix(session, info, scheme);
}

/** Recomputes the cached scores of these periods when stale; periods without a row are skipped. */
export async function refreshScores(database: Database, periods: string[]): Promise<void> {
  for (const code of [...new Set(periods)].sort()) {
    try {
      await recomputePeriod(database, code, { onlyIfStale: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) continue;
      throw err;
    }
  }
}

/** A period's current (fresh) scores in rank order, or null when it has none. */
export async function currentResults(database: Database, period: string): Promise<{ departments: DepartmentResult[]; computedAt: Date } | null> {
  await refreshScores(database, [period]);
  const header = await readCacheHeader(database, period);
  if (!header) return null;
  // The ranking entries carry every field the assessment export reads.
  const departments = (await readRanking(database, period)) as unknown as DepartmentResult[];
  return { departments, computedAt: header.computedAt };
}

/**
 * At finalization, the cache becomes exactly the snapshot's result (in the same
 * transaction), so every page and the scores API show the finalized numbers.
 */
export async function writeFinalizedCache(
  tx: Session,
  period: string,
  scheme: { id: number; version: number; hash: string; name: string },
  inputs: ScoringInput,
  result: ScoringResult,
): Promise<void> {
  await lockPeriodExclusive(tx, period);
  const inputHash = `sha256:${createHash('sha256').update(canonicalJson(inputs)).digest('hex')}`;
  await writeCache(
    tx,
    {
      period,
      schemeId: scheme.id,
      inputHash,
      summary: { scheme, departments: result.departments.length, weights: result.weights, methodology: result.methodology },
    },
    result.departments,
  );
}
