// The one error shape (CONTRACT.md §3):
// {"error": "<code>", "message": "<readable text>", "errors": [{row, column, message}]}
import { unstable_rethrow } from 'next/navigation';
import { z, ZodError } from 'zod';
import { auditDenied, rememberedCaller } from '../auth/denials';
import { fill } from '../i18n';
import { zhCN } from '../i18n/zh-CN';

// The API speaks zh-CN (CONTRACT.md §3); pages write these again in the reader's language.
const t = zhCN.api;

export interface RowError {
  row: number;
  column: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: RowError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new ApiError(400, 'bad_request', message);
export const unauthorized = (message = t.unauthorized) => new ApiError(401, 'unauthorized', message);
export const forbidden = (message = t.forbidden) => new ApiError(403, 'forbidden', message);
export const notFound = (message = t.notFound) => new ApiError(404, 'not_found', message);
export const conflict = (message: string) => new ApiError(409, 'conflict', message);
export const periodLocked = (period: string) =>
  new ApiError(409, 'period_locked', fill(t.periodLocked, { period }));

/** The error shape as a zod schema: the OpenAPI document (lib/openapi) describes every error answer with it. */
export const errorShape = z
  .object({
    error: z.string().meta({ description: 'A stable code: bad_request, unauthorized, forbidden, not_found, conflict, period_locked, …', example: 'bad_request' }),
    message: z.string().meta({ description: 'Readable text, in Chinese (zh-CN)' }),
    errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })).optional(),
    /** A rejected ingest batch is recorded too: its id. */
    batchId: z.string().optional(),
  })
  .meta({ id: 'Error' });

export function errorBody(err: ApiError): z.infer<typeof errorShape> {
  return { error: err.code, message: err.message, ...(err.errors ? { errors: err.errors } : {}) };
}

/** Turns anything thrown in a route handler into the contract's JSON error response. */
export function errorResponse(err: unknown): Response {
  if (err instanceof ApiError) return Response.json(errorBody(err), { status: err.status, headers: err.headers });
  if (err instanceof ZodError) {
    const message = err.issues.map((i) => `${i.path.join('.') || t.request}: ${i.message}`).join('; ');
    return Response.json({ error: 'bad_request', message }, { status: 400 });
  }
  console.error(err);
  return Response.json({ error: 'internal', message: t.internal }, { status: 500 });
}

/** Wraps a route handler so every failure answers in the one error shape, and every 403 is audited. */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (err) {
      unstable_rethrow(err); // Next's own signals (a handler leaving prerendering at build time) are not failures
      const request = args[0];
      if (err instanceof ApiError && err.status === 403 && request instanceof Request) await auditApiDenial(request, err);
      return errorResponse(err);
    }
  };
}

async function auditApiDenial(request: Request, err: ApiError) {
  const caller = rememberedCaller(request);
  await auditDenied({ actor: caller?.principal ?? null, ip: caller?.ip ?? null, via: 'api', target: `${request.method} ${new URL(request.url).pathname}`, reason: err.message });
}
