import type { Metadata } from 'next';
import { DataTable } from '@/components/data-table';
import { ActionButtonForm } from '@/components/auth/session-forms';
import { getDatabase } from '@/db/client';
import { guardPage } from '@/lib/auth/guard';
import { listLiveSessions } from '@/lib/auth/sessions';
import { formatDateTime } from '@/lib/i18n';
import { getI18n } from '@/lib/i18n/server';
import { endAllOwnSessionsAction, endOwnSessionAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: `${t.sessions.title} · ${t.app.shortName}` };
}

/** The signed-in user's own live sessions, each with a way to end it. */
export default async function MySessionsPage() {
  const { user } = await guardPage('/account/sessions', null);
  const { t, locale } = await getI18n();
  const s = t.sessions;
  const sessions = await listLiveSessions(await getDatabase(), user.principal.id);
  return (
    <section className="stack" aria-labelledby="sessions-title">
      <h1 id="sessions-title">{s.title}</h1>
      <p className="lead">{s.intro}</p>
      <div className="card">
        <DataTable columns={[s.started, s.lastSeen, s.address, s.client, t.adminUsers.actions]} rowCount={sessions.length} labelledBy="sessions-title" empty={s.none}>
          {sessions.map((session) => (
            <tr key={session.id} data-testid="session-row">
              <td>
                {formatDateTime(locale, session.createdAt, { seconds: true })}
                {session.id === user.sessionId && <span className="muted"> {s.current}</span>}
              </td>
              <td>{formatDateTime(locale, session.lastSeenAt, { seconds: true })}</td>
              <td>{session.ip ?? '—'}</td>
              <td className="muted">{session.userAgent ?? '—'}</td>
              <td>
                <ActionButtonForm action={endOwnSessionAction} fields={{ sessionId: session.id }} label={s.end} />
              </td>
            </tr>
          ))}
        </DataTable>
        <ActionButtonForm action={endAllOwnSessionsAction} fields={{}} label={s.endOthers} />
      </div>
    </section>
  );
}
