import type { Metadata } from 'next';
import { guardPage } from '@/lib/auth/guard';
import { getI18n } from '@/lib/i18n/server';
import { loadRankings } from '@/lib/dashboard/rankings';
import { parseRankingParams, rankingHref, type SearchParams } from '@/lib/dashboard/ranking-params';
import { localizeMeta } from '@/lib/dashboard/scheme-meta';
import { pagePath } from '@/lib/dashboard/page-path';
import { PageHeading } from '@/components/dashboard/page-heading';
import { NoData } from '@/components/dashboard/no-data';
import { PeriodPicker } from '@/components/dashboard/period-picker';
import { RankingFilters } from '@/components/dashboard/ranking-filters';
import { RankingTable } from '@/components/dashboard/ranking-table';
import { RankingsOverviewCharts, RankingsTrendChart } from '@/components/dashboard/rankings-charts';
import { ScoresComputing } from '@/components/dashboard/scores-computing';
import { SummaryCards } from '@/components/dashboard/summary-cards';
import { tierLabel } from '@/lib/dashboard/format';
import { AppLink } from '@/components/app-link';
import { flagBadgeLinks } from '@/lib/integrity/views';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: `${t.rankings.title} · ${t.app.shortName}` };
}

export default async function RankingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const gate = await guardPage(pagePath('/rankings', sp), 'scores:read');
  const { locale, t } = await getI18n();
  const params = parseRankingParams(sp);
  const view = await loadRankings(gate.principal, params);
  if (!view) return <NoData title={t.rankings.title} t={t} />;
  // Switching the period keeps the sort, the filters and the comparison.
  const keep = Object.fromEntries(new URLSearchParams(rankingHref({ ...params, period: null, page: 1 }).split('?')[1] ?? ''));
  const picker = <PeriodPicker action="/rankings" periods={view.periods} current={view.period.code} locale={locale} t={t} hidden={keep} />;
  if (view.computing) return <ScoresComputing title={t.rankings.title} period={view.period} picker={picker} locale={locale} t={t} />;
  const localized = { ...view, scheme: localizeMeta(view.scheme, locale, t) };
  const tiers = localized.scheme.tiers.length ? localized.scheme.tiers : view.summary.tiers.map((x) => ({ code: x.tier, name: tierLabel(x.tier, x.tierName, locale, t) }));
  return (
    <section className="stack dashboard">
      <PageHeading
        title={t.rankings.title}
        period={view.period}
        computedAt={view.computedAt}
        updatingSince={view.updatingSince}
        locale={locale}
        t={t}
        picker={picker}
      >
        <p className="lead">
          {t.rankings.intro} <AppLink href={`/methodology?period=${encodeURIComponent(view.period.code)}`}>{t.standing.methodologyLink}</AppLink>
        </p>
      </PageHeading>
      <SummaryCards view={localized} locale={locale} t={t} />
      <RankingsOverviewCharts view={localized} locale={locale} t={t} />
      <RankingFilters params={params} period={view.period.code} tiers={tiers} groups={view.summary.groups} locale={locale} t={t} />
      <RankingTable view={localized} params={params} locale={locale} t={t} flags={await flagBadgeLinks(gate.principal, view.period.code, t, view.rows.map((row) => row.code))} />
      <RankingsTrendChart view={localized} locale={locale} t={t} />
    </section>
  );
}
