// The /audit page's query: filter by actor (stored id or username), action prefix and
// China-time days, newest first, paginated; only auditors and admins may read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/types';
import { audit } from '@/lib/audit/log';
import { auditFilterSchema, dayRange, queryAudit } from '@/lib/audit/query';
import { can } from '@/lib/auth/permissions';
import { CLI } from '@/lib/auth/principal';
import { createTestUser, principalOf } from './support/auth';
import { createTestDatabase } from './support/db';

let database: Database;
let userId: number;
let username: string;
beforeAll(async () => {
  database = await createTestDatabase();
  const user = await createTestUser(database, 'admin');
  userId = user.id;
  username = user.username;
  for (let i = 0; i < 7; i++) await audit(database, { actor: principalOf(user), action: 'user.create', target: `u${i}`, outcome: 'success' });
  await audit(database, { actor: CLI, action: 'token.create', target: 'token:1', outcome: 'success' });
  await audit(database, { actor: { kind: 'anonymous', username: 'mallory' }, action: 'auth.login', target: 'mallory', outcome: 'failure' });
  await audit(database, { actor: CLI, action: 'user_create', target: 'underscore', outcome: 'success' });
});
afterAll(() => database.close());

const filter = (raw: Record<string, string | undefined>) => auditFilterSchema.parse(raw);

describe('queryAudit', () => {
  it('lists newest first, a page at a time', async () => {
    const first = await queryAudit(database, filter({}), 4);
    expect(first).toMatchObject({ total: 10, page: 1, pages: 3 });
    expect(first.entries.map((e) => e.target)).toEqual(['underscore', 'mallory', 'token:1', 'u6']);
    const last = await queryAudit(database, filter({ page: '3' }), 4);
    expect(last.entries.map((e) => e.target)).toEqual(['u1', 'u0']);
    // A page past the end shows the last page.
    expect((await queryAudit(database, filter({ page: '99' }), 4)).page).toBe(3);
  });

  it('filters by actor as stored, by username, or by the name typed at a failed sign-in', async () => {
    expect((await queryAudit(database, filter({ actor: `user:${userId}` }))).total).toBe(7);
    const byName = await queryAudit(database, filter({ actor: username }));
    expect(byName.total).toBe(7);
    expect(byName.entries[0].actorName).toBe(username);
    expect((await queryAudit(database, filter({ actor: 'cli' }))).total).toBe(2);
    expect((await queryAudit(database, filter({ actor: 'mallory' }))).entries.map((e) => e.outcome)).toEqual(['failure']);
  });

  it('filters by action prefix, treating % and _ literally', async () => {
    expect((await queryAudit(database, filter({ action: 'user.' }))).total).toBe(7);
    expect((await queryAudit(database, filter({ action: 'user_' }))).total).toBe(1);
    expect((await queryAudit(database, filter({ action: '%' }))).total).toBe(0);
    expect((await queryAudit(database, filter({ action: 'auth.login', actor: 'mallory' }))).total).toBe(1);
  });

  it('filters by days in China time', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect((await queryAudit(database, filter({ from: today, to: today }))).total).toBe(10);
    expect((await queryAudit(database, filter({ to: '2000-01-01' }))).total).toBe(0);
    expect(dayRange('2026-03-01', '2026-03-01')).toEqual({ start: new Date('2026-02-28T16:00:00Z'), end: new Date('2026-03-01T16:00:00Z') });
    expect(() => filter({ from: '2026-13' })).toThrow();
  });

  it('is for auditors only: neither the admin nor the security officer reads it (三员分立)', () => {
    const p = (role: 'admin' | 'auditor' | 'leader' | 'assessor' | 'department' | 'security') => ({ kind: 'user' as const, id: 1, username: role, role, departmentCode: role === 'department' ? 'OWN' : null });
    expect(['admin', 'auditor', 'leader', 'assessor', 'department', 'security'].map((r) => can(p(r as never), 'audit:read'))).toEqual([false, true, false, false, false, false]);
  });
});
