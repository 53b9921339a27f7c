import type { CSSProperties } from 'react';
import { fill, formatNumber, type Locale, type Messages } from '@/lib/i18n';
import { tierLabel } from '@/lib/dashboard/format';
import { periodLabel } from '@/lib/dashboard/period-labels';
import { rankingHref, sortHref, type RankingParams } from '@/lib/dashboard/ranking-params';
import type { RankingsView } from '@/lib/dashboard/rankings';
import { Pagination } from './pagination';
import { RankChange } from './rank-change';
import { RankInterval } from './rank-interval';
import { SortHeader } from './sort-header';
import { TierBadge } from './tier-badge';

const COMPARE_FORM = 'compare-form';

/** The ranking table: one server-rendered page, sortable by its headers, with comparison boxes. */
export function RankingTable({ view, params, locale, t }: { view: RankingsView; params: RankingParams; locale: Locale; t: Messages }) {
  const p = { ...params, period: view.period.code };
  const header = (label: string, sort: RankingParams['sort'], numeric = false, dimension: string | null = null) => (
    <SortHeader label={label} href={sortHref(p, sort, dimension)} active={p.sort === sort && p.dimension === dimension} descending={p.descending} numeric={numeric} t={t} />
  );
  const ranked = view.summary.departments;
  const onPage = new Set(view.rows.map((r) => r.code));
  const compareElsewhere = p.compare.filter((c) => !onPage.has(c));
  return (
    <section className="stack" aria-labelledby="ranking-title">
      <form id={COMPARE_FORM} action="/rankings" method="get" hidden>
        {[...new URLSearchParams(rankingHref(p, { compare: [] }).split('?')[1] ?? '')].map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        {compareElsewhere.map((c) => (
          <input key={c} type="hidden" name="compare" value={c} />
        ))}
      </form>
      <div className="table-scroll">
        <table className="data ranking-table" data-testid="ranking-table">
          <caption id="ranking-title">
            {fill(t.rankings.caption, { period: periodLabel(view.period.code, locale), count: view.matched, page: view.page, pages: view.pageCount })}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="col-compare">
                {t.rankings.compare}
              </th>
              {header(t.rankings.rank, 'rank', true)}
              {header(t.rankings.change, 'change')}
              {header(t.rankings.department, 'name')}
              {header(t.rankings.total, 'total', true)}
              {view.scheme.dimensions.map((d, i) => (
                <SortHeader key={d.code} label={d.name} href={sortHref(p, 'dimension', d.code)} active={p.sort === 'dimension' && p.dimension === d.code} descending={p.descending} className={`col-dim dim-${i}`} t={t} />
              ))}
              {header(t.rankings.penalty, 'penalty', true)}
              <th scope="col">{t.rankings.tier}</th>
              <th scope="col" className="col-interval">
                {t.rankings.interval}
              </th>
            </tr>
          </thead>
          <tbody>
            {view.rows.length === 0 ? (
              <tr>
                <td colSpan={8 + view.scheme.dimensions.length} className="muted">
                  {t.rankings.empty}
                </td>
              </tr>
            ) : (
              view.rows.map((r) => (
                <tr key={r.code} className={r.own ? 'own-row' : undefined}>
                  <td className="col-compare">
                    <input type="checkbox" form={COMPARE_FORM} name="compare" value={r.code} defaultChecked={p.compare.includes(r.code)} aria-label={fill(t.rankings.compareLabel, { name: r.name })} />
                  </td>
                  <td className="num rank-cell">{r.rank}</td>
                  <td>
                    <RankChange change={r.change} t={t} />
                  </td>
                  <th scope="row" className="dept-cell">
                    <a href={`/departments/${encodeURIComponent(r.code)}?period=${encodeURIComponent(p.period)}`}>{r.name}</a>
                    <span className="dept-code">{r.code}</span>
                    {r.own ? <span className="own-tag">{t.rankings.own}</span> : null}
                  </th>
                  <td className="num total-cell">{formatNumber(locale, r.total, 1)}</td>
                  {view.scheme.dimensions.map((d, i) =>
                    r.dimensions ? (
                      <td key={d.code} className={`num col-dim dim-${i}`} style={{ '--v': `${Math.max(0, Math.min(100, r.dimensions[d.code] ?? 0))}%` } as CSSProperties}>
                        {formatNumber(locale, r.dimensions[d.code] ?? 0, 1)}
                      </td>
                    ) : i === 0 ? (
                      <td key={d.code} colSpan={view.scheme.dimensions.length} className="muted small">
                        {t.rankings.detailHidden}
                      </td>
                    ) : null,
                  )}
                  <td className="num">{r.penalty === null ? '—' : r.penalty > 0 ? `−${formatNumber(locale, r.penalty, 1)}` : formatNumber(locale, 0, 1)}</td>
                  <td>
                    <TierBadge tier={r.tier} label={tierLabel(r.tier, r.tierName, locale, t)} />
                  </td>
                  <td className="col-interval">{r.rankInterval ? <RankInterval rank={r.rank} interval={r.rankInterval} ranked={ranked} straddles={r.straddlesTier} t={t} /> : '—'}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <div className="table-foot">
        <button type="submit" form={COMPARE_FORM} className="secondary">
          {t.rankings.compareSubmit}
        </button>
        <Pagination page={view.page} pageCount={view.pageCount} href={(n) => rankingHref(p, { page: n })} t={t} />
      </div>
    </section>
  );
}
