// Server-action plumbing for the assessment-cycle pages: the signed-in user (any
// role; each service checks can() itself with the right resource), the caller's
// address, one service call, the pages to refresh, and errors as form messages.
import { revalidatePath } from 'next/cache';
import { getDatabase } from '../../db/client';
import type { Database } from '../../db/types';
import { actionFailure, requestIp } from '../auth/action-support';
import { authorizeAction } from '../auth/guard';
import type { Action } from '../auth/permissions';
import { getI18n } from '../i18n/server';
import type { ActionContext } from '../auth/context';

export interface CycleActionState {
  ok?: string;
  error?: string;
  /** A hash to show with the message (finalize, verify). */
  hash?: string;
  /** Bumped on every success so forms can reset. */
  done?: number;
}

export async function runCycleAction(
  action: Action | null,
  paths: string[],
  work: (database: Database, ctx: ActionContext) => Promise<CycleActionState>,
): Promise<CycleActionState> {
  const i18n = await getI18n();
  const { t } = i18n;
  // A coarse check for admin-only actions (refusals audited); department-owned resources are checked in the service.
  const auth = await authorizeAction(action);
  if (!auth.ok) return { error: t.errors.forbidden };
  const user = auth.user;
  try {
    const state = await work(await getDatabase(), { principal: user.principal, ip: await requestIp() });
    for (const path of paths) revalidatePath(path);
    return { ...state, done: Date.now() };
  } catch (err) {
    return { ...(await actionFailure(err, i18n, user.principal, paths[0] ?? 'action')), done: Date.now() };
  }
}

export const formText = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export function formNumber(form: FormData, name: string): number {
  const text = formText(form, name);
  return text === '' ? Number.NaN : Number(text);
}

export function formId(form: FormData, name = 'id'): number {
  const id = Number(form.get(name));
  return Number.isInteger(id) && id > 0 ? id : -1;
}
