// API tokens: shown once, stored as a hash, scoped, department-bound, expiring,
// revocable, last-used time kept; every change audited; only the security officer manages them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/types';
import { can } from '@/lib/auth/permissions';
import { CLI } from '@/lib/auth/principal';
import { getPrincipal } from '@/lib/auth/request';
import { issueToken, listTokens, revokeToken, setTokenExpiry, tokenStatus } from '@/lib/auth/token-admin';
import { hashToken, principalForToken } from '@/lib/auth/tokens';
import { auditEntries, createTestUser, ensureDepartment, principalOf, requestAs } from './support/auth';
import { useTestDatabase } from './support/db';

let database: Database;
beforeAll(async () => {
  database = await useTestDatabase();
  await ensureDepartment(database, 'GAT');
});
afterAll(() => database.close());

describe('API tokens', () => {
  it('are shown once and stored only as a SHA-256 hash; lists never carry the secret', async () => {
    const admin = principalOf(await createTestUser(database, 'security'));
    const { id, secret } = await issueToken(database, admin, { name: 'exchange platform', scopes: ['events:write'] }, '198.51.100.7');
    expect(secret).toMatch(/^ss_[A-Za-z0-9_-]{40,}$/);
    const [row] = await database.query<Record<string, unknown>>('select * from api_tokens where id = $1', [id]);
    expect(row.token_hash).toBe(hashToken(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    const listed = (await listTokens(database)).find((t) => t.id === id)!;
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(listed).toMatchObject({ name: 'exchange platform', prefix: secret.slice(0, 10), scopes: ['events:write'], createdBy: `user:${admin.id}` });
    expect((await auditEntries(database, 'token.create')).at(-1)).toMatchObject({ actor: `user:${admin.id}`, target: `token:${id}`, ip: '198.51.100.7' });
    expect((await auditEntries(database, 'token.create')).at(-1)!.payload).not.toContain(secret);
  });

  it('act within their scopes and bound department, and record their last use', async () => {
    const { id, secret } = await issueToken(database, CLI, { name: 'gat metrics', scopes: ['metrics:write'], departmentCode: 'GAT' });
    const principal = await getPrincipal(requestAs('/api/v1/metrics', { bearer: secret }));
    expect(principal).toEqual({ kind: 'token', id, name: 'gat metrics', scopes: ['metrics:write'], departmentCode: 'GAT' });
    expect(can(principal, 'metrics:write', { department: 'GAT' })).toBe(true);
    expect(can(principal, 'metrics:write', { department: 'MZT' })).toBe(false);
    expect(can(principal, 'events:write', { department: 'GAT' })).toBe(false);
    expect((await listTokens(database)).find((t) => t.id === id)!.lastUsedAt).toBeInstanceOf(Date);
  });

  it('work only under /api/v1', async () => {
    const { secret } = await issueToken(database, CLI, { name: 'reader', scopes: ['scores:read'] });
    expect(await getPrincipal(requestAs('/api/v1/scores', { bearer: secret }))).not.toBeNull();
    expect(await getPrincipal(requestAs('/api/auth/session', { bearer: secret }))).toBeNull();
    expect(await getPrincipal(requestAs('/rankings', { bearer: secret }))).toBeNull();
  });

  it('stop working when expired or revoked, and both are audited', async () => {
    const { id, secret } = await issueToken(database, CLI, { name: 'short-lived', scopes: ['scores:read'], expiresAt: new Date(Date.now() + 3_600_000) });
    expect(await principalForToken(database, secret)).not.toBeNull();
    // An expiry cannot be set in the past, so age the stored one directly.
    await expect(setTokenExpiry(database, CLI, id, new Date(Date.now() - 1000))).rejects.toMatchObject({ status: 400 });
    await database.query(`update api_tokens set expires_at = now() - interval '1 second' where id = $1`, [id]);
    expect(await principalForToken(database, secret)).toBeNull();
    expect(tokenStatus((await listTokens(database)).find((t) => t.id === id)!)).toBe('expired');
    await setTokenExpiry(database, CLI, id, null);
    expect(await principalForToken(database, secret)).not.toBeNull();
    expect((await auditEntries(database, 'token.expiry')).at(-1)).toMatchObject({ target: `token:${id}`, actor: 'cli' });

    await revokeToken(database, CLI, id);
    expect(await principalForToken(database, secret)).toBeNull();
    expect(tokenStatus((await listTokens(database)).find((t) => t.id === id)!)).toBe('revoked');
    expect((await auditEntries(database, 'token.revoke')).at(-1)).toMatchObject({ target: `token:${id}` });
    await expect(revokeToken(database, CLI, id)).rejects.toMatchObject({ status: 404 });
    await expect(setTokenExpiry(database, CLI, id, null)).rejects.toMatchObject({ status: 404 });
  });

  it('can be managed by the security officer only, and only for existing departments', async () => {
    for (const role of ['admin', 'leader', 'assessor', 'auditor', 'department'] as const) {
      const p = principalOf(await createTestUser(database, role));
      await expect(issueToken(database, p, { name: 'x', scopes: ['scores:read'] })).rejects.toMatchObject({ status: 403 });
    }
    await expect(issueToken(database, CLI, { name: 'x', scopes: ['scores:read'], departmentCode: 'NOPE' })).rejects.toMatchObject({ status: 400 });
    await expect(issueToken(database, CLI, { name: 'x', scopes: [] })).rejects.toThrow(/至少选择一个权限范围/);
    // Events come only from the platform: a department-bound token never holds events:write (docs/security.md, "API tokens").
    await expect(issueToken(database, CLI, { name: 'x', scopes: ['metrics:write', 'events:write'], departmentCode: 'GAT' })).rejects.toThrow(/events:write/);
  });

  it('a wrong, unknown or malformed secret is no principal', async () => {
    expect(await principalForToken(database, 'ss_unknown')).toBeNull();
    expect(await principalForToken(database, 'not-ours')).toBeNull();
    expect(await getPrincipal(requestAs('/api/v1/scores', {}, { headers: { authorization: 'Basic abc' } }))).toBeNull();
  });
});
