import { DataTable } from '@/components/data-table';
import { getDatabase } from '@/db/client';
import { AllowOidcLinkForm, CreateUserForm, ResetPasswordForm, ResetSecondFactorForm, RoleForm, ToggleActiveForm, type UserFormLabels } from '@/components/auth/user-admin-forms';
import { oidcConfigured } from '@/lib/auth/oidc';
import { guardPage } from '@/lib/auth/guard';
import { ROLES } from '@/lib/auth/principal';
import { ActionButtonForm } from '@/components/auth/session-forms';
import { liveSessionCounts } from '@/lib/auth/sessions';
import { listDepartmentOptions, listUsers } from '@/lib/auth/users';
import { allowOidcLinkAction, createUserAction, endUserSessionsAction, resetPasswordAction, resetSecondFactorAction, setActiveAction, setRoleAction } from './actions';
import { fill, formatDateTime } from '@/lib/i18n';
import { getI18n } from '@/lib/i18n/server';

export default async function AdminUsersPage() {
  const gate = await guardPage('/admin/users', 'users:manage');
  const { t, locale } = await getI18n();
  const database = await getDatabase();
  const users = await listUsers(database);
  const sessions = await liveSessionCounts(database);
  const departments = (await listDepartmentOptions(database)).map((d) => ({ value: d.code, label: `${d.code} ${d.name}` }));
  const roles = ROLES.map((r) => ({ value: r, label: t.roles[r] }));
  const u = t.adminUsers;
  const labels: UserFormLabels = {
    username: u.username, displayName: u.displayName, role: u.role, department: u.department, departmentNone: u.departmentNone,
    departmentHint: u.departmentHint, password: u.password, passwordHint: u.passwordHint, create: u.create, disable: u.disable,
    enable: u.enable, changeRole: u.changeRole, save: u.save, resetPassword: u.resetPassword, newPassword: u.newPassword,
    resetFactor: u.resetFactor, allowSso: u.allowSso,
  };
  const sso = oidcConfigured();
  return (
    <section className="stack" aria-labelledby="users-title">
      <h1 id="users-title">{u.title}</h1>
      <p className="lead">{u.intro}</p>
      <div className="card">
        <h2>{u.createTitle}</h2>
        <CreateUserForm submit={createUserAction} roles={roles} departments={departments} labels={labels} />
      </div>
      <div className="card">
        <h2 id="users-list">{u.listTitle}</h2>
        <DataTable columns={[u.username, u.displayName, u.role, u.department, u.status, u.lastLogin, u.actions]} rowCount={users.length} labelledBy="users-list">
          {users.map((user) => {
            const self = gate.principal.id === user.id;
            return (
              <tr key={user.id}>
                <th scope="row">
                  {user.username}
                  {self && <span className="muted"> {u.you}</span>}
                </th>
                <td>{user.displayName ?? '—'}</td>
                <td>{t.roles[user.role] ?? user.role}</td>
                <td>{user.departmentCode ?? '—'}</td>
                <td>
                  {user.active ? u.active : u.disabled}
                  {user.locked && <div className="muted">{fill(u.lockedUntil, { time: formatDateTime(locale, user.lockedUntil, { seconds: true }) })}</div>}
                  {user.oidcLinked && <div className="muted">{u.sso}</div>}
                  {user.oidcLinkAllowed && <div className="muted">{u.ssoAllowed}</div>}
                  <div className="muted">{user.secondFactor ? u.factorOn : u.factorOff}</div>
                </td>
                <td>
                  {formatDateTime(locale, user.lastLoginAt, { seconds: true, fallback: u.never })}
                  <div className="muted" data-testid="live-sessions">
                    {t.sessions.live}: {sessions.get(user.id) ?? 0}
                  </div>
                </td>
                <td>
                  {!self && <ToggleActiveForm submit={setActiveAction} id={user.id} active={user.active} username={user.username} labels={labels} />}
                  <details>
                    <summary>{u.more}</summary>
                    {!self && <RoleForm submit={setRoleAction} id={user.id} role={user.role} departmentCode={user.departmentCode} roles={roles} departments={departments} labels={labels} />}
                    <ResetPasswordForm submit={resetPasswordAction} id={user.id} labels={labels} />
                    {!self && (sessions.get(user.id) ?? 0) > 0 && (
                      <ActionButtonForm action={endUserSessionsAction} fields={{ id: String(user.id) }} label={t.sessions.endAll} ariaLabel={`${t.sessions.endAll} ${user.username}`} />
                    )}
                    {!self && user.secondFactor && <ResetSecondFactorForm submit={resetSecondFactorAction} id={user.id} username={user.username} labels={labels} />}
                    {sso && !user.oidcLinkAllowed && <AllowOidcLinkForm submit={allowOidcLinkAction} id={user.id} username={user.username} labels={labels} />}
                  </details>
                </td>
              </tr>
            );
          })}
        </DataTable>
      </div>
    </section>
  );
}
