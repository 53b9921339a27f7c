// Sessions: the JWT claims are re-checked on every request (idle 30 min, absolute 12 h,
// disabled user, role change), through next-auth's callbacks, route handlers and proxy.ts.
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/types';
import { buildAuthOptions } from '@/lib/auth/options';
import { CLI } from '@/lib/auth/principal';
import { getPrincipal } from '@/lib/auth/request';
import { ABSOLUTE_LIFETIME_MS, IDLE_TIMEOUT_MS } from '@/lib/auth/session-policy';
import { decodeSession, principalFromCookieHeader, readSessionCookie, sessionCookieName } from '@/lib/auth/session-token';
import { setUserActive, setUserRole } from '@/lib/auth/users';
import { proxy } from '@/proxy';
import { auditEntries, createTestUser, requestAs, sessionCookie, TEST_PASSWORD, totpFor, type TestUser } from './support/auth';
import { useTestDatabase } from './support/db';

let database: Database;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.close());

const MIN = 60_000;

describe('session cookie checks', () => {
  it('accepts a fresh session and carries role and department', async () => {
    const user = await createTestUser(database, 'department', { department: 'GAT' });
    const principal = await principalFromCookieHeader(await sessionCookie(user), database);
    expect(principal).toEqual({ kind: 'user', id: user.id, username: user.username, role: 'department', departmentCode: 'GAT' });
  });

  it('ends a session idle for 30 minutes, but not one idle for 29', async () => {
    const user = await createTestUser(database, 'leader');
    const cookie = await sessionCookie(user);
    const now = Date.now();
    expect(await principalFromCookieHeader(cookie, database, now + IDLE_TIMEOUT_MS - MIN)).not.toBeNull();
    expect(await principalFromCookieHeader(cookie, database, now + IDLE_TIMEOUT_MS + 1000)).toBeNull();
  });

  it('ends a session 12 hours after sign-in however active it was', async () => {
    const user = await createTestUser(database, 'leader');
    const now = Date.now();
    const busy = await sessionCookie(user, { authTime: now - ABSOLUTE_LIFETIME_MS + MIN, lastSeen: now });
    expect(await principalFromCookieHeader(busy, database, now)).not.toBeNull();
    expect(await principalFromCookieHeader(busy, database, now + 2 * MIN)).toBeNull();
  });

  it('ends the sessions of a disabled user on their next request', async () => {
    const user = await createTestUser(database, 'assessor');
    const request = () => requestAs('/api/v1/scores', { cookie });
    const cookie = await sessionCookie(user);
    expect(await getPrincipal(request())).not.toBeNull();
    await setUserActive(database, CLI, user.id, false);
    expect(await getPrincipal(request())).toBeNull();
    await setUserActive(database, CLI, user.id, true);
    // Enabling again does not revive the old session (its version is stale): sign in anew.
    expect(await getPrincipal(request())).toBeNull();
  });

  it('ends the sessions of a user whose role changed; a new session carries the new role', async () => {
    const user = await createTestUser(database, 'admin');
    const cookie = await sessionCookie(user);
    expect(await principalFromCookieHeader(cookie, database)).toMatchObject({ role: 'admin' });
    await setUserRole(database, CLI, user.id, { role: 'department', departmentCode: 'GAT' });
    expect(await principalFromCookieHeader(cookie, database)).toBeNull();
    const [{ session_version }] = await database.query<{ session_version: number }>('select session_version from users where id = $1', [user.id]);
    const renewed: TestUser = { ...user, role: 'department', departmentCode: 'GAT', sessionVersion: Number(session_version) };
    expect(await principalFromCookieHeader(await sessionCookie(renewed), database)).toMatchObject({ role: 'department', departmentCode: 'GAT' });
  });

  it('refuses a cookie sealed with another key, and garbage', async () => {
    expect(await principalFromCookieHeader(`${sessionCookieName()}=not-a-jwt`, database)).toBeNull();
    const user = await createTestUser(database, 'leader');
    const cookie = await sessionCookie(user);
    const saved = process.env.AUTH_SECRET;
    process.env.AUTH_SECRET = 'another-key-another-key-another-key-0000';
    try {
      expect(await principalFromCookieHeader(cookie, database)).toBeNull();
    } finally {
      process.env.AUTH_SECRET = saved;
    }
  });

  it('never takes a session from a bearer header, and never a token outside /api/v1', async () => {
    const user = await createTestUser(database, 'admin');
    const cookie = await sessionCookie(user);
    const jwt = readSessionCookie(cookie)!;
    expect(await getPrincipal(requestAs('/api/v1/scores', { bearer: jwt }))).toBeNull();
    expect(await getPrincipal(requestAs('/api/health', { bearer: 'ss_anything' }))).toBeNull();
  });
});

describe('next-auth callbacks (injected clock)', () => {
  it('signs in through the credentials provider, then enforces idle and absolute limits in the jwt callback', async () => {
    let clock = Date.now();
    const options = buildAuthOptions({ database: async () => database, now: () => clock });
    const user = await createTestUser(database, 'auditor');
    const credentials = options.providers[0] as unknown as { options: { authorize: (c: unknown, req: unknown) => Promise<unknown> } };
    const signedIn = (await credentials.options.authorize({ username: user.username, password: TEST_PASSWORD, totp: totpFor(user, clock) }, { headers: { 'x-forwarded-for': '203.0.113.9, 10.0.0.1' } })) as object;
    const jwt = options.callbacks!.jwt! as (params: unknown) => Promise<Record<string, unknown>>;
    let token = await jwt({ token: { sub: String(user.id) }, user: signedIn, account: { provider: 'credentials' } });
    expect(token).toMatchObject({ uid: user.id, role: 'auditor', authTime: clock, lastSeen: clock });
    expect((await auditEntries(database, 'auth.login')).at(-1)).toMatchObject({ actor: `user:${user.id}`, ip: '203.0.113.9' });

    // Active every 20 minutes: the idle clock keeps moving...
    for (let i = 0; i < 3; i++) {
      clock += 20 * MIN;
      token = await jwt({ token });
      expect(token.lastSeen).toBe(clock);
    }
    // ...but 31 idle minutes end it.
    await expect(jwt({ token: { ...token, lastSeen: clock - 31 * MIN } })).rejects.toThrow(/idle/);
    // And 12 hours after sign-in it ends however active it was.
    clock = (token.authTime as number) + ABSOLUTE_LIFETIME_MS;
    await expect(jwt({ token: { ...token, lastSeen: clock - MIN } })).rejects.toThrow(/expired/);
  });

  it('reports credentials failures by reason only: invalid, locked, throttled', async () => {
    const options = buildAuthOptions({ database: async () => database, now: Date.now });
    const credentials = options.providers[0] as unknown as { options: { authorize: (c: unknown, req: unknown) => Promise<unknown> } };
    await expect(credentials.options.authorize({ username: 'nobody-here', password: 'x' }, { headers: {} })).rejects.toThrow(/^invalid$/);
  });

  it('audits sign-out', async () => {
    const options = buildAuthOptions({ database: async () => database, now: Date.now });
    const user = await createTestUser(database, 'leader');
    const token = await decodeSession(readSessionCookie(await sessionCookie(user))!);
    await options.events!.signOut!({ token: token as never, session: undefined as never });
    expect((await auditEntries(database, 'auth.logout')).at(-1)).toMatchObject({ actor: `user:${user.id}`, outcome: 'success' });
  });
});

describe('proxy.ts', () => {
  const call = (path: string, headers: Record<string, string> = {}) => proxy(new NextRequest(new URL(path, 'http://localhost:3000'), { headers }));

  it('sends the signed-out to /login with a way back, and answers the API with 401 JSON', async () => {
    const page = await call('/admin/users?x=1');
    expect(page.status).toBe(307);
    const location = new URL(page.headers.get('location')!);
    expect(location.pathname).toBe('/login');
    expect(location.searchParams.get('callbackUrl')).toBe('/admin/users?x=1');
    const api = await call('/api/v1/scores?period=2026-10');
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('lets public paths and bearer API calls through (the handler checks the token)', async () => {
    for (const path of ['/login', '/api/health', '/api/auth/session', '/api/auth/callback/credentials']) {
      expect((await call(path)).headers.get('x-middleware-next')).toBe('1');
    }
    expect((await call('/api/v1/metrics', { authorization: 'Bearer ss_x' })).headers.get('x-middleware-next')).toBe('1');
    // A bearer header does not open pages.
    expect((await call('/rankings', { authorization: 'Bearer ss_x' })).status).toBe(307);
  });

  it('slides the idle timeout: a live session gets a fresh cookie; an idle one is sent to /login', async () => {
    const user = await createTestUser(database, 'leader');
    const now = Date.now();
    const live = await call('/rankings', { cookie: await sessionCookie(user, { lastSeen: now - 10 * MIN }) });
    expect(live.headers.get('x-middleware-next')).toBe('1');
    const setCookie = live.headers.get('set-cookie') ?? '';
    expect(setCookie).toContain(`${sessionCookieName()}=`);
    expect(setCookie.toLowerCase()).toContain('httponly');
    expect(setCookie.toLowerCase()).toContain('samesite=lax');
    const refreshed = await decodeSession(readSessionCookie(setCookie.split(';')[0])!);
    expect(refreshed!.lastSeen as number).toBeGreaterThanOrEqual(now);

    const idle = await call('/rankings', { cookie: await sessionCookie(user, { lastSeen: now - IDLE_TIMEOUT_MS - MIN }) });
    expect(idle.status).toBe(307);
  });
});
