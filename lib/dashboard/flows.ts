// Who shares with whom in a period: provider → consumer flows aggregated in SQL over the
// period's days with self-calls excluded — the largest pairs, a Sankey that shows several
// providers, a heat map of the top providers × top consumers, and totals over all flows.
// Aggregating a month of a 5,000-department province reads ~1.5 million event rows, so
// each period's result is kept in memory until the period's inputs change (the score
// cache's stamp, refreshed first).
import 'server-only';
import { getDatabase } from '../../db/client';
import * as q from '../../db/queries/dashboard';

/** A provider–consumer pair as the flows table shows it. */
export type { FlowPair } from '../../db/queries/dashboard';
import { buildFlowMatrix, type FlowMatrix } from './flow-matrix';
import { pageStamps } from '../scores/freshness';
import { MemoCache } from './memo-cache';
import { choosePeriod, type PeriodChoiceRow } from './period-choice';
import { buildSankey, type SankeyData } from './sankey';

export const FLOW_LIMITS: q.FlowLimits = { table: 100, sankey: 24, perProvider: 3, matrix: 12 };

export interface FlowsView {
  period: PeriodChoiceRow;
  periods: PeriodChoiceRow[];
  totals: q.FlowTotals;
  pairs: q.FlowPair[];
  sankey: SankeyData;
  matrix: FlowMatrix;
}

const flowCache = new MemoCache<q.FlowSummary>(24);

export async function loadFlows(requestedPeriod: string | null): Promise<FlowsView | null> {
  const database = await getDatabase();
  const periods = await q.listPeriods(database);
  const period = choosePeriod(periods, requestedPeriod);
  if (!period) return null;
  const scores = await pageStamps(database, periods, [period.code]);
  const summary = await flowCache.get(`${period.code}:${scores[period.code]?.stamp}`, () => q.flowSummary(database, period.startsOn, period.endsOn, FLOW_LIMITS));
  return {
    period,
    periods,
    totals: summary.totals,
    pairs: summary.pairs,
    sankey: buildSankey(summary.sankeyPairs),
    matrix: buildFlowMatrix(summary.matrixPairs),
  };
}
