import { fill, formatNumber, type Locale, type Messages } from '@/lib/i18n';
import { tierLabel } from '@/lib/dashboard/format';
import { periodLabel } from '@/lib/dashboard/period-labels';
import { rankingHref, sortHref, type RankingParams } from '@/lib/dashboard/ranking-params';
import type { RankingsView } from '@/lib/dashboard/rankings';
import { Pagination } from './pagination';
import { RankingRows, type RankingRowData, type RowWords } from './ranking-rows';
import { SortHeader } from './sort-header';
import type { FlagBadgeData } from '../integrity/flag-badge';

const COMPARE_FORM = 'compare-form';

/** The ranking table: one server-rendered page, sortable by its headers, with comparison boxes. */
export function RankingTable({ view, params, locale, t, flags }: { view: RankingsView; params: RankingParams; locale: Locale; t: Messages; flags?: Record<string, FlagBadgeData> }) {
  const p = { ...params, period: view.period.code };
  const header = (label: string, sort: RankingParams['sort'], numeric = false, dimension: string | null = null) => (
    <SortHeader label={label} href={sortHref(p, sort, dimension)} active={p.sort === sort && p.dimension === dimension} descending={p.descending} numeric={numeric} t={t} />
  );
  const ranked = view.summary.departments;
  const onPage = new Set(view.rows.map((r) => r.code));
  const compareElsewhere = p.compare.filter((c) => !onPage.has(c));
  const rows: RankingRowData[] = view.rows.map((r) => ({
    code: r.code,
    name: r.name,
    href: `/departments/${encodeURIComponent(r.code)}?period=${encodeURIComponent(p.period)}`,
    rank: r.rank,
    change: r.change,
    total: r.total,
    tier: r.tier,
    tierLabel: tierLabel(r.tier, r.tierName, locale, t),
    dimensions: r.dimensions ? view.scheme.dimensions.map((d) => r.dimensions?.[d.code] ?? 0) : null,
    penalty: r.penalty,
    rankInterval: r.rankInterval,
    straddlesTier: r.straddlesTier,
    missing: r.missing && r.missing.count ? fill(t.standing.missingCostNote, { count: r.missing.count, points: formatNumber(locale, r.missing.points ?? 0, 2) }) : null,
    own: r.own,
    flag: flags?.[r.code] ?? null,
  }));
  const words: RowWords = {
    rankings: t.rankings,
    standing: { notReported: t.standing.notReported },
    dashboard: { rankValue: t.dashboard.rankValue, rankRange: t.dashboard.rankRange },
  };
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
          <RankingRows rows={rows} dimensionCount={view.scheme.dimensions.length} ranked={ranked} compare={p.compare} form={COMPARE_FORM} locale={locale} t={words} />
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
