// The rendered-page cache (lib/render-cache) on a seeded province: what makes a page be
// rendered again (another user, locale, URL or client-navigation header; changed data) and
// what it never does (serve the signed-out or a disabled user, keep a non-200 or a cookie,
// ask the request's Host for the page). Pages are "rendered" by a fake fetch that counts.
// Runs on PGlite, and on PostgreSQL with DATABASE_URL.
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestUser, sessionCookie, type TestUser } from './support/auth';
import { useTestDatabase } from './support/db';
import { seedDemoProvince } from '@/db/queries/seed';
import { markAllScoresStale } from '@/db/queries/scores';
import type { Database } from '@/db/types';
import { CLI } from '@/lib/auth/principal';
import { decodeSession, readSessionCookie, sessionCookieName } from '@/lib/auth/session-token';
import { setUserActive } from '@/lib/auth/users';
import { FILL_HEADER, fillToken } from '@/lib/render-cache/fill-token';
import { cachedPageResponse, clearRenderCache, STATE_HEADER, type RenderCacheDeps } from '@/lib/render-cache/serve';
import { allIndicators, defaultScheme, schemeHash } from '@/lib/scoring';
import { proxy } from '@/proxy';

const ORIGIN = 'http://127.0.0.1:3999';
const MIN = 60_000;

let database: Database;
let leader: TestUser;
let officer: TestUser;

interface Fill {
  url: string;
  headers: Headers;
}
let fills: Fill[];
let answer: (fill: Fill) => Response;

const page = (fill: Fill) =>
  new Response(`<html>${fills.length} ${fill.url}</html>`, {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', vary: 'rsc, next-router-state-tree, Accept-Encoding', 'set-cookie': 'slid=1', 'x-frame-options': 'DENY' },
  });

const deps: RenderCacheDeps = {
  database: async () => database,
  env: { NEXTAUTH_URL: `${ORIGIN}/` },
  fetch: async (input, init) => {
    const fill = { url: String(input), headers: new Headers(init?.headers) };
    fills.push(fill);
    return answer(fill);
  },
};

const get = async (path: string, user: TestUser | null, headers: Record<string, string> = {}) => {
  const cookie = user ? await sessionCookie(user) : '';
  return new Request(new URL(path, 'http://sharescore.example'), { headers: { cookie, host: 'sharescore.example', ...headers } });
};
const serve = async (path: string, user: TestUser | null, headers: Record<string, string> = {}) => cachedPageResponse(await get(path, user, headers), deps);

beforeAll(async () => {
  database = await useTestDatabase();
  await seedDemoProvince(database, {
    departments: 8,
    months: ['2026-08', '2026-09'],
    seed: 5,
    indicators: allIndicators(defaultScheme),
    scheme: { name: defaultScheme.name, body: defaultScheme, hash: schemeHash(defaultScheme) },
    passwordHash: '$2b$11$notarealhashnotarealhashnotarealhashnotarealhash00',
  });
  leader = await createTestUser(database, 'leader');
  const [{ code }] = await database.query<{ code: string }>('select code from departments order by code limit 1');
  officer = await createTestUser(database, 'department', { department: code });
});
afterAll(() => database.close());
beforeEach(() => {
  clearRenderCache();
  fills = [];
  answer = page;
});

describe('a cacheable page', () => {
  it('is rendered once, then served from memory byte for byte, without the cookie set for the first request', async () => {
    const first = (await serve('/rankings?page=1', leader))!;
    expect(first.headers.get(STATE_HEADER)).toBe('miss');
    expect(first.headers.get('set-cookie')).toBeNull();
    const body = await first.text();
    const second = (await serve('/rankings?page=1', leader))!;
    expect(second.headers.get(STATE_HEADER)).toBe('hit');
    expect(await second.text()).toBe(body);
    expect(second.headers.get('x-frame-options')).toBe('DENY');
    expect(fills).toHaveLength(1);
  });

  it("asks this app for the page (the configured origin, never the request's Host), marked and uncompressed", async () => {
    await serve('/rankings?sort=name', leader, { 'accept-encoding': 'gzip', 'x-forwarded-host': 'evil.example' });
    expect(fills[0].url).toBe(`${ORIGIN}/rankings?sort=name`);
    expect(fills[0].headers.get(FILL_HEADER)).toBe(fillToken());
    expect(fills[0].headers.get('accept-encoding')).toBeNull();
    expect(fills[0].headers.get('cookie')).toContain(sessionCookieName());
  });

  it('is rendered again for another user, locale, URL or client-navigation state', async () => {
    await serve('/rankings', leader);
    await serve('/rankings', officer);
    await serve('/rankings', leader, { cookie: `${await sessionCookie(leader)}; lang=en` });
    await serve('/rankings?page=2', leader);
    await serve('/rankings', leader, { rsc: '1', 'next-router-state-tree': '%5B%22%22%5D' });
    expect(fills).toHaveLength(5);
    for (const variant of [[leader, {}], [officer, {}], [leader, { rsc: '1', 'next-router-state-tree': '%5B%22%22%5D' }]] as const) {
      expect((await serve('/rankings', variant[0], variant[1]))!.headers.get(STATE_HEADER)).toBe('hit');
    }
    expect(fills).toHaveLength(5);
  });

  it('is rendered again once its data changes, after the scores are recomputed as the page would', async () => {
    await serve('/rankings', leader);
    expect((await serve('/rankings', leader))!.headers.get(STATE_HEADER)).toBe('hit');
    await markAllScoresStale(database);
    expect((await serve('/rankings', leader))!.headers.get(STATE_HEADER)).toBe('miss');
    expect((await serve('/rankings', leader))!.headers.get(STATE_HEADER)).toBe('hit');
  });

  it("is rendered again when the user's name or role changes, and never for a disabled user or the signed-out", async () => {
    const user = await createTestUser(database, 'leader');
    await serve('/rankings', user);
    await database.query('update users set display_name = $1 where id = $2', ['改名后', user.id]);
    expect((await serve('/rankings', user))!.headers.get(STATE_HEADER)).toBe('miss');
    await setUserActive(database, CLI, user.id, false);
    expect(await serve('/rankings', user)).toBeNull();
    expect(await serve('/rankings', null)).toBeNull();
    expect(fills).toHaveLength(2);
  });

  it('passes on, without keeping, an answer other than 200 or one that varies on what the key does not cover', async () => {
    answer = () => new Response('forbidden', { status: 403 });
    expect((await serve('/rankings', officer))!.status).toBe(403);
    expect((await serve('/rankings', officer))!.headers.get(STATE_HEADER)).toBe('pass');
    answer = () => new Response('ok', { status: 200, headers: { vary: 'Cookie' } });
    await serve('/rankings', officer);
    expect((await serve('/rankings', officer))!.headers.get(STATE_HEADER)).toBe('pass');
    answer = () => new Response(null, { status: 307, headers: { location: '/login' } });
    const redirect = (await serve('/rankings?x=1', officer))!;
    expect([redirect.status, redirect.headers.get('location')]).toEqual([307, '/login']);
    expect(fills).toHaveLength(5);
  });

  it('shares one rendering between concurrent requests for the same page', async () => {
    const all = await Promise.all([1, 2, 3].map(() => serve('/rankings?page=3', leader)));
    expect(new Set(await Promise.all(all.map((r) => r!.text()))).size).toBe(1);
    expect(fills).toHaveLength(1);
  });
});

describe('what the cache leaves alone', () => {
  it('other pages, other methods, prefetches, its own fill requests, and everything when no origin is configured', async () => {
    expect(await serve('/me', leader)).toBeNull();
    expect(await serve('/rankings', leader, { 'next-router-prefetch': '1' })).toBeNull();
    expect(await serve('/rankings', leader, { [FILL_HEADER]: fillToken() })).toBeNull();
    const post = new Request(new URL('/rankings', ORIGIN), { method: 'POST', headers: { cookie: await sessionCookie(leader) } });
    expect(await cachedPageResponse(post, deps)).toBeNull();
    expect(await cachedPageResponse(await get('/rankings', leader), { ...deps, env: {} })).toBeNull();
    expect(await cachedPageResponse(await get('/rankings', leader), { ...deps, env: { NEXTAUTH_URL: `${ORIGIN}/`, RENDER_CACHE_ORIGIN: 'off' } })).toBeNull();
    expect(fills).toHaveLength(0);
    // A marker a browser made up is not the app's: the request is served like any other.
    expect((await serve('/rankings', leader, { [FILL_HEADER]: 'guess' }))!.headers.get(STATE_HEADER)).toBe('miss');
  });
});

describe('proxy.ts with the cache', () => {
  const call = async (user: TestUser, lastSeen: number) =>
    proxy(new NextRequest(new URL('/rankings', ORIGIN), { headers: { cookie: await sessionCookie(user, { lastSeen }) } }));

  beforeEach(() => {
    vi.stubEnv('NEXTAUTH_URL', ORIGIN);
    vi.stubGlobal('fetch', deps.fetch);
    return () => {
      vi.unstubAllEnvs();
      vi.unstubAllGlobals();
    };
  });

  it('answers from the cache and still slides the session', async () => {
    const now = Date.now();
    await call(leader, now);
    const hit = await call(leader, now - 10 * MIN);
    expect(hit.headers.get(STATE_HEADER)).toBe('hit');
    expect(hit.headers.get('x-middleware-next')).toBeNull();
    const refreshed = await decodeSession(readSessionCookie((hit.headers.get('set-cookie') ?? '').split(';')[0])!);
    expect(refreshed!.lastSeen as number).toBeGreaterThanOrEqual(now);
    expect(fills).toHaveLength(1);
  });

  it('lets the page render as usual when the cache fails', async () => {
    answer = () => {
      throw new Error('connection refused');
    };
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await call(leader, Date.now());
    expect(response.headers.get('x-middleware-next')).toBe('1');
    expect(spy).toHaveBeenCalledWith('render cache:', expect.any(Error));
    spy.mockRestore();
  });
});
