// Recomputes a period's cached scores: the matrix in SQL, the pure engine, one
// write. Holds the period's exclusive advisory lock throughout, so concurrent
// recomputes of a period (in any process) run one after the other and the later finds
// the work done. Writers do not take the lock: the recompute notes the period's data
// generation before it reads and saves only if it is still the same at the end, so a
// batch that lands meanwhile leaves the period stale for the next recompute.
import { hashOf } from '../audit/chain';
import { readFlagSet } from '../../db/queries/integrity';
import { storePeriodFlags } from './integrity-flags';
import { loadPeriodMatrix } from '../../db/queries/matrix';
import type { PeriodRow } from '../../db/queries/periods';
import { currentGeneration, lockPeriodExclusive, readCacheHeader, writeCache, type CacheHeader } from '../../db/queries/scores';
import type { Database, Session } from '../../db/types';
import { periodLocked } from '../http/errors';
import { chinaDay } from '../periods/calendar';
import { requirePeriod, requirePeriodCode } from '../periods/rows';
import { ENGINE_VERSION, type Scheme, type ScoringInput, type ScoringResult } from '../scoring';
import { cacheRowsOf } from './cache-rows';
import { scoreOffThread } from './engine-thread';
import { schemeForPeriod, type ActiveScheme } from './active-scheme';

export interface RecomputeSummary {
  period: string;
  departments: number;
  scheme: { id: number | null; version: number; hash: string };
  inputHash: string;
  computedAt: Date;
  /** Milliseconds spent in the SQL aggregation, the engine with the rows it builds, the cache write and the integrity flags. */
  timings: { matrix: number; engine: number; write: number; flags: number };
}

/** Stale: never computed, marked stale by a batch, computed under another scheme or engine version. A finalized period's cache is frozen. */
export function needsRecompute(header: CacheHeader | null, period: PeriodRow, scheme: ActiveScheme): boolean {
  if (!header) return true;
  if (period.status === 'finalized') return false;
  // Scores computed by an older engine (before this deployment) are recomputed too.
  return header.stale || header.schemeId !== scheme.id || header.summary.scheme.hash !== scheme.hash || (header.summary.engine ?? 1) !== ENGINE_VERSION;
}

/** The summary; null when the scores were already fresh; 'superseded' when data landed meanwhile (nothing saved). */
export async function recomputePeriod(database: Database, code: string, options: { onlyIfStale?: boolean } = {}): Promise<RecomputeSummary | 'superseded' | null> {
  const info = requirePeriodCode(code);
  return database.transaction(async (tx) => {
    await lockPeriodExclusive(tx, code);
    const period = await requirePeriod(tx, code);
    const scheme = await schemeForPeriod(tx, period);
    const header = await readCacheHeader(tx, code);
    const flagSet = await readFlagSet(tx, code); // stored with the scores: stale or missing, they are recomputed too
    if (options.onlyIfStale && !needsRecompute(header, period, scheme) && flagSet && !flagSet.stale) return null;
    // A finalized period's cache is the snapshot written at finalization: never replaced.
    if (period.status === 'finalized' && header) {
      if (flagSet || !options.onlyIfStale) throw periodLocked(code);
      await storePeriodFlags(tx, code, scheme.scheme); // finalized before flags were stored: once (for a reader), then frozen too
      return null;
    }

    const generation = await currentGeneration(tx, code); // before the inputs are read
    const started = performance.now();
    const input = await loadPeriodMatrix(tx, info, scheme.scheme, chinaDay(new Date()));
    const matrixDone = performance.now();
    const schemeRef = { id: scheme.id, version: scheme.version, hash: scheme.hash };
    const scored = await scoreOffThread({ period: code, input, scheme: scheme.scheme, schemeRef: { ...schemeRef, name: scheme.scheme.name } }); // off the serving thread
    const engineDone = performance.now();
    if ((await currentGeneration(tx, code)) !== generation) return 'superseded';
    const { inputHash } = scored;
    const computedAt = await writeCache(tx, { period: code, schemeId: scheme.id, inputHash, generation }, scored);
    const written = performance.now();
    await storePeriodFlags(tx, code, scheme.scheme); // with the scores, under the same lock and generation guard
    return {
      period: code,
      departments: scored.departments,
      scheme: schemeRef,
      inputHash,
      computedAt,
      timings: { matrix: matrixDone - started, engine: engineDone - matrixDone, write: written - engineDone, flags: performance.now() - written },
    };
  });
}

/** The input matrix of a period: every active department's rolled-up values and its incidents. */
export async function loadPeriodInput(session: Session, period: string, scheme: Scheme): Promise<ScoringInput> {
  return loadPeriodMatrix(session, requirePeriodCode(period), scheme, chinaDay(new Date()));
}

/**
 * At finalization, the cache becomes exactly the snapshot's result, in the finalizing
 * transaction (which holds the period row, so no write lands meanwhile): every page and the
 * scores API show the finalized numbers, as fresh as the period's generation. The period's
 * integrity flags are computed once more here and frozen with them.
 */
export async function writeFinalizedCache(
  tx: Session,
  period: string,
  scheme: { id: number; version: number; hash: string; name: string },
  schemeBody: Scheme,
  inputs: ScoringInput,
  result: ScoringResult,
): Promise<void> {
  await lockPeriodExclusive(tx, period);
  const rows = cacheRowsOf(period, scheme, schemeBody, result);
  await writeCache(tx, { period, schemeId: scheme.id, inputHash: hashOf(inputs), generation: await currentGeneration(tx, period) }, rows);
  await storePeriodFlags(tx, period, schemeBody); // the flags as finalized: never replaced either
}
