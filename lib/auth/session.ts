// The signed-in user behind a page, layout or server action: the request's session
// cookie, decoded and re-checked against the database (active, role, session version,
// timeouts) exactly as route handlers do (lib/auth/session-token.ts). proxy.ts slides
// the idle timeout; pages only read.
import { cache } from 'react';
import { headers } from 'next/headers';
import { getDatabase } from '../../db/client';
import type { Principal } from './principal';
import { sessionUserFromCookieHeader, type SignedInUser } from './session-token';

export type { SignedInUser };

/** Once per request: the header and the page guard share one session check (React cache()). */
export const getSignedInUser = cache(async function getSignedInUser(): Promise<SignedInUser | null> {
  return sessionUserFromCookieHeader((await headers()).get('cookie'), await getDatabase());
});

export async function getSessionPrincipal(): Promise<Principal | null> {
  return (await getSignedInUser())?.principal ?? null;
}
