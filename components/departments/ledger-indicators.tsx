// A department's ledger indicators as numerator / denominator (按期答复 41 / 45), 不适用 when
// nothing fell due: the numbers come from lib/ledgers (the scores' own SQL), no arithmetic here.
import { fill, formatNumber, type Locale, type Messages } from '@/lib/i18n';
import { MIN_RATINGS, type LedgerLine } from '@/lib/ledgers/department-lines';
import { indicatorValueText } from '@/lib/dashboard/format';
import type { IndicatorMeta } from '@/lib/dashboard/scheme-meta';

function lineText(line: LedgerLine, locale: Locale, t: Messages): string {
  const texts = t.ledgerIndicators;
  if (line.notApplicable) return texts.notApplicable;
  const values = { n: formatNumber(locale, line.numerator, 0), d: formatNumber(locale, line.denominator ?? 0, 0) };
  if (line.code === 'satisfaction_score') {
    return line.meanRating == null ? `${fill(texts.satisfaction_score, { ...values, mean: '—' })}；${fill(texts.tooFewRatings, { min: MIN_RATINGS })}` : fill(texts.satisfaction_score, { ...values, mean: formatNumber(locale, line.meanRating, 2) });
  }
  return fill(texts[line.code], values);
}

/** The department's ledger counts for the period (lib/ledgers pageLedgerLines), one row per ledger indicator of the period's scheme. */
export function LedgerIndicators({
  lines,
  indicators,
  locale,
  t,
}: {
  lines: LedgerLine[];
  indicators: ReadonlyArray<Pick<IndicatorMeta, 'code' | 'name' | 'source' | 'kind' | 'unit'>>;
  locale: Locale;
  t: Messages;
}) {
  if (!lines.length) return null;
  const meta = new Map(indicators.map((i) => [i.code, i]));
  const valueText = (line: LedgerLine, value: number | null) => (value === null ? '—' : indicatorValueText(meta.get(line.code)!, value, locale, t));
  const anySelfReported = lines.some((l) => l.selfReported !== null);
  return (
    <section className="card" aria-labelledby="ledger-indicators-title" data-testid="ledger-indicators">
      <h2 id="ledger-indicators-title">{t.ledgerIndicators.title}</h2>
      <p className="muted">{t.ledgerIndicators.caption}</p>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t.ledgerIndicators.columns.indicator}</th>
            <th scope="col">{t.ledgerIndicators.columns.ledger}</th>
            <th scope="col">{t.ledgerIndicators.columns.value}</th>
            {anySelfReported && <th scope="col">{t.ledgerIndicators.columns.selfReported}</th>}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.code}>
              <th scope="row">{locale === 'zh-CN' ? line.name : ((t.dashboard.indicatorNames as Record<string, string>)[line.code] ?? line.name)}</th>
              <td className={line.notApplicable ? 'not-applicable' : undefined}>{lineText(line, locale, t)}</td>
              <td>{line.notApplicable ? t.ledgerIndicators.notApplicable : valueText(line, line.value)}</td>
              {anySelfReported && <td className="muted">{valueText(line, line.selfReported)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
