// /admin/ingest: upload metric values, sharing events or the ledgers (catalog, requests,
// objections: the platform's) with a dry-run report,
// then commit; and the history of batches. Department users: their own rows only.
import { DataTable } from '@/components/data-table';
import { getDatabase } from '@/db/client';
import { guardPage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { boundDepartment } from '@/lib/auth/principal';
import { fill, formatDateTime } from '@/lib/i18n';
import { getI18n } from '@/lib/i18n/server';
import { batchHistory, INGEST_KINDS, KIND_SPECS } from '@/lib/ingest';
import { UploadForm } from './upload-form';

export default async function IngestPage() {
  const gate = await guardPage('/admin/ingest', null);
  const { principal } = gate;
  const { t, locale } = await getI18n();
  const k = t.ingest.page;
  const own = boundDepartment(principal);
  const kinds = INGEST_KINDS.filter((kind) => can(principal, KIND_SPECS[kind].action, { department: own }));
  const history = await batchHistory(await getDatabase(), principal);
  if (!kinds.length && !history) return <p className="error-box">{k.forbidden}</p>;

  return (
    <section className="stack" aria-labelledby="ingest-title">
      <h1 id="ingest-title">{k.title}</h1>
      <p className="lead">{k.intro}</p>
      {own && <p className="muted">{fill(k.ownOnly, { department: own })}</p>}
      {kinds.length > 0 && (
        <div className="card">
          <UploadForm labels={k} kinds={kinds} />
        </div>
      )}
      {history && (
        <div className="card">
          <h2 id="ingest-history">{k.history}</h2>
          <DataTable columns={[k.when, k.who, k.kind, { label: k.rows, numeric: true }, k.status, k.errors]} rowCount={history.length} empty={k.historyEmpty} labelledBy="ingest-history">
            {history.map((b) => (
              <tr key={b.id}>
                <td>{formatDateTime(locale, b.createdAt, { seconds: true })}</td>
                <td>{b.actorName ?? b.actor}</td>
                <td>{b.kind}</td>
                <td className="num">{b.rows}</td>
                <td>{b.status === 'accepted' ? k.accepted : `${k.rejected} (${b.statusCode})`}</td>
                <td>{b.response ? <BatchErrors response={b.response} more={k.moreErrors} /> : '—'}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
    </section>
  );
}

function BatchErrors({ response, more }: { response: NonNullable<Awaited<ReturnType<typeof batchHistory>>>[number]['response'] & { errorCount?: number }; more: string }) {
  const errors = response?.errors ?? [];
  const count = response?.errorCount ?? errors.length;
  return (
    <>
      {response?.message}
      {errors.slice(0, 3).map((e, i) => (
        <div key={i} className="muted">
          {e.row}: {e.message}
        </div>
      ))}
      {count > 3 && <div className="muted">{fill(more, { count })}</div>}
    </>
  );
}
