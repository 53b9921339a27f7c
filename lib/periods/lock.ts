// The finalization lock: once a period is finalized, nothing that would change its
// scores may be written. Every write path (metric and event ingest, appeals,
// incidents and exemptions, recompute) calls assertPeriodWritable inside its own
// transaction before writing.
import { finalizedPeriodCodes } from '../../db/queries/periods';
import type { Session } from '../../db/types';
import { periodLocked } from '../http/errors';
import { isMonthCode, parsePeriod, periodsContaining } from './codes';

const ISO_DAY = /^(\d{4}-(0[1-9]|1[0-2]))-\d{2}$/;

/**
 * Every period whose data a write to `code` could change: for a day or a month,
 * the month, its quarter and its year; for a quarter, also its months; for a year,
 * its quarters and months too. Unknown codes give [].
 */
export function overlappingPeriods(code: string): string[] {
  const day = ISO_DAY.exec(code);
  const month = day ? day[1] : code;
  if (isMonthCode(month)) return periodsContaining(month);
  const info = parsePeriod(code);
  if (!info) return [];
  const out = new Set<string>();
  // A quarter's months give it and its year; a year's months give all its quarters.
  for (const m of info.months) for (const p of periodsContaining(m)) out.add(p);
  return [...out].sort();
}

/**
 * Refuses (409 period_locked) when `monthOrPeriod` — a day 2026-10-15, a month
 * 2026-10, a quarter 2026-Q4 or a year 2026 — lies in a finalized period. Call it in
 * the writing transaction: it takes a share lock on the period rows, so a concurrent
 * finalization waits for this write to commit (and snapshots it), or this write
 * waits for the finalization and is then refused.
 */
export async function assertPeriodWritable(session: Session, monthOrPeriod: string): Promise<void> {
  await assertPeriodsWritable(session, [monthOrPeriod]);
}

/** The same for many codes at once (one query), e.g. every month of an ingest batch. */
export async function assertPeriodsWritable(session: Session, codes: Iterable<string>): Promise<void> {
  const affected = new Set<string>();
  for (const code of codes) for (const p of overlappingPeriods(code)) affected.add(p);
  const locked = await finalizedPeriodCodes(session, [...affected], { forShare: true });
  if (locked.length) throw periodLocked(locked.join('、'));
}
