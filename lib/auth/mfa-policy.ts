// Which roles cannot sign in without a second factor: MFA_REQUIRED_ROLES, a comma-separated
// list of roles (default admin,security,auditor). Names that are not roles of this build are
// ignored (with a warning, once each, when the list was set explicitly), so a list naming a
// role this build does not have yet still works.
import { ROLES, type Role } from './principal';

export const DEFAULT_MFA_REQUIRED_ROLES = 'admin,security,auditor';

const warned = new Set<string>();

export function mfaRequiredRoles(env: Record<string, string | undefined> = process.env): Set<Role> {
  const explicit = env.MFA_REQUIRED_ROLES !== undefined;
  const names = (env.MFA_REQUIRED_ROLES ?? DEFAULT_MFA_REQUIRED_ROLES)
    .split(',')
    .map((n) => n.trim().toLowerCase())
    .filter(Boolean);
  const roles = new Set<Role>();
  for (const name of names) {
    if ((ROLES as readonly string[]).includes(name)) roles.add(name as Role);
    else if (explicit && !warned.has(name)) {
      warned.add(name);
      console.warn(`MFA_REQUIRED_ROLES: "${name}" is not a role (${ROLES.join(', ')}); ignored`);
    }
  }
  return roles;
}

export const roleNeedsSecondFactor = (role: Role, env: Record<string, string | undefined> = process.env): boolean => mfaRequiredRoles(env).has(role);
