// Makes sure the score cache of the periods a page reads is current before it is read.
// The page's one read of the period list carries every cache header; only a missing or
// stale cache is recomputed, by lib/scores (which re-checks under the period's lock, so
// concurrent requests compute a period once). The staleness rule itself is lib/scores'
// needsRecompute.
import 'server-only';
import { getDatabase } from '../../db/client';
import { listPeriods, type PeriodState } from '../../db/queries/dashboard';
import { readCacheHeader, type CacheHeader, type PeriodRow } from '../../db/queries/scores';
import type { Database } from '../../db/types';
import { getActiveScheme, needsRecompute, recomputePeriod } from '../scores';
import { schemeForPeriod } from '../scores/recompute';

function asPeriodRow(s: PeriodState): PeriodRow {
  return {
    code: s.code,
    kind: s.kind,
    startsOn: s.startsOn,
    endsOn: s.endsOn,
    status: s.status,
    publishedAt: null,
    appealDeadline: null,
    finalizedAt: null,
    finalizedBy: null,
    snapshotHash: s.snapshotHash,
    schemeId: s.periodSchemeId,
  };
}

function asHeader(s: PeriodState): CacheHeader | null {
  if (!s.cache) return null;
  const schemeId = s.cache.schemeId > 0 ? s.cache.schemeId : null; // 0 stands for the built-in default scheme
  return {
    period: s.code,
    schemeId,
    inputHash: s.cache.inputHash,
    stale: s.cache.stale,
    computedAt: new Date(s.cache.computedAt),
    summary: { scheme: { id: schemeId, version: s.cache.schemeVersion, hash: s.cache.schemeHash, name: s.cache.schemeName }, departments: 0, weights: null, methodology: null },
  };
}

const stampOf = (inputHash: string, computedAt: Date | string) => `${inputHash}@${new Date(computedAt).toISOString()}`;

/**
 * Recomputes, one after another, those of `codes` whose cached scores are missing or stale,
 * and returns each period's cache stamp: it changes whenever the period's scores do, so
 * anything derived from them can be kept in memory under it.
 */
export async function freshenPeriods(database: Database, states: PeriodState[], codes: string[]): Promise<Record<string, string>> {
  const wanted = new Set(codes);
  const stamps: Record<string, string> = {};
  const active = await getActiveScheme(database);
  for (const state of states.filter((s) => wanted.has(s.code))) {
    const period = asPeriodRow(state);
    const scheme = period.status === 'finalized' ? await schemeForPeriod(database, period) : active;
    if (state.cache && !needsRecompute(asHeader(state), period, scheme)) {
      stamps[state.code] = stampOf(state.cache.inputHash, state.cache.computedAt);
      continue;
    }
    const computed = await recomputePeriod(database, state.code, { onlyIfStale: true });
    const header = computed ? null : await readCacheHeader(database, state.code); // another request computed it meanwhile
    stamps[state.code] = computed ? stampOf(computed.inputHash, computed.computedAt) : header ? stampOf(header.inputHash, header.computedAt) : 'none';
  }
  return stamps;
}

/** The same, for callers without the period list at hand. */
export async function ensureFreshScores(codes: string[]): Promise<Record<string, string>> {
  const database = await getDatabase();
  return freshenPeriods(database, await listPeriods(database), codes);
}
