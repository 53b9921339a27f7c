// Who is calling a route handler: `Authorization: Bearer <token>` (API routes under
// /api/v1 only) or the signed-in session.
import { getDatabase } from '../../db/client';
import { unauthorized } from '../http/errors';
import type { Principal } from './principal';
import { getSessionPrincipal } from './session';
import { principalForToken } from './tokens';

export async function getPrincipal(request: Request): Promise<Principal | null> {
  const header = request.headers.get('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match || !new URL(request.url).pathname.startsWith('/api/v1/')) return null;
    return principalForToken(await getDatabase(), match[1]);
  }
  return getSessionPrincipal();
}

/** The caller, or a 401 in the contract's error shape. */
export async function requirePrincipal(request: Request): Promise<Principal> {
  const principal = await getPrincipal(request);
  if (!principal) throw unauthorized();
  return principal;
}

/** The client's address for the audit log (first hop of X-Forwarded-For behind a proxy). */
export function clientIp(request: Request): string | null {
  return request.headers.get('x-forwarded-for')?.split(',')[0].trim() || request.headers.get('x-real-ip') || null;
}
