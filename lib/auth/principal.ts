// Who is acting: a signed-in user, an API token, or the command line.
// 三员分立: admin (系统管理员) runs the business, security (安全管理员) the accounts and tokens,
// auditor (安全审计员) reads everything including the audit log of both (docs/security.md).
export const ROLES = ['admin', 'leader', 'assessor', 'department', 'auditor', 'security'] as const;
export type Role = (typeof ROLES)[number];

export const SCOPES = ['metrics:write', 'events:write', 'ledger:write', 'scores:read', 'scores:export'] as const;
export type Scope = (typeof SCOPES)[number];

export type Principal =
  | { kind: 'user'; id: number; username: string; role: Role; departmentCode: string | null }
  | { kind: 'token'; id: number; name: string; scopes: Scope[]; departmentCode: string | null }
  | { kind: 'cli' };

/** The principal the CLI acts as (CONTRACT.md §5: audited as the CLI user `cli`). */
export const CLI: Principal = { kind: 'cli' };

// How the audit log names a principal (lib/audit/actor.ts), for callers that hold one.
export { actorId, actorRole } from '../audit/actor';

/** The department a principal is bound to, if any. */
export function boundDepartment(p: Principal): string | null {
  return p.kind === 'cli' ? null : p.departmentCode;
}
