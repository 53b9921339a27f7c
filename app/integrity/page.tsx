// /integrity?period=&kind=&severity=&department=: a period's integrity flags with their
// evidence (docs/dashboard.md, "Integrity"). Admins, leaders and auditors see every
// department's; a department user its own (its code in the URL, as its links carry it). The
// admin sets a flagged pair's calls aside here before finalization, and revokes it.
import type { Metadata } from 'next';
import { DataTable } from '@/components/data-table';
import { PeriodPicker } from '@/components/dashboard/period-picker';
import { NoData } from '@/components/dashboard/no-data';
import { FlagEvidence } from '@/components/integrity/flag-evidence';
import { SeverityLabel } from '@/components/integrity/flag-badge';
import { RevokeSetAsideForm, SetAsideForm } from '@/components/integrity/forms';
import { guardPage } from '@/lib/auth/guard';
import { firstParam, pagePath } from '@/lib/dashboard/page-path';
import type { SearchParams } from '@/lib/dashboard/ranking-params';
import { fill, formatDateTime } from '@/lib/i18n';
import { getI18n } from '@/lib/i18n/server';
import { flagMessage } from '@/lib/integrity/present';
import { integrityPageView } from '@/lib/integrity/views';
import { FLAG_KINDS, FLAG_SEVERITIES } from '@/lib/scoring';
import { revokeSetAsideAction, setAsideAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: `${t.integrity.title} · ${t.app.shortName}` };
}

function FilterSelect({ name, label, all, value, options }: { name: string; label: string; all: string; value: string | null; options: Array<[string, string]> }) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value ?? ''}>
        <option value="">{all}</option>
        {options.map(([code, text]) => (
          <option key={code} value={code}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

export default async function IntegrityPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const gate = await guardPage(pagePath('/integrity', sp), 'integrity:read', { department: firstParam(sp.department) });
  const department = firstParam(sp.department);
  const { t, locale } = await getI18n();
  const k = t.integrity;
  const view = await integrityPageView(gate.principal, { period: firstParam(sp.period), kind: firstParam(sp.kind), severity: firstParam(sp.severity), department });
  if (!view) return <NoData title={k.title} t={t} />;
  const name = (code: string) => view.names[code] ?? code;
  const keep: Record<string, string> = {};
  if (department) keep.department = department;
  return (
    <section className="stack" aria-labelledby="integrity-title">
      <h1 id="integrity-title">{k.title}</h1>
      <p className="lead">{k.intro}</p>
      <PeriodPicker action="/integrity" periods={view.periods} current={view.period.code} locale={locale} t={t} hidden={keep} />
      <form method="get" action="/integrity" className="toolbar">
        <input type="hidden" name="period" value={view.period.code} />
        <FilterSelect name="kind" label={k.kind} all={k.all} value={view.filters.kind} options={FLAG_KINDS.map((kind) => [kind, k.kinds[kind]])} />
        <FilterSelect name="severity" label={k.severity} all={k.all} value={view.filters.severity} options={FLAG_SEVERITIES.map((s) => [s, k.severities[s]])} />
        <label>
          {k.department}
          <select name="department" defaultValue={view.filters.department ?? department ?? ''}>
            {view.canManage || !department ? <option value="">{k.all}</option> : null}
            {view.departments.map((code) => (
              <option key={code} value={code}>
                {name(code)}（{code}）
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="secondary">
          {k.apply}
        </button>
      </form>
      {view.computing && (
        <p className="card notice" role="status" data-testid="flags-computing">
          {k.computing}
        </p>
      )}
      {view.updatingSince && (
        <p className="notice small" role="status" data-testid="flags-updating">
          {fill(k.updating, { time: formatDateTime(locale, view.updatingSince) })}
        </p>
      )}
      <p className="muted">{fill(k.count, { count: view.flags.length })}</p>
      <DataTable columns={[k.department, k.kind, k.severity, k.evidence]} rowCount={view.flags.length} empty={k.empty} caption={`${k.title} · ${view.period.code}`} testId="integrity-table">
        {view.flags.map((f, i) => {
          const partner = typeof f.evidence.partner === 'string' ? f.evidence.partner : null;
          const pairFlag = partner && (f.kind === 'consumer_concentration' || f.kind === 'reciprocal_pair');
          return (
            <tr key={`${f.department}-${f.kind}-${partner ?? i}`} data-flag={f.kind} data-department={f.department}>
              <th scope="row">
                {name(f.department)}
                <div className="muted">{f.department}</div>
              </th>
              <td>{k.kinds[f.kind]}</td>
              <td>
                <SeverityLabel severity={f.severity} label={k.severities[f.severity]} />
              </td>
              <td>
                <FlagEvidence flag={f} message={flagMessage(f, locale)} locale={locale} t={k} />
                {f.setAside && <p className="muted small">{fill(k.markedSetAside, { reason: f.setAside.reason })}</p>}
                {pairFlag && !f.setAside && view.canManage && !view.locked && (
                  <SetAsideForm locale={locale} period={view.period.code} provider={f.department} consumer={partner} submit={setAsideAction} />
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>
      {view.setAsides.length > 0 && (
        <DataTable columns={[k.pair, k.setAsideReason, k.status]} rowCount={view.setAsides.length} caption={k.setAsidesTitle} testId="set-asides">
          {view.setAsides.map((s) => (
            <tr key={s.id} data-set-aside={s.id}>
              <th scope="row">
                {fill(k.setAsideTitle, { consumer: name(s.consumer), provider: name(s.provider) })}
                <div className="muted">#{s.id}</div>
              </th>
              <td>
                {s.reason}
                <div className="muted small">{fill(k.setAsideBy, { by: s.createdBy, at: formatDateTime(locale, s.createdAt) })}</div>
                {s.revokedAt && (
                  <div className="muted small">
                    {k.setAsideRevoked}：{s.revokeReason}（{fill(k.setAsideBy, { by: s.revokedBy ?? '', at: formatDateTime(locale, s.revokedAt) })}）
                  </div>
                )}
              </td>
              <td>
                {s.revokedAt ? k.setAsideRevoked : k.setAsideActive}
                {!s.revokedAt && view.canManage && !view.locked && <RevokeSetAsideForm locale={locale} id={s.id} submit={revokeSetAsideAction} />}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
