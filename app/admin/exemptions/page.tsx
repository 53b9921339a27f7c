// /admin/exemptions (容错免责): record incidents, and grant or deny the exemptions
// departments request, with a reason.
import { DataTable } from '@/components/data-table';
import { getDatabase } from '@/db/client';
import { DecideExemptionForm, RecordIncidentForm } from '@/components/assessment/forms';
import { cycleStyles as styles, ExemptionStatus, StatusFilterSelect } from '@/components/assessment/parts';
import { guardPage } from '@/lib/auth/guard';
import { formatDateTime, formatNumber } from '@/lib/i18n';
import { getI18n } from '@/lib/i18n/server';
import { exemptionsAdminView } from '@/lib/incidents/views';
import { decideExemptionAction, recordIncidentAction } from './actions';

type Props = { searchParams: Promise<{ status?: string }> };

const STATUSES = ['none', 'requested', 'granted', 'denied'] as const;
type Status = (typeof STATUSES)[number];

export default async function AdminExemptionsPage({ searchParams }: Props) {
  const params = await searchParams;
  const gate = await guardPage('/admin/exemptions', 'exemptions:decide');
  const { t, locale } = await getI18n();
  const k = t.incidents;
  const status = STATUSES.includes(params.status as Status) ? (params.status as Status) : undefined;
  const view = await exemptionsAdminView(await getDatabase(), gate.principal, { exemptionStatus: status }, new Date());

  return (
    <section className="stack" aria-labelledby="exemptions-title">
      <h1 id="exemptions-title">{k.title}</h1>
      <p className="lead">{k.intro}</p>
      <div className="card">
        <h2>{k.recordTitle}</h2>
        <RecordIncidentForm submit={recordIncidentAction} locale={locale} departments={view.departments.map((d) => ({ value: d.code, label: `${d.code} ${d.name}` }))} today={view.today} />
      </div>
      <div className="card stack">
        <h2 id="incidents-list">{k.listTitle}</h2>
        <form method="get" action="/admin/exemptions" className="toolbar">
          <StatusFilterSelect label={k.filterStatus} allLabel={k.all} value={status} statuses={STATUSES} names={k.exemptionNames} />
          <button type="submit" className="secondary">
            {k.apply}
          </button>
        </form>
        <DataTable columns={[k.id, k.department, k.occurredOn, k.kind, { label: k.points, numeric: true }, k.description, k.exemption, k.request, k.decision]} rowCount={view.incidents.length} empty={k.empty} testId="incidents-table" labelledBy="incidents-list">
          {view.incidents.map((i) => (
            <tr key={i.id} data-incident={i.id}>
              <th scope="row">{i.id}</th>
              <td>
                {i.departmentName ?? i.departmentCode}
                <div className="muted">{i.departmentCode}</div>
              </td>
              <td>{i.occurredOn}</td>
              <td>{k.kinds[i.kind]}</td>
              <td className="num">{formatNumber(locale, i.points, 1)}</td>
              <td className={styles.pre}>{i.description}</td>
              <td>
                <ExemptionStatus status={i.exemptionStatus} t={t} />
              </td>
              <td className={styles.pre}>{i.exemptionRequest ?? '—'}</td>
              <td>
                {i.exemptionStatus === 'none' ? (
                  '—'
                ) : (
                  <DecideExemptionForm submit={decideExemptionAction}
                    locale={locale}
                    incident={i.id}
                    decided={i.exemptionStatus === 'requested' ? null : { reason: i.decisionReason ?? '', by: `${i.decidedBy ?? ''} · ${formatDateTime(locale, i.decidedAt)}` }}
                  />
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </div>
    </section>
  );
}
