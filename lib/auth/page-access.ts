// The pages a role alone may be refused, and the permission each asks can() for: proxy.ts
// answers a signed-in user whose role lacks it with the status 403 before the page runs.
// Under Cache Components a page's own refusal (guardPage → forbidden()) is streamed after
// its response has begun as 200 (docs/security.md); the page still renders the 403 page and
// audits the refusal, the proxy only gives the response its proper status. Pages that depend
// on the department asked for (/departments/{code}) are not here: the page decides.
// tests/page-status.test.ts checks that each page's guardPage names the same permission.
import type { Action } from './permissions';

export const ROLE_GATED_PAGES: ReadonlyArray<readonly [path: string, action: Action]> = [
  ['/rankings', 'scores:read'],
  ['/methodology', 'scores:read'],
  ['/flows', 'flows:read'],
  ['/assessment', 'periods:read'],
  ['/audit', 'audit:read'],
  ['/admin', 'admin:view'],
  ['/admin/users', 'users:manage'],
  ['/admin/tokens', 'tokens:manage'],
  ['/admin/periods', 'periods:manage'],
  ['/admin/departments', 'departments:manage'],
  ['/admin/scheme', 'scheme:read'],
  ['/admin/appeals', 'appeals:decide'],
  ['/admin/exemptions', 'exemptions:decide'],
];

const BY_PATH = new Map<string, Action>(ROLE_GATED_PAGES);

/** The permission a page needs by role alone, or null (any signed-in user, or it depends on the department). */
export function pageAction(pathname: string): Action | null {
  return BY_PATH.get(pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname) ?? null;
}
