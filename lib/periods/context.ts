// Who is acting and from where: passed by route handlers, server actions and the
// CLI to every service that changes something, so each change is authorised and
// audited the same way whichever door it came through.
import type { Principal } from '../auth/principal';
import { can, type Action, type Resource } from '../auth/permissions';
import { ApiError, badRequest, forbidden, notFound } from '../http/errors';
import { fill } from '../i18n/index';
import { zhCN } from '../i18n/zh-CN';
import { parsePeriod, type PeriodInfo } from './codes';

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

/** A valid period code, or 400. */
export function requirePeriodCode(code: string): PeriodInfo {
  const info = parsePeriod(code);
  if (!info) throw badRequest(fill(zhCN.cycle.errors.badPeriod, { period: code }));
  return info;
}

export const unknownPeriod = (code: string) => notFound(fill(zhCN.cycle.errors.unknownPeriod, { period: code }));

/** 409 with a specific code, for refused transitions and closed windows. */
export const refused = (code: string, message: string) => new ApiError(409, code, message);

/** 422: the request parsed but its content is not acceptable. */
export const invalid = (message: string) => new ApiError(422, 'invalid', message);

/** The name an audit record and a file's metadata show for the actor. */
export function actorLabel(principal: Principal): string {
  if (principal.kind === 'cli') return 'cli';
  if (principal.kind === 'user') return principal.username;
  return `token:${principal.name}`;
}
