'use server';
// Server actions for /admin/tokens: the one action wrapper (lib/edge/action.ts), one service call.
import { z } from 'zod';
import { SCOPES } from '@/lib/auth/principal';
import { issueToken, revokeToken, setTokenExpiry } from '@/lib/auth/token-admin';
import { field, runAction, type ActionState } from '@/lib/edge/action';
import { endOfChinaDay } from '@/lib/periods/calendar';

const REFRESH = ['/admin/tokens'];
/** A date input's day, ending at midnight China time (the end of that day); null when empty or not a day. */
const expiry = field.text.transform((day) => {
  const at = day ? endOfChinaDay(day) : null;
  return at && !Number.isNaN(at.getTime()) ? at : null;
});
const created = z.object({ name: field.text, scopes: field.list.pipe(z.array(z.enum(SCOPES))), departmentCode: field.optional, expires: expiry });
const expirySet = z.object({ id: field.id, expires: expiry });
const revoked = z.object({ id: field.id });

export async function createTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction({ action: 'tokens:manage', refresh: REFRESH, schema: created, form }, async ({ input, database, ctx, t }) => {
    const token = await issueToken(database, ctx.principal, { name: input.name, scopes: input.scopes, departmentCode: input.departmentCode, expiresAt: input.expires }, ctx.ip);
    return { ok: t.adminTokens.secretTitle, secret: token.secret };
  });
}

export async function setExpiryAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction({ action: 'tokens:manage', refresh: REFRESH, schema: expirySet, form }, async ({ input, database, ctx, t }) => {
    await setTokenExpiry(database, ctx.principal, input.id, input.expires, ctx.ip);
    return { ok: t.adminTokens.expirySaved };
  });
}

export async function revokeTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction({ action: 'tokens:manage', refresh: REFRESH, schema: revoked, form }, async ({ input, database, ctx, t }) => {
    await revokeToken(database, ctx.principal, input.id, ctx.ip);
    return { ok: t.adminTokens.revoked };
  });
}
