import { describe, expect, it } from 'vitest';
import { ACTIONS, can } from './permissions';
import { ROLES, type Principal } from './principal';

const user = (role: (typeof ROLES)[number], departmentCode: string | null = null): Principal => ({
  kind: 'user', id: 1, username: role, role, departmentCode,
});

describe('can()', () => {
  it('refuses the signed-out for everything', () => {
    for (const a of ACTIONS) expect(can(null, a)).toBe(false);
  });
  it('separates duties (三员分立): admin runs the business, security the accounts, auditor reads', () => {
    const securityOnly = ['users:manage', 'tokens:manage'] as const;
    for (const a of ACTIONS) {
      const business = !securityOnly.includes(a as never) && a !== 'audit:read' && a !== 'events:write' && a !== 'ledger:write' && a !== 'ledgers:submit';
      expect(can(user('admin'), a, { department: 'X' }), a).toBe(business);
      expect(can(user('security'), a, { department: 'X' }), a).toBe(securityOnly.includes(a as never));
    }
  });
  it('lets auditors read everything, the audit log included, and change nothing', () => {
    const writes = ['metrics:write', 'events:write', 'ledger:write', 'periods:manage', 'scheme:manage', 'users:manage', 'tokens:manage', 'appeals:decide', 'appeals:create', 'incidents:manage', 'exemptions:decide', 'exemptions:request', 'departments:manage'] as const;
    for (const a of writes) expect(can(user('auditor'), a, { department: 'X' })).toBe(false);
    expect(can(user('auditor'), 'audit:read')).toBe(true);
    expect(can(user('admin'), 'audit:read')).toBe(false);
    expect(can(user('security'), 'audit:read')).toBe(false);
    expect(can(user('leader'), 'audit:read')).toBe(false);
  });
  it('gives a department its own detail only (no IDOR)', () => {
    const d = user('department', 'GAT');
    expect(can(d, 'scores:read')).toBe(true);
    expect(can(d, 'scores:detail', { department: 'GAT' })).toBe(true);
    expect(can(d, 'scores:detail', { department: 'MZT' })).toBe(false);
    expect(can(d, 'scores:detail')).toBe(false);
    expect(can(d, 'metrics:write', { department: 'MZT' })).toBe(false);
    expect(can(d, 'events:write', { department: 'GAT' })).toBe(false); // only the platform writes events
    expect(can(d, 'ledger:write', { department: 'GAT' })).toBe(false); // and the ledgers
    expect(can(d, 'appeals:create', { department: 'GAT' })).toBe(true);
    expect(can(d, 'export')).toBe(false);
    expect(can(user('department', null), 'scores:detail', { department: 'GAT' })).toBe(false);
  });
  it('limits tokens to their scopes and bound department', () => {
    const t = (scopes: Principal & { kind: 'token' } extends { scopes: infer S } ? S : never, departmentCode: string | null = null): Principal => ({ kind: 'token', id: 1, name: 't', scopes, departmentCode });
    expect(can(t(['metrics:write']), 'metrics:write', { department: 'ANY' })).toBe(true);
    expect(can(t(['metrics:write']), 'events:write', { department: 'ANY' })).toBe(false);
    expect(can(t(['metrics:write'], 'GAT'), 'metrics:write', { department: 'MZT' })).toBe(false);
    expect(can(t(['scores:read'], 'GAT'), 'scores:read')).toBe(true);
    expect(can(t(['scores:read'], 'GAT'), 'scores:detail', { department: 'MZT' })).toBe(false);
    expect(can(t(['scores:export']), 'export')).toBe(true);
    expect(can(t(['scores:read']), 'users:manage')).toBe(false);
    expect(can(t(['events:write']), 'events:write', { department: 'GAT' })).toBe(true);
    expect(can(t(['events:write'], 'GAT'), 'events:write', { department: 'GAT' })).toBe(false);
    expect(can(t(['ledger:write']), 'ledger:write', { department: 'GAT' })).toBe(true);
    expect(can(t(['ledger:write'], 'GAT'), 'ledger:write', { department: 'GAT' })).toBe(false);
    expect(can(t(['events:write']), 'ledger:write', { department: 'GAT' })).toBe(false);
    expect(can({ kind: 'cli' }, 'ledger:write', { department: 'GAT' })).toBe(true);
  });
  it('shows every signed-in reader the catalog, a department only its own ledger rows, and lets only a department submit as consumer', () => {
    for (const role of ['admin', 'leader', 'assessor', 'auditor'] as const) {
      expect(can(user(role), 'ledgers:view'), role).toBe(true);
      expect(can(user(role), 'ledgers:read', { department: 'GAT' }), role).toBe(true);
      expect(can(user(role), 'ledgers:submit', { department: 'GAT' }), role).toBe(false);
    }
    expect(can(user('security'), 'ledgers:view')).toBe(false);
    const d = user('department', 'GAT');
    expect(can(d, 'ledgers:view')).toBe(true);
    expect(can(d, 'ledgers:read', { department: 'GAT' })).toBe(true);
    expect(can(d, 'ledgers:read', { department: 'MZT' })).toBe(false);
    expect(can(d, 'ledgers:read')).toBe(false);
    expect(can(d, 'ledgers:submit', { department: 'GAT' })).toBe(true);
    expect(can(d, 'ledgers:submit', { department: 'MZT' })).toBe(false);
  });
  it('lets the assessment office export and leaders not', () => {
    expect(can(user('assessor'), 'export')).toBe(true);
    expect(can(user('leader'), 'export')).toBe(false);
    expect(can(user('leader'), 'scores:detail', { department: 'GAT' })).toBe(true);
  });
});
