// /admin/scheme: the scheme editor with live validation and a preview of rank and
// tier moves, and every version with who changed what, when and why.
import { DataTable } from '@/components/data-table';
import { getDatabase } from '@/db/client';
import { cycleStyles, Hash, PeriodPicker } from '@/components/assessment/parts';
import { SchemeEditor } from '@/components/scheme/editor';
import { can } from '@/lib/auth/permissions';
import { guardPage } from '@/lib/auth/guard';
import { fill, formatDateTime } from '@/lib/i18n';
import { getI18n } from '@/lib/i18n/server';
import { describeChange } from '@/lib/schemes/diff';
import { schemeEditorView } from '@/lib/schemes/views';
import { previewInputAction, saveSchemeAction } from './actions';

type Props = { searchParams: Promise<{ period?: string }> };

export default async function AdminSchemePage({ searchParams }: Props) {
  const { period } = await searchParams;
  const gate = await guardPage('/admin/scheme', 'scheme:read');
  const { t, locale } = await getI18n();
  const k = t.schemeEditor;
  const view = await schemeEditorView(await getDatabase(), period);
  const editable = can(gate.principal, 'scheme:manage');

  return (
    <section className="stack" aria-labelledby="scheme-title">
      <h1 id="scheme-title">{k.title}</h1>
      <p className="lead">{k.intro}</p>
      <p>
        <strong>{fill(k.current, { version: view.active.version, name: view.active.name })}</strong>
      </p>
      {editable ? (
        <>
          {view.periods.length > 0 && <PeriodPicker action="/admin/scheme" periods={view.periods} selected={view.previewPeriod} label={k.previewPeriod} submit={k.previewShow} t={t} />}
          <SchemeEditor
            locale={locale}
            initial={view.active.scheme}
            version={view.active.version}
            previewPeriod={view.previewPeriod}
            previewInput={view.previewInput}
            published={view.published}
            save={saveSchemeAction}
            loadPreviewInput={previewInputAction}
          />
        </>
      ) : (
        <p className="muted">{k.readOnly}</p>
      )}
      <div className="card">
        <h2 id="scheme-versions">{k.sectionVersions}</h2>
        <DataTable columns={[k.version, k.name, k.createdBy, k.createdAt, k.reason, k.changes, k.usedBy, k.hash]} rowCount={view.versions.length} labelledBy="scheme-versions" testId="scheme-versions">
          {view.versions.map((v) => (
            <tr key={v.id} data-version={v.version}>
              <th scope="row">v{v.version}</th>
              <td>{v.name}</td>
              <td>{v.createdBy}</td>
              <td>{formatDateTime(locale, v.createdAt)}</td>
              <td className={cycleStyles.pre}>{v.reason ?? '—'}</td>
              <td>
                {v.changes.length === 0 ? (
                  <span className="muted">{k.noChanges}</span>
                ) : (
                  <details className={cycleStyles.details}>
                    <summary>{fill(k.changeCount, { count: v.changes.length })}</summary>
                    <ul className={cycleStyles.small}>
                      {v.changes.map((c) => (
                        <li key={c.path}>{describeChange(c)}</li>
                      ))}
                    </ul>
                  </details>
                )}
              </td>
              <td>{v.finalizedPeriods.join('、') || '—'}</td>
              <td>
                <Hash value={v.hash} />
              </td>
            </tr>
          ))}
        </DataTable>
      </div>
    </section>
  );
}
