import { AppLink } from '@/components/app-link';
import type { Locale, Messages } from '@/lib/i18n';
import { tierLabel } from '@/lib/dashboard/format';
import { rankingHref, sortKey, type RankingParams } from '@/lib/dashboard/ranking-params';
import type { NamedCode } from '@/lib/dashboard/scheme-meta';

/** Filter by tier and by name or code (a GET form); the period, sort and comparison are kept. */
export function RankingFilters({ params, period, tiers, groups, locale, t }: { params: RankingParams; period: string; tiers: NamedCode[]; groups: string[]; locale: Locale; t: Messages }) {
  return (
    <form className="toolbar ranking-filters" action="/rankings" method="get" role="search">
      <input type="hidden" name="period" value={period} />
      {params.sort !== 'rank' || params.descending ? <input type="hidden" name="sort" value={sortKey(params)} /> : null}
      {params.sort !== 'rank' || params.descending ? <input type="hidden" name="dir" value={params.descending ? 'desc' : 'asc'} /> : null}
      {params.compare.length ? <input type="hidden" name="compare" value={params.compare.join(',')} /> : null}
      <label>
        {t.rankings.filterTier}
        <select name="tier" defaultValue={params.tier ?? ''}>
          <option value="">{t.rankings.allTiers}</option>
          {tiers.map((x) => (
            <option key={x.code} value={x.code}>
              {tierLabel(x.code, x.name, locale, t)}
            </option>
          ))}
        </select>
      </label>
      {groups.length > 1 ? (
        <label>
          {t.standing.group}
          <select name="group" defaultValue={params.group ?? ''} data-testid="group-filter">
            <option value="">{t.standing.allGroups}</option>
            {groups.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        {t.rankings.search}
        <input type="search" name="q" defaultValue={params.search ?? ''} maxLength={64} />
      </label>
      <button type="submit" className="primary">
        {t.rankings.apply}
      </button>
      {params.tier || params.search || params.group ? <AppLink href={rankingHref({ ...params, period }, { tier: null, search: null, group: null, page: 1 })}>{t.rankings.reset}</AppLink> : null}
    </form>
  );
}
