// Who is acting and from where: passed by route handlers, server actions and the
// CLI to every service that changes something, so each change is authorised and
// audited the same way whichever door it came through.
import type { Principal } from './principal';
import { can, type Action, type Resource } from './permissions';
import { forbidden } from '../http/errors';

export interface ActionContext {
  principal: Principal;
  ip?: string | null;
  /** The clock; tests pass a fixed instant. */
  now?: Date;
}

export const nowOf = (ctx: { now?: Date }) => ctx.now ?? new Date();

export function requireCan(ctx: ActionContext, action: Action, resource?: Resource): void {
  if (!can(ctx.principal, action, resource)) throw forbidden();
}

/** The name an audit record and a file's metadata show for the actor. */
export function actorLabel(principal: Principal): string {
  if (principal.kind === 'cli') return 'cli';
  if (principal.kind === 'user') return principal.username;
  return `token:${principal.name}`;
}
