// Where the home page sends a signed-in user: department officers to their own page, the
// security officer to the accounts, everyone else to the rankings. Pure, so proxy.ts can
// answer `/` with a real redirect from the session cookie's claims (a page's redirect under
// Cache Components is streamed after a 200, docs/security.md) and app/page.tsx says the same.
import { can } from './permissions';
import type { Principal } from './principal';

export function landingPath(principal: Principal): string {
  if (principal.kind === 'user' && principal.role === 'department' && principal.departmentCode) return '/me';
  return can(principal, 'scores:read') ? '/rankings' : can(principal, 'users:manage') ? '/admin/users' : '/me';
}
