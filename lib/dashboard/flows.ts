// Who shares with whom in a period: provider → consumer flows aggregated in SQL over the
// period's days with self-calls excluded — the largest pairs, a Sankey that shows several
// providers, a heat map of the top providers × top consumers, and totals over all flows.
// Aggregating a month of a 5,000-department province reads ~1.5 million event rows, so
// each period's result is built once for everyone by Next.js ('use cache') under the
// period's data generation (every event write raises it).
import 'server-only';
import { getDatabase } from '../../db/client';
import * as q from '../../db/queries/dashboard';

/** A provider–consumer pair as the flows table shows it. */
export type { FlowPair } from '../../db/queries/dashboard';
import { buildFlowMatrix, type FlowMatrix } from './flow-matrix';
import { pageStamps } from '../scores/freshness';
import { sharedView } from '../scores/shared-cache';
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

export async function loadFlows(requestedPeriod: string | null): Promise<FlowsView | null> {
  const database = await getDatabase();
  const periods = await q.listPeriods(database);
  const period = choosePeriod(periods, requestedPeriod);
  if (!period) return null;
  // Flows are read from the events, not the scores: a period never computed shows them too.
  const stamp = pageStamps(database, periods, [period.code])[period.code].stamp;
  const summary = await sharedFlows({ code: period.code, startsOn: period.startsOn, endsOn: period.endsOn }, stamp);
  return {
    period,
    periods,
    totals: summary.totals,
    pairs: summary.pairs,
    sankey: buildSankey(summary.sankeyPairs),
    matrix: buildFlowMatrix(summary.matrixPairs),
  };
}

/** A period's flows, built once for everyone per data generation (Cache Components). */
export async function sharedFlows(period: { code: string; startsOn: string; endsOn: string }, stamp: string): Promise<q.FlowSummary> {
  'use cache';
  sharedView([period.code]);
  void stamp; // the key: flows change with the period's events, which raise its generation
  return q.flowSummary(await getDatabase(), period.startsOn, period.endsOn, FLOW_LIMITS);
}
