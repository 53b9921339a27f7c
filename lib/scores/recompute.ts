// Recomputes a period's cached scores: the matrix in SQL, the pure engine, one
// write. Holds the period's exclusive advisory lock throughout, so concurrent
// readers that find the cache stale compute it once, and a batch that commits
// meanwhile marks the new cache stale after it is written (db/queries/scores.ts).
import { createHash } from 'node:crypto';
import { loadPeriodMatrix } from '../../db/queries/matrix';
import { findPeriod, lockPeriodExclusive, readCacheHeader, writeCache, type CacheHeader, type PeriodRow } from '../../db/queries/scores';
import type { Database, Session } from '../../db/types';
import { badRequest, notFound, periodLocked } from '../http/errors';
import { fill, messages } from '../i18n';
import { parsePeriod } from '../periods/codes';
import { canonicalJson, scoreDepartments } from '../scoring';
import { getActiveScheme, getSchemeById, type ActiveScheme } from './active-scheme';

export interface RecomputeSummary {
  period: string;
  departments: number;
  scheme: { id: number | null; version: number; hash: string };
  inputHash: string;
  computedAt: Date;
  /** Milliseconds spent in the SQL aggregation, the engine and the cache write. */
  timings: { matrix: number; engine: number; write: number };
}

const t = () => messages('zh-CN').scores;

export function parsePeriodOrThrow(code: string) {
  const info = parsePeriod(code);
  if (!info) throw badRequest(fill(t().badPeriod, { value: code }));
  return info;
}

export async function findPeriodOrThrow(session: Session, code: string): Promise<PeriodRow> {
  parsePeriodOrThrow(code);
  const period = await findPeriod(session, code);
  if (!period) throw notFound(fill(t().unknownPeriod, { value: code }));
  return period;
}

/** A finalized period keeps the scheme it was finalized with; others use the scheme in force. */
export async function schemeForPeriod(session: Session, period: PeriodRow): Promise<ActiveScheme> {
  if (period.status === 'finalized' && period.schemeId !== null) {
    const kept = await getSchemeById(session, period.schemeId);
    if (kept) return kept;
  }
  return getActiveScheme(session);
}

/** Stale: never computed, marked stale by a batch, or computed under another scheme. A finalized period's cache is frozen. */
export function needsRecompute(header: CacheHeader | null, period: PeriodRow, scheme: ActiveScheme): boolean {
  if (!header) return true;
  if (period.status === 'finalized') return false;
  return header.stale || header.schemeId !== scheme.id || header.summary.scheme.hash !== scheme.hash;
}

export async function recomputePeriod(database: Database, code: string, options: { onlyIfStale?: boolean } = {}): Promise<RecomputeSummary | null> {
  const info = parsePeriodOrThrow(code);
  return database.transaction(async (tx) => {
    await lockPeriodExclusive(tx, code);
    const period = await findPeriodOrThrow(tx, code);
    const scheme = await schemeForPeriod(tx, period);
    const header = await readCacheHeader(tx, code);
    if (options.onlyIfStale && !needsRecompute(header, period, scheme)) return null;
    // A finalized period's cache is the snapshot written at finalization: never replaced.
    if (period.status === 'finalized' && header) throw periodLocked(code);

    const started = performance.now();
    const input = await loadPeriodMatrix(tx, info, scheme.scheme);
    const matrixDone = performance.now();
    const result = scoreDepartments(input, scheme.scheme);
    const inputHash = 'sha256:' + createHash('sha256').update(canonicalJson(input)).digest('hex');
    const engineDone = performance.now();
    const schemeRef = { id: scheme.id, version: scheme.version, hash: scheme.hash };
    const computedAt = await writeCache(
      tx,
      {
        period: code,
        schemeId: scheme.id,
        inputHash,
        summary: { scheme: { ...schemeRef, name: scheme.scheme.name }, departments: result.departments.length, weights: result.weights, methodology: result.methodology },
      },
      result.departments,
    );
    return {
      period: code,
      departments: result.departments.length,
      scheme: schemeRef,
      inputHash,
      computedAt,
      timings: { matrix: matrixDone - started, engine: engineDone - matrixDone, write: performance.now() - engineDone },
    };
  });
}
