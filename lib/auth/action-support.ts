// Shared plumbing for server actions: the state a form shows after submitting, the
// caller's address for the audit log, and turning a thrown error into a message.
import { headers } from 'next/headers';
import { ZodError } from 'zod';
import { clientAddress } from '../http/client-address';
import { ApiError } from '../http/errors';
import { auditDenied } from './denials';
import type { Principal } from './principal';
import type { Locale, Messages } from '../i18n';
import { localizeServerMessage } from '../i18n/server-messages';

export interface ActionState {
  ok?: string;
  error?: string;
  /** A token secret, shown once right after creation. */
  secret?: string;
}

/** The caller's verified address for the audit log, or null (lib/http/client-address.ts). */
export async function requestIp(): Promise<string | null> {
  return clientAddress(await headers()).ip;
}

/**
 * A message fit to show, in the reader's language: ours and validation messages (written in
 * zh-CN by the services) written again from the reader's catalog, anything else generic
 * (and logged).
 */
export function actionError(err: unknown, { locale, t }: { locale: Locale; t: Messages }): ActionState {
  if (err instanceof ApiError) return { error: localizeServerMessage(err.message, locale) };
  if (err instanceof ZodError) return { error: localizeServerMessage(err.issues.map((i) => i.message).join('；'), locale) };
  console.error(err);
  return { error: t.errors.generic };
}

/** actionError for what a server action's service threw; a 403 there is audited first, like every refusal (lib/auth/denials.ts). */
export async function actionFailure(err: unknown, i18n: { locale: Locale; t: Messages }, actor: Principal, target: string): Promise<ActionState> {
  if (err instanceof ApiError && err.status === 403) await auditDenied({ actor, via: 'action', target, reason: err.message, ip: await requestIp() });
  return actionError(err, i18n);
}
