// Sessions: server-side rows named by the JWT, checked on every request (idle 30 min,
// absolute 12 h, sign-out, disabled user, password, role or department change), through
// next-auth's callbacks, route handlers and proxy.ts.
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/types';
import { buildAuthOptions } from '@/lib/auth/options';
import { CLI } from '@/lib/auth/principal';
import { getPrincipal } from '@/lib/auth/request';
import { ABSOLUTE_LIFETIME_MS, IDLE_TIMEOUT_MS, readClaims } from '@/lib/auth/session-policy';
import { encodeSession, principalFromCookieHeader, readSessionCookie, sessionCookieName } from '@/lib/auth/session-token';
import { resetPassword, setUserActive, setUserRole } from '@/lib/auth/users';
import { GET as getScores } from '@/app/api/v1/scores/route';
import { proxy } from '@/proxy';
import { auditEntries, cookieFor, createTestUser, ensureDepartment, requestAs, sessionCookie, startTestSession, TEST_PASSWORD, totpFor, type TestUser } from './support/auth';
import { useTestDatabase } from './support/db';

let database: Database;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.close());

const MIN = 60_000;

type SessionRowFields = { user_id: number; last_seen_at: string; ended_at: string | null; end_reason: string | null; ended_by: string | null; ip: string | null; user_agent: string | null };
const sessionRow = async (id: string) => (await database.query<SessionRowFields>('select * from sessions where id = $1', [id]))[0];
const sessionRows = (userId: number) => database.query<SessionRowFields>('select * from sessions where user_id = $1 order by created_at', [userId]);
const liveSessions = async (userId: number) => (await sessionRows(userId)).filter((r) => r.ended_at === null).length;

describe('session cookie checks', () => {
  it('accepts a fresh session and carries role and department', async () => {
    const user = await createTestUser(database, 'department', { department: 'GAT' });
    const principal = await principalFromCookieHeader(await sessionCookie(database, user), database);
    expect(principal).toEqual({ kind: 'user', id: user.id, username: user.username, role: 'department', departmentCode: 'GAT' });
  });

  it('ends a session idle for 30 minutes, but not one idle for 29, and records why', async () => {
    const user = await createTestUser(database, 'leader');
    const now = Date.now();
    const busy = await sessionCookie(database, user);
    expect(await principalFromCookieHeader(busy, database, now + IDLE_TIMEOUT_MS - MIN)).not.toBeNull();
    const idle = await startTestSession(database, user);
    expect(await principalFromCookieHeader(await cookieFor(user, idle), database, now + IDLE_TIMEOUT_MS + 1000)).toBeNull();
    expect(await sessionRow(idle)).toMatchObject({ end_reason: 'idle' });
    // Ended is ended: going back in time does not revive it.
    expect(await principalFromCookieHeader(await cookieFor(user, idle), database, now)).toBeNull();
  });

  it('slides the idle timeout in the session row, at most once a minute', async () => {
    const user = await createTestUser(database, 'leader');
    const now = Date.now();
    const id = await startTestSession(database, user, { authTime: now - 20 * MIN, lastSeen: now - 20 * MIN });
    const cookie = await cookieFor(user, id, now - 20 * MIN);
    expect(await principalFromCookieHeader(cookie, database, now)).not.toBeNull();
    expect(new Date((await sessionRow(id)).last_seen_at).getTime()).toBe(now);
    expect(await principalFromCookieHeader(cookie, database, now + 30_000)).not.toBeNull();
    expect(new Date((await sessionRow(id)).last_seen_at).getTime()).toBe(now); // not written again within the minute
    // 20 + 25 minutes after sign-in but only 25 after the last request: still live.
    expect(await principalFromCookieHeader(cookie, database, now + 25 * MIN)).not.toBeNull();
  });

  it('ends a session 12 hours after sign-in however active it was', async () => {
    const user = await createTestUser(database, 'leader');
    const now = Date.now();
    const busy = await sessionCookie(database, user, { authTime: now - ABSOLUTE_LIFETIME_MS + MIN, lastSeen: now });
    expect(await principalFromCookieHeader(busy, database, now)).not.toBeNull();
    expect(await principalFromCookieHeader(busy, database, now + 2 * MIN)).toBeNull();
  });

  it('ends the sessions of a disabled user at once; enabling again does not revive them', async () => {
    const user = await createTestUser(database, 'assessor');
    const cookie = await sessionCookie(database, user);
    const request = () => requestAs('/api/v1/scores', { cookie });
    expect(await getPrincipal(request())).not.toBeNull();
    await setUserActive(database, CLI, user.id, false);
    expect(await getPrincipal(request())).toBeNull();
    await setUserActive(database, CLI, user.id, true);
    expect(await getPrincipal(request())).toBeNull();
    expect(await liveSessions(user.id)).toBe(0);
  });

  it('ends the sessions of a user whose role or department changed; a new session carries the new role', async () => {
    const user = await createTestUser(database, 'leader');
    await ensureDepartment(database, 'GAT');
    const cookie = await sessionCookie(database, user);
    expect(await principalFromCookieHeader(cookie, database)).toMatchObject({ role: 'leader' });
    await setUserRole(database, CLI, user.id, { role: 'department', departmentCode: 'GAT' });
    expect(await principalFromCookieHeader(cookie, database)).toBeNull();
    const renewed: TestUser = { ...user, role: 'department', departmentCode: 'GAT' };
    const again = await sessionCookie(database, renewed);
    expect(await principalFromCookieHeader(again, database)).toMatchObject({ role: 'department', departmentCode: 'GAT' });
    await ensureDepartment(database, 'MZT');
    await setUserRole(database, CLI, user.id, { role: 'department', departmentCode: 'MZT' });
    expect(await principalFromCookieHeader(again, database)).toBeNull();
  });

  it('ends the sessions of a user whose password was reset', async () => {
    const user = await createTestUser(database, 'leader');
    const cookie = await sessionCookie(database, user);
    await resetPassword(database, CLI, user.id, 'Another-pass-2026');
    expect(await getPrincipal(requestAs('/api/v1/scores', { cookie }))).toBeNull();
    expect(await sessionRows(user.id)).toEqual([expect.objectContaining({ end_reason: 'password', ended_by: 'cli' })]);
  });

  it('refuses a cookie naming an unknown session, or another user\'s session', async () => {
    const user = await createTestUser(database, 'leader');
    const other = await createTestUser(database, 'leader');
    expect(await principalFromCookieHeader(await cookieFor(user, 'no-such-session-0000000000'), database)).toBeNull();
    const theirs = await startTestSession(database, other);
    expect(await principalFromCookieHeader(await cookieFor(user, theirs), database)).toBeNull();
  });

  it('refuses a cookie sealed with another key, and garbage', async () => {
    expect(await principalFromCookieHeader(`${sessionCookieName()}=not-a-jwt`, database)).toBeNull();
    const user = await createTestUser(database, 'leader');
    const cookie = await sessionCookie(database, user);
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
    const cookie = await sessionCookie(database, user);
    const jwt = readSessionCookie(cookie)!;
    expect(await getPrincipal(requestAs('/api/v1/scores', { bearer: jwt }))).toBeNull();
    expect(await getPrincipal(requestAs('/api/health', { bearer: 'ss_anything' }))).toBeNull();
  });
});

type Authorize = { options: { authorize: (c: unknown, req: unknown) => Promise<unknown> } };
type JwtCallback = (params: unknown) => Promise<Record<string, unknown>>;

/** Signs in through next-auth's credentials provider and jwt callback, as /api/auth/callback does; the cookie it sets. */
async function signIn(user: TestUser, now: () => number = Date.now) {
  // Behind one trusted proxy: the address it appended (right-most) is the client's, not the first hop the client wrote.
  const options = buildAuthOptions({ database: async () => database, now }, { ...process.env, TRUSTED_PROXY_HOPS: '1' });
  const signedIn = await (options.providers[0] as unknown as Authorize).options.authorize(
    { username: user.username, password: TEST_PASSWORD, ...(user.totpSecret ? { totp: totpFor(user, now()) } : {}) },
    { headers: { 'x-forwarded-for': '203.0.113.9, 10.0.0.1', 'user-agent': 'Mozilla/5.0 (test)' } },
  );
  const jwt = options.callbacks!.jwt! as JwtCallback;
  const token = await jwt({ token: { sub: String(user.id) }, user: signedIn, account: { provider: 'credentials' } });
  return { options, jwt, token, cookie: `${sessionCookieName()}=${await encodeSession(readClaims(token)!)}` };
}

describe('next-auth callbacks (injected clock)', () => {
  it('signs in through the credentials provider, starting a server-side session; the jwt callback enforces idle and absolute limits', async () => {
    let clock = Date.now();
    const user = await createTestUser(database, 'auditor');
    const { jwt, token: first } = await signIn(user, () => clock);
    expect(first).toMatchObject({ uid: user.id, role: 'auditor', authTime: clock, sid: expect.any(String) });
    expect(await sessionRow(first.sid as string)).toMatchObject({ user_id: user.id, ip: '10.0.0.1', user_agent: 'Mozilla/5.0 (test)', ended_at: null });
    expect((await auditEntries(database, 'auth.login')).at(-1)).toMatchObject({ actor: `user:${user.id}`, ip: '10.0.0.1' });

    // Active every 20 minutes: the idle clock keeps moving...
    let token = first;
    for (let i = 0; i < 3; i++) {
      clock += 20 * MIN;
      token = await jwt({ token });
      expect(new Date((await sessionRow(token.sid as string)).last_seen_at).getTime()).toBe(clock);
    }
    // ...but 31 idle minutes end it.
    clock += 31 * MIN;
    await expect(jwt({ token })).rejects.toThrow(/idle/);

    // And 12 hours after sign-in a session ends however active it was.
    const second = await signIn(user, () => clock);
    clock += ABSOLUTE_LIFETIME_MS - 10 * MIN;
    await database.query('update sessions set last_seen_at = $2 where id = $1', [second.token.sid, new Date(clock)]);
    clock += 10 * MIN;
    await expect(jwt({ token: second.token })).rejects.toThrow(/expired/);
  });

  it('reports credentials failures by reason only: invalid, locked, throttled', async () => {
    const options = buildAuthOptions({ database: async () => database, now: Date.now });
    await expect((options.providers[0] as unknown as Authorize).options.authorize({ username: 'nobody-here', password: 'x' }, { headers: {} })).rejects.toThrow(/^invalid$/);
  });
});

describe('sign-out holds (issue #12 item 4)', () => {
  const scores = (cookie: string) => getScores(requestAs('/api/v1/scores?period=2026-01', { cookie }));

  it('a cookie replayed after sign-out gets 401 from /api/v1/scores, nothing from the jwt callback, and is audited', async () => {
    const user = await createTestUser(database, 'leader');
    const { options, jwt, token, cookie } = await signIn(user);
    expect((await scores(cookie)).status).not.toBe(401);
    await options.events!.signOut!({ token: token as never, session: undefined as never });
    const replayed = await scores(cookie);
    expect(replayed.status).toBe(401);
    expect(await replayed.json()).toMatchObject({ error: 'unauthorized' });
    await expect(jwt({ token })).rejects.toThrow(/revoked/);
    expect(await sessionRow(token.sid as string)).toMatchObject({ end_reason: 'signout' });
    expect((await auditEntries(database, 'auth.logout')).at(-1)).toMatchObject({ actor: `user:${user.id}`, outcome: 'success' });
  });

  it('ends only the session signed out of: the same user elsewhere stays signed in', async () => {
    const user = await createTestUser(database, 'leader');
    const here = await signIn(user);
    const elsewhere = await signIn(user);
    await here.options.events!.signOut!({ token: here.token as never, session: undefined as never });
    expect((await scores(here.cookie)).status).toBe(401);
    expect((await scores(elsewhere.cookie)).status).not.toBe(401);
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

  it('never re-issues the session cookie, so a signed-out one is not kept alive; a cookie past 12 hours is sent to /login', async () => {
    const user = await createTestUser(database, 'leader');
    const { options, token, cookie } = await signIn(user);
    await options.events!.signOut!({ token: token as never, session: undefined as never });
    const replayed = await call('/rankings', { cookie });
    expect(replayed.headers.get('set-cookie')).toBeNull();
    const now = Date.now();
    const old = await sessionCookie(database, user, { authTime: now - ABSOLUTE_LIFETIME_MS - MIN, lastSeen: now });
    expect((await call('/rankings', { cookie: old })).status).toBe(307);
  });
});
