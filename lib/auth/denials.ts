// Refusals are audited (issue #12 item 13): each 403 a page guard, a server action or an API
// route handler answers writes one `access.denied` entry (outcome `denied`) naming who was
// refused what. The three places that turn can()'s refusals into a 403 call auditDenied:
// guardPage and authorizeAction (lib/auth/guard.tsx) and handle() (lib/http/errors.ts),
// which finds the caller requirePrincipal remembered for its request. Only signed-in
// callers and tokens reach a 403 (the rest get 401), and they are rate-limited per minute.
import { getDatabase } from '../../db/client';
import { audit, type Actor } from '../audit/log';
import type { Principal } from './principal';

export type DeniedVia = 'page' | 'action' | 'api';

interface Caller {
  principal: Principal;
  ip: string | null;
}
const callers = new WeakMap<Request, Caller>();

/** Notes who is calling, so a 403 thrown later while handling this request is audited against them. */
export function rememberCaller(request: Request, caller: Caller): void {
  callers.set(request, caller);
}

export function rememberedCaller(request: Request): Caller | null {
  return callers.get(request) ?? null;
}

export interface Denial {
  actor: Principal | null;
  via: DeniedVia;
  /** What was asked for: a page path, a server action's permission, an API method and path. */
  target: string;
  permission?: string | null;
  reason?: string | null;
  ip?: string | null;
}

/** Appends the denial to the audit log; a failing write is logged, never turned into another answer than the 403. */
export async function auditDenied(denial: Denial): Promise<void> {
  const actor: Actor = denial.actor ?? { kind: 'anonymous', username: '' };
  try {
    await audit(await getDatabase(), {
      actor,
      action: 'access.denied',
      target: denial.target.slice(0, 300),
      outcome: 'denied',
      ip: denial.ip ?? null,
      payload: { via: denial.via, permission: denial.permission ?? null, reason: denial.reason ?? null },
    });
  } catch (err) {
    console.error('could not audit a refusal:', err);
  }
}
