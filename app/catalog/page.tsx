// /catalog: the current data resource catalog with each resource's use this period, its
// open requests and objections, and the 僵尸 badge (docs/dashboard.md "Ledgers").
import type { Metadata } from 'next';
import { getDatabase } from '@/db/client';
import { guardPage } from '@/lib/auth/guard';
import { pagePath } from '@/lib/dashboard/page-path';
import type { SearchParams } from '@/lib/dashboard/ranking-params';
import { fill } from '@/lib/i18n';
import { getI18n } from '@/lib/i18n/server';
import { dateLabel } from '@/lib/dashboard/period-labels';
import { loadCatalog, parseCatalogParams, type CatalogParams } from '@/lib/ledgers/views';
import { PeriodPicker } from '@/components/dashboard/period-picker';
import { Pagination } from '@/components/dashboard/pagination';
import { CatalogFilters } from '@/components/ledgers/filters';
import { CatalogTable } from '@/components/ledgers/ledger-tables';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: `${t.ledgers.catalogTitle} · ${t.app.shortName}` };
}

function catalogHref(params: CatalogParams, period: string | null, page: number): string {
  const q = new URLSearchParams();
  if (period) q.set('period', period);
  if (params.provider) q.set('provider', params.provider);
  if (params.shareType) q.set('shareType', params.shareType);
  if (params.status) q.set('status', params.status);
  if (params.zombie) q.set('zombie', '1');
  if (page > 1) q.set('page', String(page));
  return `/catalog?${q}`;
}

export default async function CatalogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const gate = await guardPage(pagePath('/catalog', sp), 'ledgers:view');
  const { locale, t } = await getI18n();
  const l = t.ledgers;
  const params = parseCatalogParams(sp);
  const view = await loadCatalog(await getDatabase(), gate.principal, params);
  const period = view.period?.code ?? null;
  const keep = Object.fromEntries(new URLSearchParams(catalogHref(params, null, 1).split('?')[1] ?? ''));
  return (
    <section className="stack dashboard" aria-labelledby="catalog-title" data-testid="catalog-page">
      <div className="page-heading">
        <h1 id="catalog-title">{l.catalogTitle}</h1>
        {period ? <PeriodPicker action="/catalog" periods={view.periods} current={period} locale={locale} t={t} hidden={keep} /> : null}
      </div>
      <p className="lead">{l.catalogIntro}</p>
      <CatalogFilters params={params} period={period} t={t} />
      {view.period ? <p className="muted">{fill(l.callsNote, { period: view.period.code, from: dateLabel(view.period.from, locale), to: dateLabel(view.period.to, locale) })}</p> : null}
      <p className="muted" data-testid="catalog-total">
        {fill(l.total, { total: view.total, page: view.page, pages: view.pageCount })}
      </p>
      <CatalogTable rows={view.rows} locale={locale} t={t} />
      <Pagination page={view.page} pageCount={view.pageCount} href={(n) => catalogHref(params, period, n)} t={t} />
    </section>
  );
}
