// Pages, layouts and server actions read the session the same way route handlers do:
// the request's cookie, decoded and re-checked against the database.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/types';
import { CLI } from '@/lib/auth/principal';
import { setUserActive } from '@/lib/auth/users';
import { endSessionRow } from '@/lib/auth/sessions';
import { cookieFor, createTestUser, sessionCookie, startTestSession } from './support/auth';
import { useTestDatabase } from './support/db';

const request = vi.hoisted(() => ({ cookie: null as string | null }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(request.cookie ? { cookie: request.cookie } : {}) }));
const { getSignedInUser } = await import('@/lib/auth/session');
const { guardPage } = await import('@/lib/auth/guard');

let database: Database;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.close());

describe('getSignedInUser (pages)', () => {
  it('is the user of the session cookie, with their display name', async () => {
    const user = await createTestUser(database, 'department', { department: 'GAT' });
    request.cookie = `theme=dark; ${await sessionCookie(database, user)}`;
    expect(await getSignedInUser()).toEqual({
      principal: { kind: 'user', id: user.id, username: user.username, role: 'department', departmentCode: 'GAT' },
      displayName: `测试${user.username}`,
      sessionId: expect.any(String),
    });
  });

  it('is nobody without a cookie, with garbage, or once the user is disabled', async () => {
    request.cookie = null;
    expect(await getSignedInUser()).toBeNull();
    request.cookie = 'next-auth.session-token=garbage';
    expect(await getSignedInUser()).toBeNull();
    const user = await createTestUser(database, 'leader');
    request.cookie = await sessionCookie(database, user);
    expect(await getSignedInUser()).not.toBeNull();
    await setUserActive(database, CLI, user.id, false);
    expect(await getSignedInUser()).toBeNull();
  });

  it('sends a cookie replayed after sign-out to /login from a page guard', async () => {
    const user = await createTestUser(database, 'leader');
    const sessionId = await startTestSession(database, user);
    request.cookie = await cookieFor(user, sessionId);
    await expect(guardPage('/rankings', 'scores:read')).resolves.toMatchObject({ principal: { id: user.id } });
    await endSessionRow(database, sessionId, 'signout');
    await expect(guardPage('/rankings', 'scores:read')).rejects.toMatchObject({ digest: expect.stringContaining('/login?callbackUrl=%2Frankings') });
  });
});
