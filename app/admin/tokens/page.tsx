import { DataTable } from '@/components/data-table';
import { getDatabase } from '@/db/client';
import { chinaDay } from '@/lib/periods/calendar';
import { CreateTokenForm, ExpiryForm, RevokeForm, type TokenFormLabels } from '@/components/auth/token-admin-forms';
import { guardPage } from '@/lib/auth/guard';
import { SCOPES, type Scope } from '@/lib/auth/principal';
import { listTokens, tokenStatus } from '@/lib/auth/token-admin';
import { listDepartmentOptions } from '@/lib/auth/users';
import { formatDateTime } from '@/lib/i18n';
import { getI18n } from '@/lib/i18n/server';
import { createTokenAction, revokeTokenAction, setExpiryAction } from './actions';

export default async function AdminTokensPage() {
  await guardPage('/admin/tokens', 'tokens:manage');
  const { t, locale } = await getI18n();
  const k = t.adminTokens;
  const database = await getDatabase();
  const tokens = await listTokens(database);
  const departments = (await listDepartmentOptions(database)).map((d) => ({ value: d.code, label: `${d.code} ${d.name}` }));
  const scopeNames: Record<Scope, string> = {
    'metrics:write': k.scopeNames.metricsWrite,
    'events:write': k.scopeNames.eventsWrite,
    'ledger:write': k.scopeNames.ledgerWrite,
    'scores:read': k.scopeNames.scoresRead,
    'scores:export': k.scopeNames.scoresExport,
  };
  const statusNames = { active: k.statusActive, expired: k.statusExpired, revoked: k.statusRevoked };
  const labels: TokenFormLabels = {
    name: k.name, scopes: k.scopes, department: k.department, departmentNone: k.departmentNone, expires: k.expires,
    expiresHint: k.expiresHint, create: k.create, setExpiry: k.setExpiry, save: k.save, revoke: k.revoke, revokeConfirm: k.revokeConfirm,
  };
  return (
    <section className="stack" aria-labelledby="tokens-title">
      <h1 id="tokens-title">{k.title}</h1>
      <p className="lead">{k.intro}</p>
      <div className="card">
        <h2>{k.createTitle}</h2>
        <CreateTokenForm submit={createTokenAction} scopes={SCOPES.map((s) => ({ value: s, label: scopeNames[s] }))} departments={departments} labels={labels} />
      </div>
      <div className="card">
        <h2 id="tokens-list">{k.listTitle}</h2>
        <DataTable columns={[k.name, k.prefix, k.scopes, k.department, k.createdAt, k.expiresAt, k.lastUsed, k.status, k.actions]} rowCount={tokens.length} empty={k.empty} labelledBy="tokens-list">
          {tokens.map((token) => {
            const status = tokenStatus(token);
            return (
              <tr key={token.id}>
                <th scope="row">{token.name}</th>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>{token.scopes.join(', ')}</td>
                <td>{token.departmentCode ?? '—'}</td>
                <td>
                  {formatDateTime(locale, token.createdAt, { seconds: true })}
                  <div className="muted">{token.createdBy}</div>
                </td>
                <td>{formatDateTime(locale, token.expiresAt, { seconds: true, fallback: k.noExpiry })}</td>
                <td>{formatDateTime(locale, token.lastUsedAt, { seconds: true, fallback: k.never })}</td>
                <td>{statusNames[status]}</td>
                <td>
                  {status !== 'revoked' && (
                    <>
                      <ExpiryForm submit={setExpiryAction} id={token.id} expires={token.expiresAt ? chinaDay(token.expiresAt) : ''} labels={labels} />
                      <RevokeForm submit={revokeTokenAction} id={token.id} name={token.name} labels={labels} />
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      </div>
    </section>
  );
}
