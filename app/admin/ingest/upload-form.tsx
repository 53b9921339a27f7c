'use client';
// Choose a file → check it on the server (row-by-row report) → commit through the
// API with an Idempotency-Key from the file's hash, so a double click or a retry
// never stores it twice.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { fill } from '@/lib/i18n';
import type { Messages } from '@/lib/i18n';
import type { IngestKind } from '@/lib/ingest/kinds';
import { TableHead } from '@/components/data-table';

type Labels = Messages['ingest']['page'];
interface Report {
  status: number;
  body: { message?: string; rows?: number; batchId?: string; replayed?: boolean; errors?: Array<{ row: number; column: string; message: string }> };
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

const KIND_LABEL = { metrics: 'kindMetrics', events: 'kindEvents', catalog: 'kindCatalog', requests: 'kindRequests', objections: 'kindObjections' } as const;

export function UploadForm({ labels, kinds }: { labels: Labels; kinds: readonly IngestKind[] }) {
  const router = useRouter();
  const [kind, setKind] = useState(kinds[0]);
  const [text, setText] = useState<string | null>(null);
  const [busy, setBusy] = useState<'check' | 'commit' | null>(null);
  const [checked, setChecked] = useState<Report | null>(null);
  const [committed, setCommitted] = useState<Report | null>(null);

  async function send(url: string, headers: Record<string, string> = {}): Promise<Report> {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/csv', ...headers }, body: text ?? '' });
    return { status: response.status, body: await response.json().catch(() => ({ message: response.statusText })) };
  }
  async function check() {
    setBusy('check');
    setCommitted(null);
    setChecked(await send(`/admin/ingest/check?kind=${kind}`).finally(() => setBusy(null)));
  }
  async function commit() {
    setBusy('commit');
    const key = `page:${kind}:${await sha256Hex(text ?? '')}`;
    setCommitted(await send(`/api/v1/${kind}`, { 'idempotency-key': key }).finally(() => setBusy(null)));
    router.refresh();
  }

  const report = committed ?? checked;
  const ok = checked?.status === 200;
  return (
    <div className="stack">
      <form className="form" onSubmit={(e) => (e.preventDefault(), check())}>
        <label>
          {labels.kind}
          <select value={kind} onChange={(e) => (setKind(e.target.value as typeof kind), setChecked(null), setCommitted(null))}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {labels[KIND_LABEL[k]]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {labels.file}
          <input
            type="file"
            accept=".csv,text/csv"
            data-testid="ingest-file"
            onChange={async (e) => {
              setChecked(null);
              setCommitted(null);
              setText(e.target.files?.[0] ? await e.target.files[0].text() : null);
            }}
          />
        </label>
        <div className="toolbar">
          <button type="submit" className="secondary" disabled={!text || busy !== null}>
            {busy === 'check' ? labels.checking : labels.check}
          </button>
          <button type="button" className="primary" disabled={!ok || busy !== null || committed?.status === 201} onClick={commit}>
            {busy === 'commit' ? labels.committing : labels.commit}
          </button>
        </div>
      </form>
      {report && <Outcome report={report} committed={committed !== null} labels={labels} />}
    </div>
  );
}

function Outcome({ report, committed, labels }: { report: Report; committed: boolean; labels: Labels }) {
  const { status, body } = report;
  const message = committed
    ? status === 201
      ? fill(body.replayed ? labels.replayed : labels.committed, { rows: body.rows ?? 0, batchId: body.batchId ?? '' })
      : fill(labels.failed, { message: body.message ?? String(status) })
    : status === 200
      ? fill(labels.checkedOk, { rows: body.rows ?? 0 })
      : fill(labels.checkedBad, { message: body.message ?? String(status) });
  const good = status === 200 || status === 201;
  return (
    <div className={good ? 'ok-box' : 'error-box'} role="status" data-testid="ingest-report">
      <p>{message}</p>
      {body.errors && body.errors.length > 0 && (
        <table className="data">
          <TableHead columns={[{ label: labels.reportRow, numeric: true }, labels.reportColumn, labels.reportMessage]} />
          <tbody>
            {body.errors.map((e, i) => (
              <tr key={i}>
                <td className="num">{e.row}</td>
                <td>{e.column}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
