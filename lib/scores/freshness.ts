// The one answer to "are these scores fresh?", and the one way to make them so.
//
// Writers call markChanged(tx, periods) in their own transaction: it raises the periods'
// data generations and, inside a Next request, schedules their recompute with after(), so
// it runs once the response is sent and the writer never waits for it. A recompute saves
// only if its period's generation did not move meanwhile (recompute.ts), and recomputes of
// one period in one process share one run (plus at most one follow-up run for whoever asks
// while it runs). Readers:
// - the API, the export and the CLI (freshScores) wait for a stale period to be recomputed,
//   so they always include the caller's own write;
// - pages (pageStamps) show the previous scores at once, marked as being updated, and start
//   the recompute themselves, so one stopped mid-way (a serverless function ended) is
//   restarted by the next reader; a period never computed is shown as being computed.
// Fresh = computed from the period's current generation and, for a period that had not
// ended when it was computed, on today's Beijing date: at Beijing midnight an open ledger
// item may fall due (and count late), so such scores go stale then without any write
// (db/queries/scores.ts STALE_SQL; docs/scoring.md "Freshness of ledger indicators").
import { after } from 'next/server';
import { getDatabase } from '../../db/client';
import { everyOpenPeriod, raiseGenerations, readCacheHeader } from '../../db/queries/scores';
import type { PeriodState } from '../../db/queries/dashboard';
import type { Database, Session } from '../../db/types';
import { ApiError } from '../http/errors';
import { parsePeriod } from '../periods/codes';
import { recomputePeriod } from './recompute';
import { forgetSharedViews } from './shared-cache';

const MAX_ATTEMPTS = 3; // data landing during every attempt: leave it to the next reader

/** Runs `task` after the response when inside a Next request; false when there is none (the CLI, tests). */
function afterResponse(task: () => Promise<unknown>): boolean {
  try {
    after(task);
    return true;
  } catch {
    return false;
  }
}

/**
 * The one call every writer makes, in its transaction: these periods' data changed. In a
 * request their recompute follows the response (with the one database client); elsewhere
 * the next reader recomputes.
 */
export async function markChanged(tx: Session, periods: string[]): Promise<void> {
  await raiseGenerations(tx, periods);
  afterResponse(async () => refreshPeriods(await getDatabase(), periods));
}

/** The same for a change every period's scores depend on (a scheme, a department's name or status); finalized ones keep theirs. */
export async function markEverythingChanged(tx: Session): Promise<void> {
  await markChanged(tx, await everyOpenPeriod(tx));
}

async function recomputeUntilCurrent(database: Database, code: string): Promise<void> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    try {
      const outcome = await recomputePeriod(database, code, { onlyIfStale: true });
      if (outcome === 'superseded') continue;
      if (outcome) forgetSharedViews(code);
      return;
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return; // no such period (yet): nothing to compute
      throw err;
    }
  }
}

const running = new Map<string, Promise<void>>();
const followUps = new Map<string, Promise<void>>();

/** Recomputes one period if stale; callers arriving during a run share one follow-up run. */
export function refreshPeriod(database: Database, code: string): Promise<void> {
  const current = running.get(code);
  if (!current) return start(database, code);
  let next = followUps.get(code);
  if (!next) {
    next = current.catch(() => undefined).then(() => {
      followUps.delete(code);
      return start(database, code);
    });
    followUps.set(code, next);
  }
  return next;
}

function start(database: Database, code: string): Promise<void> {
  const run = recomputeUntilCurrent(database, code).finally(() => {
    if (running.get(code) === run) running.delete(code);
  });
  running.set(code, run);
  return run;
}

const SPAN_ORDER = { month: 0, quarter: 1, year: 2 } as const;

/**
 * The order stale periods are recomputed in: months first (the page opens on a month, and a
 * month reads a twelfth of a year's events), then quarters, then years; in code order within
 * each. (In code order the year came first and held the month's new
 * scores back by its own recompute, the longest of the three: docs/performance.md.)
 */
export function recomputeOrder(periods: string[]): string[] {
  const span = (code: string) => SPAN_ORDER[parsePeriod(code)?.kind ?? 'year'];
  return [...new Set(periods)].sort((a, b) => span(a) - span(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Recomputes these periods when stale, one after another (recomputeOrder). */
export async function refreshPeriods(database: Database, periods: string[]): Promise<void> {
  for (const code of recomputeOrder(periods)) await refreshPeriod(database, code);
}

/** Recomputes these periods after the response in a request (resolves at once); elsewhere (the CLI) now. */
export async function refreshSoon(database: Database, periods: string[]): Promise<void> {
  if (!afterResponse(() => refreshPeriods(database, periods))) await refreshPeriods(database, periods);
}

/** For the API, the export and the CLI: waits until the period's scores include every write. */
export async function freshScores(database: Database, code: string) {
  const header = await readCacheHeader(database, code);
  if (header && !header.stale) return header;
  await refreshPeriod(database, code);
  return readCacheHeader(database, code);
}

/** What a page shows of a period's scores. */
export interface PageScores {
  /** The data generation (and time) of the scores shown: the key of every cached view of them. */
  stamp: string;
  /** When the scores shown were computed, if newer data is being scored meanwhile. */
  updatingSince: string | null;
  /** Never computed yet: being computed now, nothing to show. */
  computing: boolean;
}

/**
 * For pages, from the one read of the period list: each of `codes`' scores as they stand.
 * No page waits for a recompute: stale periods are shown as they are, periods never computed
 * are shown as being computed, and both are recomputed after the response. (A scheme change
 * marks every period changed; the cache's `stale` also covers a Beijing midnight passed.)
 */
export function pageStamps(database: Database, states: PeriodState[], codes: string[]): Record<string, PageScores> {
  const wanted = new Set(codes);
  const out: Record<string, PageScores> = {};
  const toRefresh: string[] = [];
  for (const { code, cache, status } of states.filter((s) => wanted.has(s.code))) {
    const updating = cache !== null && cache.stale && status !== 'finalized'; // a finalized period's scores never change
    if (!cache || updating) toRefresh.push(code);
    out[code] = cache
      ? { stamp: `g${cache.generation}@${cache.computedAt}`, updatingSince: updating ? cache.computedAt : null, computing: false }
      : { stamp: 'none', updatingSince: null, computing: true };
  }
  if (toRefresh.length) refreshSoon(database, toRefresh).catch((err) => console.error('score recompute failed:', err));
  return out;
}
