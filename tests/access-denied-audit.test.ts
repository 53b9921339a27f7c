// Refusals are audited (issue #12 item 13): a 403 from an API route handler, a page guard,
// a server action's check or the service behind it writes one `access.denied` entry.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/types';
import { auditEntries, cookieFor, createTestUser, principalOf, requestAs, startTestSession, type TestUser } from './support/auth';
import { useTestDatabase } from './support/db';

const request = vi.hoisted(() => ({ cookie: null as string | null }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ ...(request.cookie ? { cookie: request.cookie } : {}), 'x-forwarded-for': '198.51.100.23' }) }));
const { guardPage, authorizeAction } = await import('@/lib/auth/guard');
const { actionFailure } = await import('@/lib/edge/action');
const { endSession } = await import('@/lib/auth/sessions');
const { GET: getExport } = await import('@/app/api/v1/export/route');
const { GET: getScores } = await import('@/app/api/v1/scores/route');
const { messages } = await import('@/lib/i18n');

let database: Database;
beforeAll(async () => {
  database = await useTestDatabase();
  vi.stubEnv('__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS', '1');
  // Behind one trusted proxy, so the address it saw (the right-most X-Forwarded-For entry) is recorded.
  vi.stubEnv('TRUSTED_PROXY_HOPS', '1');
});
afterAll(() => database.close());

const denials = () => auditEntries(database, 'access.denied');
async function signedInAs(user: TestUser) {
  request.cookie = await cookieFor(user, await startTestSession(database, user));
  return request.cookie;
}

describe('403s are audited', () => {
  it('from an API route handler: who, what, from where; a 401 and an allowed call are not', async () => {
    const user = await createTestUser(database, 'department', { department: 'GAT' });
    const cookie = await signedInAs(user);
    const before = (await denials()).length;
    const refused = await getExport(requestAs('/api/v1/export?period=2026-01&format=csv', { cookie }, { headers: { 'x-forwarded-for': '198.51.100.7' } }));
    expect(refused.status).toBe(403);
    expect((await denials()).at(-1)).toMatchObject({ actor: `user:${user.id}`, target: 'GET /api/v1/export', outcome: 'denied', ip: '198.51.100.7' });
    expect(JSON.parse((await denials()).at(-1)!.payload)).toMatchObject({ via: 'api' });
    expect((await getExport(requestAs('/api/v1/export?period=2026-01&format=csv'))).status).toBe(401);
    expect((await getScores(requestAs('/api/v1/scores?period=2026-01', { cookie }))).status).not.toBe(403);
    expect((await denials()).length).toBe(before + 1);
  });

  it('from a page guard, before the 403 page', async () => {
    const admin = await createTestUser(database, 'admin');
    await signedInAs(admin);
    await expect(guardPage('/audit', 'audit:read')).rejects.toMatchObject({ digest: 'NEXT_HTTP_ERROR_FALLBACK;403' });
    expect((await denials()).at(-1)).toMatchObject({ actor: `user:${admin.id}`, target: '/audit', outcome: 'denied', ip: '198.51.100.23' });
    expect(JSON.parse((await denials()).at(-1)!.payload)).toMatchObject({ via: 'page', permission: 'audit:read' });
  });

  it("from a server action's check, and from the service behind an action", async () => {
    const admin = await createTestUser(database, 'admin');
    await signedInAs(admin);
    expect(await authorizeAction('users:manage')).toEqual({ ok: false, reason: 'forbidden' });
    expect(JSON.parse((await denials()).at(-1)!.payload)).toMatchObject({ via: 'action', permission: 'users:manage' });

    const officer = await createTestUser(database, 'department', { department: 'GAT' });
    const victim = await startTestSession(database, await createTestUser(database, 'leader'));
    const failed = await endSession(database, principalOf(officer), victim).catch((err) => actionFailure(err, { locale: 'zh-CN', t: messages('zh-CN') }, principalOf(officer), '/account/sessions'));
    expect(failed).toEqual({ error: messages('zh-CN').api.forbidden });
    expect((await denials()).at(-1)).toMatchObject({ actor: `user:${officer.id}`, target: '/account/sessions' });
  });
});
