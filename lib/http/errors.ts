// The one error shape (docs/api.md, "Error messages and their language"):
// {"error": "<code>", "message": "<readable text>", "errors": [{row, column, message}]}
// Services raise an ApiError holding a message key of the i18n catalogs and its values,
// never a sentence; the edge (lib/edge: route handlers, server actions) writes the text in
// the reader's language. `message` (Error's) is the zh-CN text, for logs and the audit log.
import { z, ZodError, type core } from 'zod';
import { fill, formatDateTime, messages, type Locale, type Messages } from '../i18n';

/** The dotted path of every string in the catalogs: 'cycle.errors.badPeriod'. */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : T[K] extends readonly unknown[] ? never : T[K] extends object ? Leaves<T[K], `${P}${K}.`> : never;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;

/** A value of a message: dates are written in the reader's locale, messages inside messages too, lists joined. */
export type MessageValue = string | number | Date | Message | readonly Message[];
export type MessageValues = Record<string, MessageValue>;
export interface Message {
  key: MessageKey;
  values?: MessageValues;
}

export const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' && value !== null && typeof (value as Message).key === 'string';

function lookup(catalog: Messages, key: MessageKey): string {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node as string;
}

const isKey = (text: string): text is MessageKey => /^[\w.]+$/.test(text) && typeof lookup(messages('zh-CN'), text as MessageKey) === 'string';

/** A message written in one language. */
export function renderMessage(message: Message, locale: Locale): string {
  const values = Object.entries(message.values ?? {}).map(([name, value]) => [name, renderValue(value, locale)]);
  return fill(lookup(messages(locale), message.key), Object.fromEntries(values));
}

function renderValue(value: MessageValue, locale: Locale): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (value instanceof Date) return formatDateTime(locale, value);
  if (Array.isArray(value)) return value.map((m: Message) => renderMessage(m, locale)).join(messages(locale).serverErrors.joiner);
  return renderMessage(value as Message, locale);
}

export interface RowError {
  row: number;
  column: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: Message,
    readonly errors?: RowError[],
    readonly headers?: Record<string, string>,
  ) {
    super(renderMessage(detail, 'zh-CN'));
  }

  /** The message in the reader's language. */
  text(locale: Locale): string {
    return renderMessage(this.detail, locale);
  }
}

const error = (status: number, code: string) => (key: MessageKey, values?: MessageValues) => new ApiError(status, code, { key, values });
export const badRequest = error(400, 'bad_request');
export const conflict = error(409, 'conflict');
/** 422: the request parsed but its content is not acceptable. */
export const invalid = error(422, 'invalid');
export const unauthorized = (key: MessageKey = 'api.unauthorized') => new ApiError(401, 'unauthorized', { key });
export const forbidden = (key: MessageKey = 'api.forbidden') => new ApiError(403, 'forbidden', { key });
export const notFound = (key: MessageKey = 'api.notFound', values?: MessageValues) => new ApiError(404, 'not_found', { key, values });
/** 409 with a specific code, for refused transitions and closed windows. */
export const refused = (code: string, key: MessageKey, values?: MessageValues) => new ApiError(409, code, { key, values });
export const periodLocked = (period: string) => new ApiError(409, 'period_locked', { key: 'api.periodLocked', values: { period } });

/**
 * A zod refinement's issue that carries a message key: `.refine(check, keyed('cycle.errors.badPeriod'))`,
 * or `ctx.addIssue({ code: 'custom', ...keyed(key, values) })`; the edge writes it in the reader's
 * language, the issue's own message is the zh-CN text (logs, the CLI).
 */
export const keyed = (key: MessageKey, values?: MessageValues) => ({ message: renderMessage({ key, values }, 'zh-CN'), params: { message: { key, values } } });

/** One validation issue in the reader's language: ours from its key, zod's own prefixed with where it is. */
function issueText(issue: core.$ZodIssue, locale: Locale): string {
  const ours = issue.code === 'custom' ? issue.params?.message : undefined;
  if (isMessage(ours)) return renderMessage(ours, locale);
  if (isKey(issue.message)) return renderMessage({ key: issue.message }, locale);
  return `${issue.path.join('.') || messages(locale).api.request}: ${issue.message}`;
}

export const zodText = (err: ZodError, locale: Locale) => err.issues.map((issue) => issueText(issue, locale)).join(messages(locale).serverErrors.joiner);

/** The error shape as a zod schema: the OpenAPI document (lib/openapi) describes every error answer with it. */
export const errorShape = z
  .object({
    error: z.string().meta({ description: 'A stable code: bad_request, unauthorized, forbidden, not_found, conflict, period_locked, …', example: 'bad_request' }),
    message: z.string().meta({ description: "Readable text, in the caller's language (the `lang` cookie, else Accept-Language; zh-CN by default)" }),
    errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })).optional(),
    /** A rejected ingest batch is recorded too: its id. */
    batchId: z.string().optional(),
  })
  .meta({ id: 'Error' });

export function errorBody(err: ApiError, locale: Locale): z.infer<typeof errorShape> {
  return { error: err.code, message: err.text(locale), ...(err.errors ? { errors: err.errors } : {}) };
}

/** Anything thrown, as the contract's JSON error response in the reader's language. */
export function errorResponse(err: unknown, locale: Locale): Response {
  if (err instanceof ApiError) return Response.json(errorBody(err, locale), { status: err.status, headers: err.headers });
  if (err instanceof ZodError) return Response.json({ error: 'bad_request', message: zodText(err, locale) }, { status: 400 });
  console.error(err);
  return Response.json({ error: 'internal', message: messages(locale).api.internal }, { status: 500 });
}
