// Page and server-action guards. Every page calls guardPage first: the signed-out go to
// /login (and come back after), a role that can() refuses gets the 403 page
// (forbidden() → app/forbidden.tsx; streamed after a 200 under Cache Components, docs/security.md). It returns only when allowed:
//
//   const { principal } = await guardPage('/admin/users', 'users:manage');
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { clientAddress } from '../http/client-address';
import { auditDenied } from './denials';
import { safeCallbackPath } from './callback-path';
import { can, type Action, type Resource } from './permissions';
import type { Principal } from './principal';
import { getSignedInUser, type SignedInUser } from './session';

/** The caller's verified address for the audit log, or null (lib/http/client-address.ts). */
export async function requestIp(): Promise<string | null> {
  return clientAddress(await headers()).ip;
}

export type PageDecision = 'allow' | 'signin' | 'forbidden';

/** Where a user whose role needs a second factor enrols it (app/account/security). */
export const ENROLMENT_PATH = '/account/security';

/** The decision guardPage acts on; pure, so the access matrix tests it directly. */
export function pageDecision(principal: Principal | null, action: Action | null, resource?: Resource): PageDecision {
  if (!principal || principal.kind !== 'user') return 'signin'; // tokens never open pages
  if (action && !can(principal, action, resource)) return 'forbidden';
  return 'allow';
}

/** /login with a way back to `path`; only same-site relative paths are kept. */
export function loginUrl(path: string): string {
  return `/login?callbackUrl=${encodeURIComponent(safeCallbackPath(path))}`;
}

export interface PageGate {
  principal: SignedInUser['principal'];
  user: SignedInUser;
}

/**
 * `path`: this page's URL (with its query) to come back to after sign-in.
 * `action: null` means any signed-in user.
 */
export async function guardPage(path: string, action: Action | null, resource?: Resource): Promise<PageGate> {
  const user = await getSignedInUser();
  const decision = pageDecision(user?.principal ?? null, action, resource);
  if (decision === 'signin' || !user) redirect(loginUrl(path));
  // A role that needs a second factor, signed in without one, may only enrol it.
  if (user.mustEnrol && path.split('?')[0] !== ENROLMENT_PATH) redirect(ENROLMENT_PATH);
  // The 403 page, rendered by app/forbidden.tsx (experimental.authInterrupts); audited.
  if (decision === 'forbidden') {
    await auditDenied({ actor: user.principal, via: 'page', target: path, permission: action, reason: resource?.department ?? null, ip: await requestIp() });
    forbidden();
  }
  return { principal: user.principal, user };
}

/** For server actions: the signed-in user if can() allows the action (null: any signed-in user), else why not. */
export async function authorizeAction(action: Action | null, resource?: Resource): Promise<{ ok: true; user: SignedInUser } | { ok: false; reason: 'signin' | 'forbidden' }> {
  const user = await getSignedInUser();
  const decision = pageDecision(user?.principal ?? null, action, resource);
  if (decision === 'forbidden' && user) {
    await auditDenied({ actor: user.principal, via: 'action', target: action ?? 'signed-in', permission: action, reason: resource?.department ?? null, ip: await requestIp() });
  }
  if (decision !== 'allow' || !user) return { ok: false, reason: decision === 'forbidden' ? 'forbidden' : 'signin' };
  if (user.mustEnrol) return { ok: false, reason: 'forbidden' };
  return { ok: true, user };
}
