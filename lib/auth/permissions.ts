// The one permission check: can(principal, action, resource). Every page, route
// handler, server action and CLI path asks it (DESIGN.md "Who uses it").
import type { Principal, Role, Scope } from './principal';

export const ACTIONS = [
  'scores:read', // rankings: every department's rank, total and tier
  'scores:detail', // one department's indicators, levers, recommendations
  'flows:read',
  'metrics:write',
  'events:write',
  'ledger:write', // the catalog, request and objection ledgers (docs/ingest.md "Ledgers")
  'ingest:history',
  'export', // the assessment export
  'periods:read',
  'periods:manage', // publish, finalize
  'scheme:read',
  'scheme:manage',
  'departments:manage',
  'users:manage', // accounts, roles, second factors and anyone's sessions
  'tokens:manage',
  'appeals:read',
  'appeals:create',
  'appeals:decide',
  'incidents:read',
  'incidents:manage',
  'exemptions:request',
  'exemptions:decide',
  'audit:read',
  'integrity:read', // integrity flags (docs/scoring.md "Integrity"): all, or a department its own
  'integrity:manage', // set a flagged pair's calls aside for a period, and revoke it
  'admin:view', // the /admin index: the bureau's management sections
  'ledgers:view', // /catalog and /requests: the whole catalog (shared information)
  'ledgers:read', // request and objection rows: a department only those it is a party to
  'ledgers:submit', // a consumer's own rating or objection (docs/dashboard.md "Ledgers")
] as const;
export type Action = (typeof ACTIONS)[number];

/** The object acted on, when it belongs to a department. */
export interface Resource {
  department?: string | null;
}

type Rule = 'all' | 'own' | 'none';
// Separation of duties (三员分立): what only the security officer does, and what only the
// auditor reads; the admin holds neither. Events and the ledgers come only from the exchange
// platform's unbound token (docs/security.md, "API tokens"), so no signed-in role writes them.
const PLATFORM_ACTIONS: Action[] = ['events:write', 'ledger:write'];
const SECURITY_ACTIONS: Action[] = ['users:manage', 'tokens:manage'];
// A consumer submission is the department's own word as a party to a request: no bureau role files one.
const BUSINESS_ACTIONS: Action[] = ACTIONS.filter((a) => !SECURITY_ACTIONS.includes(a) && a !== 'audit:read' && !PLATFORM_ACTIONS.includes(a) && a !== 'ledgers:submit');
const ALL_READS: Action[] = ['scores:read', 'scores:detail', 'flows:read', 'periods:read', 'scheme:read', 'appeals:read', 'incidents:read', 'ingest:history', 'ledgers:view', 'ledgers:read', 'integrity:read'];

function roleRules(role: Role): Partial<Record<Action, Rule>> {
  const rules: Partial<Record<Action, Rule>> = {};
  const grant = (actions: Action[], rule: Rule) => actions.forEach((a) => (rules[a] = rule));
  switch (role) {
    case 'admin':
      grant(BUSINESS_ACTIONS, 'all');
      break;
    case 'security':
      grant(SECURITY_ACTIONS, 'all');
      break;
    case 'leader':
      grant(['scores:read', 'scores:detail', 'flows:read', 'periods:read', 'scheme:read', 'appeals:read', 'incidents:read', 'ledgers:view', 'ledgers:read', 'integrity:read'], 'all');
      break;
    case 'assessor':
      grant(['scores:read', 'scores:detail', 'flows:read', 'periods:read', 'scheme:read', 'export', 'ledgers:view', 'ledgers:read'], 'all');
      break;
    case 'auditor':
      // Supervision reads everything and changes nothing.
      grant([...ALL_READS, 'export', 'audit:read'], 'all');
      break;
    case 'department':
      grant(['scores:read', 'flows:read', 'periods:read', 'scheme:read', 'ledgers:view'], 'all');
      grant(['scores:detail', 'metrics:write', 'ingest:history', 'appeals:read', 'appeals:create', 'incidents:read', 'exemptions:request', 'ledgers:read', 'ledgers:submit', 'integrity:read'], 'own');
      break;
  }
  return rules;
}

const SCOPE_ACTIONS: Record<Scope, Action[]> = {
  'metrics:write': ['metrics:write'],
  'events:write': ['events:write'],
  'ledger:write': ['ledger:write'],
  'scores:read': ['scores:read', 'scores:detail', 'periods:read', 'integrity:read'],
  'scores:export': ['export', 'periods:read'],
};

function allowed(rule: Rule | undefined, bound: string | null, resource?: Resource): boolean {
  if (rule === 'all') return true;
  if (rule !== 'own' || !bound) return false;
  // 'own' needs a resource that names the principal's department.
  return resource?.department != null && resource.department === bound;
}

export function can(principal: Principal | null | undefined, action: Action, resource?: Resource): boolean {
  if (!principal) return false;
  if (principal.kind === 'cli') return true; // shell access to the database already implies it
  if (principal.kind === 'user') return allowed(roleRules(principal.role)[action], principal.departmentCode, resource);
  const granted = principal.scopes.some((s) => SCOPE_ACTIONS[s]?.includes(action));
  if (!granted) return false;
  // A department-bound token acts only on its department's data; reading rankings is open.
  // It never writes events or ledgers, even if its row says so (tokens made before this rule).
  if (principal.departmentCode && PLATFORM_ACTIONS.includes(action)) return false;
  // Integrity flags name other departments' partners: only unbound tokens read them.
  if (principal.departmentCode && action === 'integrity:read') return false;
  if (!principal.departmentCode || action === 'scores:read' || action === 'periods:read') return true;
  return resource?.department != null && resource.department === principal.departmentCode;
}
