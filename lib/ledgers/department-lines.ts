// What a department's page shows of its ledger indicators (docs/scoring.md "Ledger
// indicators"): each one's numerator and denominator in the period (按期答复 41 / 45), or
// 不适用 when nothing fell due, so the department sees which requests cost it points.
// Counted by the same SQL as the scores, as of today (Beijing).
import { getDatabase } from '../../db/client';
import { beijingToday } from '../../db/queries/matrix';
import { loadLedgerCounts } from '../../db/queries/ledger-indicators';
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
}

export { MIN_RATINGS };

/** The department's line for each ledger indicator among `indicators` (the period's scheme, in its order). */
export async function departmentLedgerLines(
  code: string,
  period: { startsOn: string; endsOn: string },
  indicators: ReadonlyArray<{ code: string; name: string; source: string }>,
  today: string = beijingToday(),
): Promise<LedgerLine[]> {
  const wanted = indicators.filter((i) => i.source === 'ledger' && isLedgerIndicator(i.code));
  if (!wanted.length) return [];
  const [counts] = await loadLedgerCounts(await getDatabase(), period, today, code);
  const c = counts ?? NO_LEDGER_ROWS(code);
  const fractions = ledgerFractions(c);
  return wanted.map((i) => {
    const ledgerCode = i.code as LedgerIndicator;
    const { numerator, denominator } = fractions[ledgerCode];
    const line: LedgerLine = { code: ledgerCode, name: i.name, numerator, denominator, notApplicable: ledgerValue(ledgerCode, c).notApplicable };
    if (ledgerCode === 'satisfaction_score') line.meanRating = c.ratings >= MIN_RATINGS ? c.ratingSum / c.ratings : null;
    return line;
  });
}
