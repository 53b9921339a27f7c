// Who is calling a route handler: `Authorization: Bearer <token>` (API routes under
// /api/v1 only) or the signed-in session in the request's own cookie, re-checked
// against the database (active, role, session version, timeouts) on every call.
import { getDatabase } from '../../db/client';
import { clientAddress } from '../http/client-address';
import { unauthorized } from '../http/errors';
import { takeRequest } from '../http/rate-limit';
import { rememberCaller } from './denials';
import { actorId, type Principal } from './principal';
import { principalFromCookieHeader } from './session-token';
import { principalForToken } from './tokens';

export async function getPrincipal(request: Request): Promise<Principal | null> {
  const header = request.headers.get('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match || !new URL(request.url).pathname.startsWith('/api/v1/')) return null;
    return principalForToken(await getDatabase(), match[1]);
  }
  const cookie = request.headers.get('cookie');
  if (!cookie) return null;
  return principalFromCookieHeader(cookie, await getDatabase());
}

/** The caller, or a 401 in the contract's error shape; a 429 once its per-minute budget is spent. */
export async function requirePrincipal(request: Request): Promise<Principal> {
  const principal = await getPrincipal(request);
  if (!principal) throw unauthorized();
  rememberCaller(request, { principal, ip: clientIp(request) }); // a 403 later in this request is audited against them (handle())
  takeRequest(actorId(principal));
  return principal;
}

/** The client's verified address for the audit log, or null (lib/http/client-address.ts). */
export function clientIp(request: Request): string | null {
  return clientAddress(request.headers).ip;
}
