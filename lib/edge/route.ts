// The one wrapper of route handlers: every failure answers in the one error shape
// (lib/http/errors.ts), written in the caller's language, and every 403 is audited.
import { unstable_rethrow } from 'next/navigation';
import { auditDenied, rememberedCaller } from '../auth/denials';
import { ApiError, errorResponse } from '../http/errors';
import { requestLocale } from '../i18n';

export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (err) {
      unstable_rethrow(err); // Next's own signals (a handler leaving prerendering at build time) are not failures
      const request = args[0] instanceof Request ? args[0] : null;
      if (err instanceof ApiError && err.status === 403 && request) await auditApiDenial(request, err);
      return errorResponse(err, request ? requestLocale(request.headers) : 'zh-CN');
    }
  };
}

async function auditApiDenial(request: Request, err: ApiError) {
  const caller = rememberedCaller(request);
  await auditDenied({ actor: caller?.principal ?? null, ip: caller?.ip ?? null, via: 'api', target: `${request.method} ${new URL(request.url).pathname}`, reason: err.message });
}
