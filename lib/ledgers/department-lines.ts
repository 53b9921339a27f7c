// What a department's page shows of its ledger indicators (docs/scoring.md "Ledger
// indicators"): each one's numerator and denominator in the period (按期答复 41 / 45), or
// 不适用 when nothing fell due, so the department sees which requests cost it points.
// Counted by the same SQL as the scores, as of today (Beijing).
import { getDatabase } from '../../db/client';
import { chinaDay } from '../periods/calendar';
import { loadLedgerCounts, loadSelfReported } from '../../db/queries/ledger-indicators';
import { sharedView } from '../scores/shared-cache';
import { isLedgerIndicator, ledgerFractions, ledgerValue, MIN_RATINGS, NO_LEDGER_ROWS, type LedgerIndicator } from '../scoring';

export interface LedgerLine {
  code: LedgerIndicator;
  name: string;
  numerator: number;
  /** null: a count (resources_published). */
  denominator: number | null;
  notApplicable: boolean;
  /** satisfaction_score: the mean rating (1–5) when there are enough ratings, else null. */
  meanRating?: number | null;
  /** The indicator's value from the ledgers (null: 不适用 or too few ratings). */
  value: number | null;
  /**
   * What the department itself reported for the same indicator in the period's months, when
   * it did (the five indicators reported by the department before the ledgers): shown beside
   * the ledger's value so the two can be compared. A count is its latest month, else the mean.
   */
  selfReported: number | null;
}

/** The indicators a department reported itself before the ledgers computed them (docs/scoring.md "Ledger indicators"). */
export const FORMERLY_SELF_REPORTED: readonly LedgerIndicator[] = ['resources_published', 'demand_response_rate', 'delivery_timeliness_rate', 'objection_resolution_rate', 'satisfaction_score'];

export { MIN_RATINGS };

/** The department's line for each ledger indicator among `indicators` (the period's scheme, in its order), counted on `today` (Beijing). */
export async function departmentLedgerLines(
  code: string,
  period: { startsOn: string; endsOn: string },
  indicators: ReadonlyArray<{ code: string; name: string; source: string }>,
  today: string,
): Promise<LedgerLine[]> {
  const wanted = indicators.filter((i) => i.source === 'ledger' && isLedgerIndicator(i.code));
  if (!wanted.length) return [];
  const database = await getDatabase();
  const [counts] = await loadLedgerCounts(database, period, today, code);
  const comparable = wanted.map((i) => i.code).filter((c) => (FORMERLY_SELF_REPORTED as readonly string[]).includes(c));
  const reported = new Map((await loadSelfReported(database, code, period, comparable)).map((r) => [r.indicator, r]));
  const c = counts ?? NO_LEDGER_ROWS(code);
  const fractions = ledgerFractions(c);
  return wanted.map((i) => {
    const ledgerCode = i.code as LedgerIndicator;
    const { numerator, denominator } = fractions[ledgerCode];
    const { value, notApplicable } = ledgerValue(ledgerCode, c);
    const own = reported.get(ledgerCode);
    const selfReported = own ? (ledgerCode === 'resources_published' ? own.latest : own.mean) : null;
    const line: LedgerLine = { code: ledgerCode, name: i.name, numerator, denominator, notApplicable, value, selfReported };
    if (ledgerCode === 'satisfaction_score') line.meanRating = c.ratings >= MIN_RATINGS ? c.ratingSum / c.ratings : null;
    return line;
  });
}

type LinesKey = { code: string; period: { code: string; startsOn: string; endsOn: string }; stamp: string; today: string; indicators: Array<{ code: string; name: string; source: string }> };

/**
 * A department page's ledger lines beside the scores it shows (`stamp`: their data
 * generation, lib/scores pageStamps): counted once per scores and Beijing day for every
 * reader ('use cache'), not on every view (28 ms at 5,000 departments).
 */
export function pageLedgerLines(
  code: string,
  view: { period: LinesKey['period']; stamp: string; scheme: { indicators: LinesKey['indicators'] } },
  today: string = chinaDay(new Date()),
): Promise<LedgerLine[]> {
  const { code: period, startsOn, endsOn } = view.period;
  const indicators = view.scheme.indicators.map(({ code, name, source }) => ({ code, name, source }));
  return sharedLedgerLines({ code, period: { code: period, startsOn, endsOn }, stamp: view.stamp, today, indicators });
}

export async function sharedLedgerLines(key: LinesKey): Promise<LedgerLine[]> {
  'use cache';
  sharedView([key.period.code]); // the stamp in the key: the period's scores as they stand
  return departmentLedgerLines(key.code, key.period, key.indicators, key.today);
}
