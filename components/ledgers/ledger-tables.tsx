// The ledger pages' tables (docs/dashboard.md "Ledgers"): the catalog, the requests and the
// objections with their statutory clocks, and the appeal decision beside a disputed row.
import type { ReactNode } from 'react';
import { AppLink } from '@/components/app-link';
import { DataTable } from '@/components/data-table';
import { fill, formatInteger, type Locale, type Messages } from '@/lib/i18n';
import { dateLabel, dateTimeLabel } from '@/lib/dashboard/period-labels';
import type { Clock } from '@/lib/ledgers/clocks';
import { clockText } from '@/lib/ledgers/present';
import type { CatalogRow, LedgerAppeal, ObjectionLine, RequestLine } from '@/lib/ledgers/views';

const when = (at: Date | null, locale: Locale) => (at ? dateTimeLabel(at.toISOString(), locale) : '—');

/** A clock: 剩余 N 个工作日 / 今日到期 / 已超期 N 个工作日 / 按期 / 超期, with its due day. */
export function ClockCell({ clock, dueOn, locale, t }: { clock: Clock | null; dueOn: string | null; locale: Locale; t: Messages }) {
  const { text, tone } = clockText(clock, t);
  return (
    <td data-clock={clock ? (clock.state === 'done' ? (clock.onTime ? 'on-time' : 'late') : clock.state) : 'none'}>
      <span className={tone ? `clock clock-${tone}` : 'muted'}>{text}</span>
      {clock && dueOn ? <div className="muted small">{fill(t.ledgers.dueOn, { day: dateLabel(dueOn, locale) })}</div> : null}
    </td>
  );
}

/** The decision on an appeal naming this row (条例 art. 28): the platform's row itself is never edited. */
export function AppealNote({ appeal, t }: { appeal: LedgerAppeal | null; t: Messages }) {
  if (!appeal) return null;
  return (
    <div className={appeal.status === 'accepted' ? 'appeal-note appeal-upheld' : 'appeal-note'} data-testid="ledger-appeal" title={appeal.decisionReason ?? undefined}>
      {t.ledgers.appealStatus[appeal.status]}
    </div>
  );
}

function Department({ code, name }: { code: string; name: string | null }) {
  return (
    <>
      {name ?? code}
      {name ? <span className="dept-code"> {code}</span> : null}
    </>
  );
}

export function CatalogTable({ rows, locale, t }: { rows: Array<CatalogRow & { zombie: boolean }>; locale: Locale; t: Messages }) {
  const l = t.ledgers;
  return (
    <DataTable
      columns={[l.resource, l.provider, l.shareType, l.updateCycle, l.updatedOn, l.status, { label: l.consumers, numeric: true }, { label: l.calls, numeric: true }, l.lastCall, { label: l.openRequests, numeric: true }, { label: l.openObjections, numeric: true }]}
      rowCount={rows.length}
      empty={l.catalogEmpty}
      caption={l.catalogTitle}
      testId="catalog-table"
      framed
    >
      {rows.map((r) => (
        <tr key={r.resource} data-resource={r.resource}>
          <td>
            {r.name} <span className="dept-code">{r.resource}</span>
            {r.zombie ? (
              <span className="zombie-tag" title={l.zombieTitle} data-testid="zombie-badge">
                {l.zombie}
              </span>
            ) : null}
          </td>
          <td>
            <Department code={r.provider} name={r.providerName} />
          </td>
          <td>
            {l.shareTypes[r.shareType]}
            {r.shareType === 'none' && r.legalBasis ? <div className="muted small">{fill(l.legalBasis, { basis: r.legalBasis })}</div> : null}
          </td>
          <td>{(l.cycles as Record<string, string>)[r.updateCycle] ?? r.updateCycle}</td>
          <td className="nowrap">{dateLabel(r.updatedOn, locale)}</td>
          <td>{l.catalogStatus[r.status]}</td>
          <td className="num">{formatInteger(locale, r.consumers)}</td>
          <td className="num">{formatInteger(locale, r.calls)}</td>
          <td className="nowrap">{r.lastCall ? dateLabel(r.lastCall, locale) : <span className="muted">{l.never}</span>}</td>
          <td className="num">{r.openRequests ? <AppLink href={`/requests?provider=${encodeURIComponent(r.provider)}&state=open`}>{formatInteger(locale, r.openRequests)}</AppLink> : 0}</td>
          <td className="num">{r.openObjections ? <AppLink href={`/requests?tab=objections&provider=${encodeURIComponent(r.provider)}&state=open`}>{formatInteger(locale, r.openObjections)}</AppLink> : 0}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** `rate(row)`: the rating cell's content when the reader may rate; `extra(row)`: more in the last cell (the department page). */
export function RequestsTable({ rows, locale, t, caption, empty, testId = 'requests-table', rate, extra }: { rows: RequestLine[]; locale: Locale; t: Messages; caption: string; empty?: string; testId?: string; rate?: (row: RequestLine) => ReactNode; extra?: (row: RequestLine) => ReactNode }) {
  const l = t.ledgers;
  return (
    <DataTable columns={[l.request, l.consumer, l.provider, l.resource, l.submittedAt, l.state, l.reply, l.delivery, l.rating]} rowCount={rows.length} empty={empty ?? l.requestsEmpty} caption={caption} testId={testId} framed>
      {rows.map((r) => (
        <tr key={r.request} data-request={r.request} data-state={r.state}>
          <td>
            <code>{r.request}</code>
            <div className="muted small">{r.purpose}</div>
          </td>
          <td>
            <Department code={r.consumer} name={r.consumerName} />
          </td>
          <td>
            <Department code={r.provider} name={r.providerName} />
          </td>
          <td>{r.resource ? (r.resourceName ?? r.resource) : '—'}</td>
          <td>{when(r.submittedAt, locale)}</td>
          <td>
            {l.states[r.state]}
            {r.decision === 'refused' && r.reason ? <div className="muted small">{r.reason}</div> : null}
          </td>
          <ClockCell clock={r.replyClock} dueOn={r.replyDueOn} locale={locale} t={t} />
          <ClockCell clock={r.deliveryClock} dueOn={r.deliveryClock ? r.deliveryDueOn : null} locale={locale} t={t} />
          <td>
            {rate ? rate(r) : r.rating !== null ? fill(l.rated, { rating: r.rating }) : '—'}
            {r.rating !== null && r.ratingSource === 'consumer' ? <span className="consumer-tag">{l.consumerSubmission}</span> : null}
            <AppealNote appeal={r.appeal} t={t} />
            {extra ? extra(r) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export function ObjectionsTable({ rows, locale, t, caption, empty, testId = 'objections-table', extra }: { rows: ObjectionLine[]; locale: Locale; t: Messages; caption: string; empty?: string; testId?: string; extra?: (row: ObjectionLine) => ReactNode }) {
  const l = t.ledgers;
  return (
    <DataTable columns={[l.objection, l.consumer, l.provider, l.resource, l.kind, l.submittedAt, l.state, l.resolve]} rowCount={rows.length} empty={empty ?? l.objectionsEmpty} caption={caption} testId={testId} framed>
      {rows.map((o) => (
        <tr key={o.objection} data-objection={o.objection}>
          <td>
            <code>{o.objection}</code>
            {o.source === 'consumer' ? <span className="consumer-tag">{l.consumerSubmission}</span> : null}
            {o.note ? <div className="muted small">{o.note}</div> : null}
          </td>
          <td>
            <Department code={o.consumer} name={o.consumerName} />
          </td>
          <td>
            <Department code={o.provider} name={o.providerName} />
          </td>
          <td>{o.resourceName ?? o.resource}</td>
          <td>{l.kinds[o.kind]}</td>
          <td>{when(o.submittedAt, locale)}</td>
          <td>
            {o.resolvedAt ? l.objectionStates[o.outcome === 'pending' ? 'open' : o.outcome] : l.objectionStates.open}
            <AppealNote appeal={o.appeal} t={t} />
            {extra ? extra(o) : null}
          </td>
          <ClockCell clock={o.clock} dueOn={o.dueOn} locale={locale} t={t} />
        </tr>
      ))}
    </DataTable>
  );
}
