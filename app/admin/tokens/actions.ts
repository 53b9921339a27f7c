'use server';
// Server actions for /admin/tokens: authorize with can(), call one service, refresh the page.
import { revalidatePath } from 'next/cache';
import { getDatabase } from '@/db/client';
import { actionFailure, requestIp, type ActionState } from '@/lib/auth/action-support';
import { authorizeAction } from '@/lib/auth/guard';
import { issueToken, revokeToken, setTokenExpiry } from '@/lib/auth/token-admin';
import { getI18n } from '@/lib/i18n/server';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const tokenId = (form: FormData) => {
  const id = Number(form.get('id'));
  return Number.isInteger(id) && id > 0 ? id : -1;
};

/** A date input's day, ending at midnight China time (the end of that day). */
function endOfChinaDay(day: string): Date | null {
  if (!day) return null;
  const at = new Date(`${day}T23:59:59.999+08:00`);
  return Number.isNaN(at.getTime()) ? null : at;
}

async function run(work: (principal: Extract<Awaited<ReturnType<typeof authorizeAction>>, { ok: true }>['user']['principal'], ip: string | null) => Promise<ActionState>): Promise<ActionState> {
  const i18n = await getI18n();
  const { t } = i18n;
  const auth = await authorizeAction('tokens:manage');
  if (!auth.ok) return { error: t.errors.forbidden };
  try {
    const state = await work(auth.user.principal, await requestIp());
    revalidatePath('/admin/tokens');
    return state;
  } catch (err) {
    return actionFailure(err, i18n, auth.user.principal, '/admin/tokens');
  }
}

export async function createTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  return run(async (principal, ip) => {
    const created = await issueToken(await getDatabase(), principal, {
      name: text(form, 'name'),
      scopes: form.getAll('scopes').map(String) as never,
      departmentCode: text(form, 'departmentCode') || null,
      expiresAt: endOfChinaDay(text(form, 'expires')),
    }, ip);
    return { ok: t.adminTokens.secretTitle, secret: created.secret };
  });
}

export async function setExpiryAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  return run(async (principal, ip) => {
    await setTokenExpiry(await getDatabase(), principal, tokenId(form), endOfChinaDay(text(form, 'expires')), ip);
    return { ok: t.adminTokens.expirySaved };
  });
}

export async function revokeTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  return run(async (principal, ip) => {
    await revokeToken(await getDatabase(), principal, tokenId(form), ip);
    return { ok: t.adminTokens.revoked };
  });
}
