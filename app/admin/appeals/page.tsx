// /admin/appeals: appeals filed by departments, filtered by period and status; an
// admin accepts (optionally correcting a reported value) or rejects each open one.
import { DataTable } from '@/components/data-table';
import { getDatabase } from '@/db/client';
import { DecideAppealForm } from '@/components/assessment/forms';
import { AppealStatus, cycleStyles as styles, StatusFilterSelect } from '@/components/assessment/parts';
import { guardPage } from '@/lib/auth/guard';
import { appealsAdminView } from '@/lib/appeals/views';
import { formatDateTime } from '@/lib/i18n';
import { getI18n } from '@/lib/i18n/server';
import { decideAppealAction } from './actions';

type Props = { searchParams: Promise<{ period?: string; status?: string }> };

const STATUSES = ['open', 'accepted', 'rejected'] as const;
type Status = (typeof STATUSES)[number];

export default async function AdminAppealsPage({ searchParams }: Props) {
  const params = await searchParams;
  const gate = await guardPage('/admin/appeals', 'appeals:decide');
  const { t, locale } = await getI18n();
  const k = t.appeals;
  const status = STATUSES.includes(params.status as Status) ? (params.status as Status) : undefined;
  const period = params.period?.trim() || undefined;
  const view = await appealsAdminView(await getDatabase(), gate.principal, { period, status });

  return (
    <section className="stack" aria-labelledby="appeals-title">
      <h1 id="appeals-title">{k.title}</h1>
      <p className="lead">{k.intro}</p>
      <form method="get" action="/admin/appeals" className="toolbar">
        <label>
          {k.filterPeriod}
          <select name="period" defaultValue={period ?? ''}>
            <option value="">{k.all}</option>
            {view.periods.map((p) => (
              <option key={p.code} value={p.code}>
                {p.code}（{t.cycle.status[p.status]}）
              </option>
            ))}
          </select>
        </label>
        <StatusFilterSelect label={k.filterStatus} allLabel={k.all} value={status} statuses={STATUSES} names={k.statusNames} />
        <button type="submit" className="secondary">
          {k.apply}
        </button>
      </form>
      <DataTable columns={[k.id, k.period, k.department, k.target, k.reason, k.evidence, k.filedAt, k.status, k.decision]} rowCount={view.appeals.length} empty={k.empty} caption={k.title} testId="appeals-table">
        {view.appeals.map((a) => {
          const info = view.info[a.period];
          return (
            <tr key={a.id} data-appeal={a.id}>
              <th scope="row">{a.id}</th>
              <td>
                {a.period}
                {info?.appealDeadline && (
                  <div className="muted">
                    {k.deadlineShort}
                    {formatDateTime(locale, info.appealDeadline)}
                  </div>
                )}
              </td>
              <td>
                {a.departmentName ?? a.departmentCode}
                <div className="muted">{a.departmentCode}</div>
              </td>
              <td>
                {a.indicator ? `${info?.names[a.indicator] ?? a.indicator}（${a.indicator}）` : k.targetTotal}
                {a.flag && <div className="muted">{t.integrity.kinds[a.flag as keyof typeof t.integrity.kinds] ?? a.flag}</div>}
              </td>
              <td className={styles.pre}>{a.reason}</td>
              <td className={styles.pre}>{a.evidence ?? '—'}</td>
              <td>
                {formatDateTime(locale, a.createdAt)}
                <div className="muted">{a.createdBy}</div>
              </td>
              <td>
                <AppealStatus status={a.status} t={t} />
              </td>
              <td>
                <DecideAppealForm submit={decideAppealAction}
                  locale={locale}
                  appeal={{ id: a.id, indicator: a.indicator }}
                  months={info?.months ?? []}
                  indicators={(info?.correctable ?? []).map((i) => ({ value: i.code, label: `${i.name}（${i.code}）` }))}
                  decided={a.status === 'open' ? null : { reason: a.decisionReason ?? '', by: `${a.decidedBy ?? ''} · ${formatDateTime(locale, a.decidedAt)}` }}
                />
              </td>
            </tr>
          );
        })}
      </DataTable>
    </section>
  );
}
