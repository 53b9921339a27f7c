'use server';
// Server actions for /admin/users: the one action wrapper (lib/edge/action.ts), one service call.
import { z } from 'zod';
import { allowOidcLink } from '@/lib/auth/oidc';
import { ROLES } from '@/lib/auth/principal';
import { resetSecondFactor } from '@/lib/auth/second-factor';
import { endAllSessions } from '@/lib/auth/sessions';
import { createUser, resetPassword, setUserActive, setUserRole } from '@/lib/auth/users';
import { field, runAction, type ActionState } from '@/lib/edge/action';
import { fill } from '@/lib/i18n';

const REFRESH = ['/admin/users'];
const user = z.object({ id: field.id });
const created = z.object({ username: field.text, displayName: field.optional, role: z.enum(ROLES), departmentCode: field.optional, password: z.string().default('') });
const activity = z.object({ id: field.id, active: field.text.transform((v) => v === 'true') });
const role = z.object({ id: field.id, role: z.enum(ROLES), departmentCode: field.optional });
const password = z.object({ id: field.id, password: z.string().default('') });

const users = <S extends z.ZodType>(schema: S, form: FormData, work: Parameters<typeof runAction<S>>[1]) =>
  runAction({ action: 'users:manage', refresh: REFRESH, schema, form }, work);

export async function createUserAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return users(created, form, async ({ input, database, ctx, t }) => {
    await createUser(database, ctx.principal, input, ctx.ip);
    return { ok: t.adminUsers.created };
  });
}

export async function setActiveAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return users(activity, form, async ({ input, database, ctx, t }) => {
    await setUserActive(database, ctx.principal, input.id, input.active, ctx.ip);
    return { ok: input.active ? t.adminUsers.enabledDone : t.adminUsers.disabledDone };
  });
}

export async function setRoleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return users(role, form, async ({ input: { id, ...assignment }, database, ctx, t }) => {
    await setUserRole(database, ctx.principal, id, assignment, ctx.ip);
    return { ok: t.adminUsers.roleSaved };
  });
}

export async function endUserSessionsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return users(user, form, async ({ input, database, ctx, t }) => ({ ok: fill(t.sessions.endedAll, { count: await endAllSessions(database, ctx.principal, input.id, ctx.ip) }) }));
}

export async function resetPasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return users(password, form, async ({ input, database, ctx, t }) => {
    await resetPassword(database, ctx.principal, input.id, input.password, ctx.ip);
    return { ok: t.adminUsers.passwordReset };
  });
}

export async function resetSecondFactorAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return users(user, form, async ({ input, database, ctx, t }) => {
    await resetSecondFactor(database, ctx.principal, input.id, ctx.ip);
    return { ok: t.adminUsers.factorReset };
  });
}

export async function allowOidcLinkAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return users(user, form, async ({ input, database, ctx, t }) => {
    await allowOidcLink(database, ctx.principal, input.id, ctx.ip);
    return { ok: t.adminUsers.ssoAllowedDone };
  });
}
