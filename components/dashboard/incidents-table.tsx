import { type Locale, type Messages } from '@/lib/i18n';
import { formatDecimal } from '@/lib/dashboard/numbers';
import { dateLabel } from '@/lib/dashboard/period-labels';
import type { IncidentRow } from '@/db/queries/dashboard';

/** The period's security and quality incidents with their exemption (容错免责) status. */
export function IncidentsTable({ incidents, locale, t }: { incidents: IncidentRow[]; locale: Locale; t: Messages }) {
  const kinds = t.department.incidentKinds as Record<string, string>;
  const exemption = t.department.exemptionStatus as Record<string, string>;
  return (
    <section className="card" aria-labelledby="incidents-title">
      <h2 id="incidents-title">{t.department.incidents}</h2>
      {incidents.length ? (
        <div className="table-scroll">
          <table className="data" data-testid="incidents-table">
            <caption className="muted">{t.department.incidentsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.department.occurredOn}</th>
                <th scope="col">{t.department.kind}</th>
                <th scope="col" className="num">
                  {t.department.deduction}
                </th>
                <th scope="col">{t.department.description}</th>
                <th scope="col">{t.department.exemption}</th>
              </tr>
            </thead>
            <tbody>
              {incidents.map((i) => (
                <tr key={i.id}>
                  <td>{dateLabel(i.occurredOn, locale)}</td>
                  <td>{kinds[i.kind] ?? i.kind}</td>
                  <td className="num">{i.exemptionStatus === 'granted' ? <s>{formatDecimal(locale, i.points, 1)}</s> : formatDecimal(locale, i.points, 1)}</td>
                  <td>{i.description}</td>
                  <td>
                    {exemption[i.exemptionStatus] ?? i.exemptionStatus}
                    {i.decisionReason ? <div className="muted small">{i.decisionReason}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t.department.noIncidents}</p>
      )}
    </section>
  );
}
