import type { Metadata } from 'next';
import { guardPage } from '@/lib/auth/guard';
import { formatInteger } from '@/lib/i18n';
import { getI18n } from '@/lib/i18n/server';
import { loadFlows } from '@/lib/dashboard/flows';
import { firstParam, pagePath } from '@/lib/dashboard/page-path';
import type { SearchParams } from '@/lib/dashboard/ranking-params';
import { FlowHeatmap } from '@/components/dashboard/flow-heatmap';
import { FlowsFigure } from '@/components/dashboard/flows-figure';
import { FlowsTable } from '@/components/dashboard/flows-table';
import { NoData } from '@/components/dashboard/no-data';
import { PageHeading } from '@/components/dashboard/page-heading';
import { PeriodPicker } from '@/components/dashboard/period-picker';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: `${t.flows.title} · ${t.app.shortName}` };
}

export default async function FlowsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  await guardPage(pagePath('/flows', sp), 'flows:read');
  const { locale, t } = await getI18n();
  const view = await loadFlows(firstParam(sp.period));
  if (!view) return <NoData title={t.flows.title} t={t} />;
  const facts: Array<[string, number]> = [
    [t.flows.calls, view.totals.calls],
    [t.flows.records, view.totals.records],
    [t.flows.pairs, view.totals.pairs],
    [t.flows.providers, view.totals.providers],
    [t.flows.consumers, view.totals.consumers],
  ];
  return (
    <section className="stack dashboard">
      <PageHeading title={t.flows.title} period={view.period} locale={locale} t={t} picker={<PeriodPicker action="/flows" periods={view.periods} current={view.period.code} locale={locale} t={t} />}>
        <p className="lead">{t.flows.intro}</p>
      </PageHeading>
      <div className="cards">
        {facts.map(([label, value]) => (
          <div key={label} className="card">
            <div className="stat-label">{label}</div>
            <div className="stat">{formatInteger(locale, value)}</div>
          </div>
        ))}
      </div>
      {view.pairs.length ? (
        <>
          <FlowsFigure view={view} locale={locale} t={t} />
          <FlowHeatmap matrix={view.matrix} period={view.period.code} locale={locale} t={t} />
          <FlowsTable pairs={view.pairs} period={view.period.code} locale={locale} t={t} />
        </>
      ) : (
        <p className="card">{t.flows.empty}</p>
      )}
    </section>
  );
}
