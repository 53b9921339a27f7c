'use server';
// Server actions for /admin/users: authorize with can(), call one service, refresh the page.
import { revalidatePath } from 'next/cache';
import { getDatabase } from '@/db/client';
import { actionFailure, requestIp, type ActionState } from '@/lib/auth/action-support';
import { authorizeAction } from '@/lib/auth/guard';
import { endAllSessions } from '@/lib/auth/sessions';
import { allowOidcLink } from '@/lib/auth/oidc';
import { resetSecondFactor } from '@/lib/auth/second-factor';
import { createUser, resetPassword, setUserActive, setUserRole } from '@/lib/auth/users';
import { fill } from '@/lib/i18n';
import { getI18n } from '@/lib/i18n/server';

const text = (form: FormData, name: string) => String(form.get(name) ?? '');
const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
const userId = (form: FormData) => {
  const id = Number(form.get('id'));
  return Number.isInteger(id) && id > 0 ? id : -1;
};

async function run(work: (principal: Extract<Awaited<ReturnType<typeof authorizeAction>>, { ok: true }>['user']['principal'], ip: string | null) => Promise<string>): Promise<ActionState> {
  const i18n = await getI18n();
  const { t } = i18n;
  const auth = await authorizeAction('users:manage');
  if (!auth.ok) return { error: t.errors.forbidden };
  try {
    const ok = await work(auth.user.principal, await requestIp());
    revalidatePath('/admin/users');
    return { ok };
  } catch (err) {
    return actionFailure(err, i18n, auth.user.principal, '/admin/users');
  }
}

export async function createUserAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  return run(async (principal, ip) => {
    await createUser(await getDatabase(), principal, {
      username: text(form, 'username'),
      displayName: orNull(text(form, 'displayName')),
      role: text(form, 'role') as never,
      departmentCode: orNull(text(form, 'departmentCode')),
      password: text(form, 'password'),
    }, ip);
    return t.adminUsers.created;
  });
}

export async function setActiveAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  const active = text(form, 'active') === 'true';
  return run(async (principal, ip) => {
    await setUserActive(await getDatabase(), principal, userId(form), active, ip);
    return active ? t.adminUsers.enabledDone : t.adminUsers.disabledDone;
  });
}

export async function setRoleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  return run(async (principal, ip) => {
    await setUserRole(await getDatabase(), principal, userId(form), { role: text(form, 'role') as never, departmentCode: orNull(text(form, 'departmentCode')) }, ip);
    return t.adminUsers.roleSaved;
  });
}

export async function endUserSessionsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  return run(async (principal, ip) => fill(t.sessions.endedAll, { count: await endAllSessions(await getDatabase(), principal, userId(form), ip) }));
}

export async function resetPasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  return run(async (principal, ip) => {
    await resetPassword(await getDatabase(), principal, userId(form), text(form, 'password'), ip);
    return t.adminUsers.passwordReset;
  });
}

export async function resetSecondFactorAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  return run(async (principal, ip) => {
    await resetSecondFactor(await getDatabase(), principal, userId(form), ip);
    return t.adminUsers.factorReset;
  });
}

export async function allowOidcLinkAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  return run(async (principal, ip) => {
    await allowOidcLink(await getDatabase(), principal, userId(form), ip);
    return t.adminUsers.ssoAllowedDone;
  });
}
