// The signed-in user behind a page, layout or server action (next-auth JWT session,
// read with getServerSession; the jwt callback re-checks the user and the timeouts).
// Route handlers use lib/auth/request.ts, which reads the request's own cookie.
import { cache } from 'react';
import { getServerSession } from 'next-auth/next';
import { getAuthOptions, type SessionBody } from './options';
import type { Principal } from './principal';

export interface SignedInUser {
  principal: Principal & { kind: 'user' };
  displayName: string;
}

/** Once per request: the header and the page guard share one session check (React cache()). */
export const getSignedInUser = cache(async function getSignedInUser(): Promise<SignedInUser | null> {
  let session: SessionBody | null;
  try {
    session = (await getServerSession(getAuthOptions())) as SessionBody | null;
  } catch {
    return null; // a session next-auth cannot read is no session
  }
  const u = session?.user;
  if (!u || typeof u.id !== 'number') return null;
  return {
    principal: { kind: 'user', id: u.id, username: u.username, role: u.role, departmentCode: u.departmentCode },
    displayName: u.name,
  };
});

export async function getSessionPrincipal(): Promise<Principal | null> {
  return (await getSignedInUser())?.principal ?? null;
}
