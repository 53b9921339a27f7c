// The one wrapper of server actions: the signed-in user (a coarse can() check where the
// action is admin-only, refusals audited; department-owned resources are checked in the
// service), the form read with a zod schema, one service call, the pages to refresh, and
// any error as a form message in the reader's language (lib/http/errors.ts).
import { revalidatePath } from 'next/cache';
import { z, ZodError } from 'zod';
import { getDatabase } from '../../db/client';
import type { Database } from '../../db/types';
import type { ActionContext } from '../auth/context';
import { auditDenied } from '../auth/denials';
import { authorizeAction, requestIp } from '../auth/guard';
import type { Action } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { ApiError, zodText } from '../http/errors';
import type { Locale, Messages } from '../i18n';
import { getI18n } from '../i18n/server';

/** What a form shows after submitting. */
export interface ActionState {
  ok?: string;
  error?: string;
  /** A token secret, shown once right after creation. */
  secret?: string;
  /** A hash to show with the message (finalize, verify). */
  hash?: string;
  /** Bumped on every answer so forms can reset. */
  done?: number;
}

/** A server action as a form takes it: pages pass their actions to client components as props. */
export type FormAction = (state: ActionState, form: FormData) => Promise<ActionState>;

/** A message fit to show, in the reader's language; anything not ours is generic (and logged). */
export function actionError(err: unknown, { locale, t }: { locale: Locale; t: Messages }): ActionState {
  if (err instanceof ApiError) return { error: err.text(locale) };
  if (err instanceof ZodError) return { error: zodText(err, locale) };
  console.error(err);
  return { error: t.errors.generic };
}

/** actionError for what a service threw; a 403 is audited first, like every refusal (lib/auth/denials.ts). */
export async function actionFailure(err: unknown, i18n: { locale: Locale; t: Messages }, actor: Principal, target: string): Promise<ActionState> {
  if (err instanceof ApiError && err.status === 403) await auditDenied({ actor, via: 'action', target, reason: err.message, ip: await requestIp() });
  return actionError(err, i18n);
}

/** FormData fields as zod reads them: repeated names become lists. */
export function formObject(form: FormData): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const name of new Set(form.keys())) {
    const values = form.getAll(name).filter((v): v is string => typeof v === 'string');
    fields[name] = values.length === 1 ? values[0] : values;
  }
  return fields;
}

/** Field shapes of forms. Services check the content and answer with readable messages. */
export const field = {
  text: z.string().trim().default(''),
  /** Empty is null. */
  optional: z.string().trim().default('').transform((v) => v || null),
  /** Empty is NaN, which the service refuses with its own message. */
  number: z.string().trim().default('').transform((v) => (v === '' ? Number.NaN : Number(v))),
  /** Anything but a positive whole number is -1, which no row has (the service answers 404). */
  id: z.coerce.number().int().positive().catch(-1),
  list: z.union([z.string(), z.array(z.string())]).default([]).transform((v) => (Array.isArray(v) ? v : [v])),
};

export interface ActionStep<T> {
  input: T;
  database: Database;
  ctx: ActionContext & { ip: string | null };
  t: Messages;
}

export async function runAction<S extends z.ZodType>(
  options: { action: Action | null; refresh: string[]; schema: S; form?: FormData },
  work: (step: ActionStep<z.output<S>>) => Promise<ActionState>,
): Promise<ActionState> {
  const i18n = await getI18n();
  const auth = await authorizeAction(options.action);
  if (!auth.ok) return { error: i18n.t.errors.forbidden, done: Date.now() };
  const principal = auth.user.principal;
  try {
    const input = options.schema.parse(options.form ? formObject(options.form) : {});
    const state = await work({ input, database: await getDatabase(), ctx: { principal, ip: await requestIp() }, t: i18n.t });
    for (const path of options.refresh) revalidatePath(path);
    return { ...state, done: Date.now() };
  } catch (err) {
    return { ...(await actionFailure(err, i18n, principal, options.refresh[0] ?? 'action')), done: Date.now() };
  }
}

/** A form with nothing to read but the button. */
export const noFields = z.object({});
