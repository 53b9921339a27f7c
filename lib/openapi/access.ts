// Who may call an operation, read off the one permission check: the token scopes and
// the signed-in roles for which can() grants the route's action. Nothing is listed by
// hand, so a change to permissions.ts changes the document with it.
import { can, type Action } from '../auth/permissions';
import { ROLES, SCOPES, type Role, type Scope } from '../auth/principal';

const PROBE_DEPARTMENT = 'PROBE';

/** Scopes an unbound token needs (any one of them) to be granted `action`. */
export function scopesFor(action: Action): Scope[] {
  return SCOPES.filter((scope) => can({ kind: 'token', id: 0, name: 'probe', scopes: [scope], departmentCode: null }, action));
}

export interface RoleGrant {
  role: Role;
  /** Only for the caller's own department. */
  ownDepartmentOnly: boolean;
}

/** Signed-in roles granted `action`, for every department or only their own. */
export function rolesFor(action: Action): RoleGrant[] {
  const grants: RoleGrant[] = [];
  for (const role of ROLES) {
    const user = { kind: 'user' as const, id: 0, username: 'probe', role, departmentCode: role === 'department' ? PROBE_DEPARTMENT : null };
    const anyDepartment = can(user, action, { department: 'OTHER' }) || can(user, action);
    const own = can(user, action, { department: PROBE_DEPARTMENT });
    if (anyDepartment || own) grants.push({ role, ownDepartmentOnly: !anyDepartment });
  }
  return grants;
}
