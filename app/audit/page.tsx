import { DataTable } from '@/components/data-table';
import { AppLink } from '@/components/app-link';
import { getDatabase } from '@/db/client';
import { verifyAndCheckpoint } from '@/lib/audit/verify';
import { auditFilterSchema, queryAudit, type AuditFilter } from '@/lib/audit/query';
import { guardPage } from '@/lib/auth/guard';
import { fill, formatDateTime } from '@/lib/i18n';
import { getI18n } from '@/lib/i18n/server';

type SearchParams = Record<string, string | string[] | undefined>;

function pageHref(filter: AuditFilter, page: number): string {
  const q = new URLSearchParams();
  for (const key of ['actor', 'action', 'from', 'to'] as const) if (filter[key]) q.set(key, filter[key]!);
  q.set('page', String(page));
  return `/audit?${q}`;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const params = Object.fromEntries(['actor', 'action', 'from', 'to', 'page'].map((k) => [k, first(raw[k])]));
  await guardPage(`/audit?${new URLSearchParams(Object.entries(params).filter(([, v]) => v) as [string, string][])}`, 'audit:read');
  const { t, locale } = await getI18n();
  const a = t.auditLog;
  const parsed = auditFilterSchema.safeParse(params);
  const filter: AuditFilter = parsed.success ? parsed.data : { page: 1 };
  const database = await getDatabase();
  const [chain, result] = [await verifyAndCheckpoint(database), await queryAudit(database, filter)];

  return (
    <section className="stack" aria-labelledby="audit-title">
      <h1 id="audit-title">{a.title}</h1>
      <p className="lead">{a.intro}</p>
      {chain.ok ? (
        <p className="ok-box" role="status" data-testid="audit-chain">
          {fill(a.chainOk, { count: chain.count })}
          {chain.since && <span className="muted"> {fill(a.chainSince, { id: chain.since.headId, at: formatDateTime(locale, chain.since.at, { seconds: true }) })}</span>}
        </p>
      ) : (
        <p className="error-box" role="alert" data-testid="audit-chain">
          {fill(a.chainBroken, { id: chain.brokenId, reason: chain.reason })}
        </p>
      )}
      <form method="get" action="/audit" className="card toolbar" aria-label={a.filterTitle}>
        <label>
          {a.actor}
          <input name="actor" defaultValue={filter.actor ?? ''} placeholder={a.actorHint} maxLength={100} />
        </label>
        <label>
          {a.action}
          <input name="action" defaultValue={filter.action ?? ''} placeholder={a.actionHint} maxLength={100} />
        </label>
        <label>
          {a.from}
          <input name="from" type="date" defaultValue={filter.from ?? ''} />
        </label>
        <label>
          {a.to}
          <input name="to" type="date" defaultValue={filter.to ?? ''} />
        </label>
        <button type="submit" className="primary">
          {a.apply}
        </button>
        <AppLink href="/audit">{a.reset}</AppLink>
      </form>
      {!parsed.success && (
        <p className="error-box" role="alert">
          {parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('；')}
        </p>
      )}
      <p className="muted">
        {fill(a.total, { total: result.total, page: result.page, pages: result.pages })} · {a.timeNote}
      </p>
      <DataTable columns={[{ label: '#', numeric: true }, a.time, a.actor, a.role, a.action, a.target, a.outcome, a.ip, a.payload]} rowCount={result.entries.length} empty={a.empty} caption={a.title}>
        {result.entries.map((e) => (
          <tr key={e.id}>
            <td className="num">{e.id}</td>
            <td>{formatDateTime(locale, e.at, { seconds: true })}</td>
            <td>
              {e.actorName ?? e.actor}
              {e.actorName && <div className="muted">{e.actor}</div>}
            </td>
            <td>{e.role ? (t.roles[e.role as keyof typeof t.roles] ?? e.role) : '—'}</td>
            <td>
              <code>{e.action}</code>
            </td>
            <td>{e.target ?? '—'}</td>
            <td>{e.outcome === 'success' ? a.success : e.outcome === 'denied' ? a.denied : a.failure}</td>
            <td>{e.ip ?? '—'}</td>
            <td>
              <code style={{ wordBreak: 'break-all' }}>{e.payload.length > 200 ? `${e.payload.slice(0, 200)}…` : e.payload}</code>
            </td>
          </tr>
        ))}
      </DataTable>
      {result.pages > 1 && (
        <nav aria-label={a.pagination} className="toolbar">
          {result.page > 1 && <AppLink href={pageHref(filter, result.page - 1)}>{a.previous}</AppLink>}
          {result.page < result.pages && <AppLink href={pageHref(filter, result.page + 1)}>{a.next}</AppLink>}
        </nav>
      )}
    </section>
  );
}
