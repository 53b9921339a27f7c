// The signed-in user behind a browser request (next-auth JWT session).
// Implemented by the sign-in work (issue #4): until then nobody is signed in.
import type { Principal } from './principal';

export async function getSessionPrincipal(): Promise<Principal | null> {
  return null;
}
