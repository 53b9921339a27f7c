// A department's ledger rows on its page (docs/dashboard.md "Ledgers"): what it must still
// answer or deliver as provider, with each clock; what it asked of others as consumer, with
// the rating form for data it received; the objection form; a link to appeal a row.
import { AppLink } from '@/components/app-link';
import type { FormAction } from '@/lib/edge/action';
import { fill, type Locale, type Messages } from '@/lib/i18n';
import { monthOfDate } from '@/lib/periods/codes';
import { rateable } from '@/lib/ledgers/present';
import type { DepartmentLedgerView, LedgerPage } from '@/lib/ledgers/views';
import { ObjectionForm, RateForm } from './forms';
import { ObjectionsTable, RequestsTable } from './ledger-tables';

function SeeAll({ page, href, t }: { page: LedgerPage<unknown>; href: string; t: Messages }) {
  if (page.total <= page.rows.length) return null;
  return (
    <p className="table-foot">
      <AppLink href={href}>{fill(t.ledgers.department.seeAll, { total: page.total })}</AppLink>
    </p>
  );
}

const appealHref = (kind: 'request' | 'objection', id: string, dueOn: string) =>
  `/assessment?period=${encodeURIComponent(monthOfDate(dueOn))}&ledgerKind=${kind}&ledgerId=${encodeURIComponent(id)}`;

export function DepartmentLedger({ view, locale, t, rateAction, objectionAction }: { view: DepartmentLedgerView; locale: Locale; t: Messages; rateAction: FormAction; objectionAction: FormAction }) {
  const l = t.ledgers;
  const d = l.department;
  const code = encodeURIComponent(view.department);
  const appealLink = (href: string) => (view.canSubmit ? <div className="small"><AppLink href={href}>{d.appeal}</AppLink></div> : null);
  return (
    <section className="stack dashboard" aria-labelledby="ledger-title" data-testid="department-ledger">
      <h2 id="ledger-title">{d.title}</h2>
      <div className="card stack">
        <h3>{d.asProvider}</h3>
        <p className="muted small">{d.asProviderNote}</p>
        <RequestsTable
          rows={view.providerRequests.rows}
          locale={locale}
          t={t}
          caption={`${d.asProvider} · ${l.tabs.requests}`}
          testId="provider-requests"
          extra={(r) => appealLink(appealHref('request', r.request, r.state === 'pending' ? r.replyDueOn : (r.deliveryDueOn ?? r.replyDueOn)))}
        />
        <SeeAll page={view.providerRequests} href={`/requests?provider=${code}&state=open`} t={t} />
        <ObjectionsTable
          rows={view.providerObjections.rows}
          locale={locale}
          t={t}
          caption={`${d.asProvider} · ${l.tabs.objections}`}
          testId="provider-objections"
          extra={(o) => appealLink(appealHref('objection', o.objection, o.dueOn))}
        />
        <SeeAll page={view.providerObjections} href={`/requests?tab=objections&provider=${code}&state=open`} t={t} />
      </div>
      <div className="card stack">
        <h3>{d.asConsumer}</h3>
        <RequestsTable
          rows={view.consumerRequests.rows}
          locale={locale}
          t={t}
          caption={d.asConsumer}
          testId="consumer-requests"
          rate={view.canSubmit ? (r) => (rateable(r) ? <RateForm locale={locale} request={r.request} rating={r.rating} submit={rateAction} /> : r.rating !== null ? fill(l.rated, { rating: r.rating }) : '—') : undefined}
        />
        <SeeAll page={view.consumerRequests} href={`/requests?consumer=${code}`} t={t} />
        <h3>{d.objectionsFiled}</h3>
        <ObjectionsTable rows={view.consumerObjections.rows} locale={locale} t={t} caption={d.objectionsFiled} testId="consumer-objections" />
        <SeeAll page={view.consumerObjections} href={`/requests?tab=objections&consumer=${code}`} t={t} />
        {view.canSubmit ? <ObjectionForm locale={locale} resources={view.resources} submit={objectionAction} /> : null}
      </div>
    </section>
  );
}
