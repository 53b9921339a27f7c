// What /methodology shows for a period, as plain data: which method choices move the
// ranks most (the Sobol indices the engine stored with the scores), the tiers by share of
// rank with their floors, and the dampening of calls and consumers (docs/scoring.md).
import 'server-only';
import { getDatabase } from '../../db/client';
import * as q from '../../db/queries/dashboard';
import { readCacheHeader } from '../../db/queries/scores';
import { dampeningOf, defaultScheme, parseScheme, type Dampening, type MethodSensitivity, type Scheme } from '../scoring';
import { pageStamps } from '../scores/freshness';
import { choosePeriod, type PeriodChoiceRow } from './period-choice';

export interface MethodologyView {
  period: PeriodChoiceRow;
  periods: PeriodChoiceRow[];
  computedAt: string | null;
  updatingSince: string | null;
  /** Largest total index first; null for a period scored by engine version 1. */
  sensitivity: MethodSensitivity | null;
  /** Each tier's rank band as shares of the ranked departments (`to` null: the rest), and its score conditions. */
  tiers: Array<{ code: string; name: string; from: number; to: number | null; minScore?: number; floor?: number }>;
  dampening: Dampening;
  rankWithinGroups: boolean;
}

export async function loadMethodology(requested: string | null): Promise<MethodologyView | null> {
  const database = await getDatabase();
  const periods = await q.listPeriods(database);
  const period = choosePeriod(periods, requested);
  if (!period) return null;
  const scores = await pageStamps(database, periods, [period.code]);
  const [header, cache] = await Promise.all([readCacheHeader(database, period.code), q.cachedScheme(database, period.code)]);
  const parsed = parseScheme(cache?.body ?? defaultScheme);
  const scheme = parsed.ok ? parsed.scheme : defaultScheme;
  const sensitivity = (header?.summary.sensitivity as MethodSensitivity | undefined) ?? null;
  return {
    period,
    periods,
    computedAt: cache?.computedAt ?? null,
    updatingSince: scores[period.code]?.updatingSince ?? null,
    sensitivity: sensitivity && { ...sensitivity, choices: [...sensitivity.choices].sort((a, b) => b.total - a.total) },
    tiers: tierBands(scheme.tiers),
    dampening: dampeningOf(scheme),
    rankWithinGroups: scheme.rankWithinGroups === true,
  };
}

function tierBands(tiers: Scheme['tiers']): MethodologyView['tiers'] {
  let from = 0;
  return tiers.map((tier) => {
    const band = { code: tier.code, name: tier.name, from, to: tier.topShare ?? null, minScore: tier.minScore, floor: tier.floor };
    if (tier.topShare !== undefined) from = tier.topShare;
    return band;
  });
}
