import { DataTable } from '@/components/data-table';
import type { Locale, Messages } from '@/lib/i18n';
import { dateTimeLabel } from '@/lib/dashboard/period-labels';
import type { AppealRow } from '@/lib/dashboard/department';

/** The department's appeals on the period, with their status and decision. */
export function AppealsTable({ appeals, indicatorNames, locale, t }: { appeals: AppealRow[]; indicatorNames: Map<string, string>; locale: Locale; t: Messages }) {
  const status = t.department.appealStatus as Record<string, string>;
  return (
    <section className="card" aria-labelledby="appeals-title">
      <h2 id="appeals-title">{t.department.appeals}</h2>
      <DataTable columns={[t.department.filedAt, t.department.appealTarget, t.department.reason, t.department.status, t.department.decision]} rowCount={appeals.length} empty={t.department.noAppeals} framed caption={t.department.appealsCaption} testId="appeals-table">
        {appeals.map((a) => (
          <tr key={a.id}>
            <td>{dateTimeLabel(a.createdAt, locale)}</td>
            <td>{a.indicator ? (indicatorNames.get(a.indicator) ?? a.indicator) : t.department.appealOnTotal}</td>
            <td>{a.reason}</td>
            <td>{status[a.status] ?? a.status}</td>
            <td>{a.decisionReason ?? '—'}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
