// /requests: the sharing requests ledger (and the objections tab) with each statutory clock,
// filtered by provider, consumer, state and overdue, a page at a time (docs/dashboard.md
// "Ledgers"). A department user sees only the rows it is a party to.
import type { Metadata } from 'next';
import { getDatabase } from '@/db/client';
import { guardPage } from '@/lib/auth/guard';
import { pagePath } from '@/lib/dashboard/page-path';
import type { SearchParams } from '@/lib/dashboard/ranking-params';
import { fill } from '@/lib/i18n';
import { getI18n } from '@/lib/i18n/server';
import { loadRequests, parseRequestsParams, type RequestsParams } from '@/lib/ledgers/views';
import { AppLink } from '@/components/app-link';
import { Pagination } from '@/components/dashboard/pagination';
import { RequestsFilters } from '@/components/ledgers/filters';
import { ObjectionsTable, RequestsTable } from '@/components/ledgers/ledger-tables';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: `${t.ledgers.requestsTitle} · ${t.app.shortName}` };
}

function requestsHref(params: RequestsParams, page: number): string {
  const q = new URLSearchParams();
  if (params.tab === 'objections') q.set('tab', 'objections');
  if (params.provider) q.set('provider', params.provider);
  if (params.consumer) q.set('consumer', params.consumer);
  if (params.state) q.set('state', params.state);
  if (params.overdue) q.set('overdue', '1');
  if (page > 1) q.set('page', String(page));
  return `/requests?${q}`;
}

export default async function RequestsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const gate = await guardPage(pagePath('/requests', sp), 'ledgers:view');
  const { locale, t } = await getI18n();
  const l = t.ledgers;
  const params = parseRequestsParams(sp);
  const view = await loadRequests(await getDatabase(), gate.principal, params);
  const page = view.requests ?? view.objections!;
  const tab = (name: 'requests' | 'objections') => (
    <AppLink href={name === 'objections' ? '/requests?tab=objections' : '/requests'} aria-current={params.tab === name ? 'page' : undefined}>
      {l.tabs[name]}
    </AppLink>
  );
  return (
    <section className="stack dashboard" aria-labelledby="requests-title" data-testid="requests-page">
      <h1 id="requests-title">{l.requestsTitle}</h1>
      <p className="lead">{l.requestsIntro}</p>
      {view.party ? <p className="notice">{l.ownOnly}</p> : null}
      <nav className="tabs" aria-label={l.requestsTitle}>
        {tab('requests')}
        {tab('objections')}
      </nav>
      <RequestsFilters params={params} t={t} />
      <p className="muted" data-testid="requests-total">
        {fill(l.total, { total: page.total, page: page.page, pages: page.pageCount })}
      </p>
      {view.requests ? (
        <RequestsTable rows={view.requests.rows} locale={locale} t={t} caption={l.tabs.requests} />
      ) : (
        <ObjectionsTable rows={view.objections!.rows} locale={locale} t={t} caption={l.tabs.objections} />
      )}
      <Pagination page={page.page} pageCount={page.pageCount} href={(n) => requestsHref(params, n)} t={t} />
    </section>
  );
}
