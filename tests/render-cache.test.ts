// The rendered-page cache (lib/render-cache) on a seeded province: when a view is kept (on
// its second request), what makes a page be rendered again (another user, locale, URL or client-navigation header; changed data) and
// what it never does (serve the signed-out or a disabled user, keep a non-200 or a cookie,
// ask the request's Host for the page). Pages are "rendered" by a fake fetch that counts.
// Runs on PGlite, and on PostgreSQL with DATABASE_URL.
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cookieFor, createTestUser, sessionCookie, startTestSession, type TestUser } from './support/auth';
import { useTestDatabase } from './support/db';
import { seedDemoProvince } from '@/db/queries/seed';
import { markAllScoresStale } from '@/db/queries/scores';
import type { Database } from '@/db/types';
import { CLI } from '@/lib/auth/principal';
import { sessionCookieName } from '@/lib/auth/session-token';
import { setUserActive } from '@/lib/auth/users';
import { FILL_HEADER, fillToken } from '@/lib/render-cache/fill-token';
import { cachedPageResponse, clearRenderCache, STATE_HEADER, type CacheAnswer, type RenderCacheDeps } from '@/lib/render-cache/serve';
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
  const cookie = user ? await sessionCookie(database, user) : '';
  return new Request(new URL(path, 'http://sharescore.example'), { headers: { cookie, host: 'sharescore.example', ...headers } });
};
const serve = async (path: string, user: TestUser | null, headers: Record<string, string> = {}) => cachedPageResponse(await get(path, user, headers), deps);
const stateOf = (answer: CacheAnswer) => (answer instanceof Response ? answer.headers.get(STATE_HEADER) : answer);
async function view(path: string, user: TestUser, headers: Record<string, string> = {}): Promise<Response> {
  const answer = await serve(path, user, headers);
  if (!(answer instanceof Response)) throw new Error(`expected a response, got ${answer}`);
  return answer;
}

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
  it('renders as usual the first time, through the cache the second, then comes from memory byte for byte', async () => {
    expect(await serve('/rankings?page=1', leader)).toBe('first');
    expect(fills).toHaveLength(0);
    const second = await view('/rankings?page=1', leader);
    expect(second.headers.get(STATE_HEADER)).toBe('miss');
    expect(second.headers.get('set-cookie')).toBeNull();
    const body = await second.text();
    const third = await view('/rankings?page=1', leader);
    expect(third.headers.get(STATE_HEADER)).toBe('hit');
    expect(await third.text()).toBe(body);
    expect(third.headers.get('x-frame-options')).toBe('DENY');
    expect(fills).toHaveLength(1);
  });

  it("asks this app for the page (the configured origin, never the request's Host), marked and uncompressed", async () => {
    for (let i = 0; i < 2; i++) await serve('/rankings?sort=name', leader, { 'accept-encoding': 'gzip', 'x-forwarded-host': 'evil.example' });
    expect(fills[0].url).toBe(`${ORIGIN}/rankings?sort=name`);
    expect(fills[0].headers.get(FILL_HEADER)).toBe(fillToken());
    expect(fills[0].headers.get('accept-encoding')).toBeNull();
    expect(fills[0].headers.get('cookie')).toContain(sessionCookieName());
  });

  it('is rendered again for another user, locale, URL or client-navigation state', async () => {
    const rsc = { rsc: '1', 'next-router-state-tree': '%5B%22%22%5D' };
    const variants: Array<[string, TestUser, Record<string, string>]> = [
      ['/rankings', leader, {}],
      ['/rankings', officer, {}],
      ['/rankings', leader, { cookie: `${await sessionCookie(database, leader)}; lang=en` }],
      ['/rankings?page=2', leader, {}],
      ['/rankings', leader, rsc],
    ];
    for (const [path, user, headers] of variants) {
      expect(await serve(path, user, headers)).toBe('first');
      expect(stateOf(await serve(path, user, headers))).toBe('miss');
    }
    for (const [path, user, headers] of variants) expect(stateOf(await serve(path, user, headers))).toBe('hit');
    expect(fills).toHaveLength(5);
  });

  it('is rendered again once its data changes, after the scores are recomputed as the page would', async () => {
    await serve('/rankings', leader);
    await serve('/rankings', leader);
    expect(stateOf(await serve('/rankings', leader))).toBe('hit');
    await markAllScoresStale(database);
    // The view has been asked for before, so the new rendering is kept at once.
    expect(stateOf(await serve('/rankings', leader))).toBe('miss');
    expect(stateOf(await serve('/rankings', leader))).toBe('hit');
  });

  it("is rendered again when the user's name changes, and never for a disabled user or the signed-out", async () => {
    const user = await createTestUser(database, 'leader');
    await serve('/rankings', user);
    expect(stateOf(await serve('/rankings', user))).toBe('miss');
    await database.query('update users set display_name = $1 where id = $2', ['改名后', user.id]);
    const renamed = await view('/rankings', user);
    expect(renamed.headers.get(STATE_HEADER)).toBe('miss');
    await setUserActive(database, CLI, user.id, false);
    expect(await serve('/rankings', user)).toBeNull();
    expect(await serve('/rankings', null)).toBeNull();
    expect(fills).toHaveLength(2);
  });

  it('passes on an answer other than 200, or one that varies on what the key does not cover, and renders that view as usual from then on', async () => {
    const answers: Array<[string, () => Response, number]> = [
      ['/rankings', () => new Response('forbidden', { status: 403 }), 403],
      ['/rankings?v=1', () => new Response('ok', { status: 200, headers: { vary: 'Cookie' } }), 200],
      ['/rankings?x=1', () => new Response(null, { status: 307, headers: { location: '/login' } }), 307],
    ];
    for (const [path, response, status] of answers) {
      answer = response;
      expect(await serve(path, officer)).toBe('first');
      const passed = await view(path, officer);
      expect([passed.status, passed.headers.get(STATE_HEADER), passed.headers.get('location')]).toEqual([status, 'pass', status === 307 ? '/login' : null]);
      expect(await serve(path, officer)).toBe('pass');
    }
    expect(fills).toHaveLength(3);
  });

  it('shares one rendering between concurrent requests for the same page', async () => {
    await serve('/rankings?page=3', leader);
    const all = await Promise.all([1, 2, 3].map(() => view('/rankings?page=3', leader)));
    expect(new Set(await Promise.all(all.map((r) => r.text()))).size).toBe(1);
    expect(fills).toHaveLength(1);
  });
});

describe('what the cache leaves alone', () => {
  it('other pages, other methods, prefetches, its own fill requests, and everything when no origin is configured', async () => {
    expect(await serve('/me', leader)).toBeNull();
    expect(await serve('/rankings', leader, { 'next-router-prefetch': '1' })).toBeNull();
    expect(await serve('/rankings', leader, { [FILL_HEADER]: fillToken() })).toBeNull();
    const post = new Request(new URL('/rankings', ORIGIN), { method: 'POST', headers: { cookie: await sessionCookie(database, leader) } });
    expect(await cachedPageResponse(post, deps)).toBeNull();
    expect(await cachedPageResponse(await get('/rankings', leader), { ...deps, env: {} })).toBeNull();
    expect(await cachedPageResponse(await get('/rankings', leader), { ...deps, env: { NEXTAUTH_URL: `${ORIGIN}/`, RENDER_CACHE_ORIGIN: 'off' } })).toBeNull();
    expect(fills).toHaveLength(0);
    // A marker a browser made up is not the app's: the request is served like any other.
    expect(await serve('/rankings', leader, { [FILL_HEADER]: 'guess' })).toBe('first');
  });
});

describe('proxy.ts with the cache', () => {
  const call = async (user: TestUser, lastSeen: number) =>
    proxy(new NextRequest(new URL('/rankings', ORIGIN), { headers: { cookie: await sessionCookie(database, user, { lastSeen }) } }));

  beforeEach(() => {
    vi.stubEnv('NEXTAUTH_URL', ORIGIN);
    vi.stubGlobal('fetch', deps.fetch);
    return () => {
      vi.unstubAllEnvs();
      vi.unstubAllGlobals();
    };
  });

  it('notes a first view on the page it renders, then answers from the cache and still slides the session (in its row)', async () => {
    const now = Date.now();
    const first = await call(leader, now);
    expect([first.headers.get('x-middleware-next'), first.headers.get(STATE_HEADER)]).toEqual(['1', 'first']);
    expect((await call(leader, now)).headers.get(STATE_HEADER)).toBe('miss');
    const sessionId = await startTestSession(database, leader, { lastSeen: now - 10 * MIN });
    const hit = await proxy(new NextRequest(new URL('/rankings', ORIGIN), { headers: { cookie: await cookieFor(leader, sessionId) } }));
    expect(hit.headers.get(STATE_HEADER)).toBe('hit');
    expect(hit.headers.get('x-middleware-next')).toBeNull();
    const [row] = await database.query<{ last_seen_at: string }>('select last_seen_at from sessions where id = $1', [sessionId]);
    expect(new Date(row.last_seen_at).getTime()).toBeGreaterThanOrEqual(now);
    expect(fills).toHaveLength(1);
  });

  it('lets the page render as usual when the cache fails, and stays off for a while after', async () => {
    answer = () => {
      throw new Error('connection refused');
    };
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    await call(leader, Date.now());
    const response = await call(leader, Date.now());
    expect(response.headers.get('x-middleware-next')).toBe('1');
    expect(spy).toHaveBeenCalledTimes(1);
    expect(String(spy.mock.calls[0][1])).toContain('RENDER_CACHE_ORIGIN');
    // Off: no view is even noted, nothing is requested, until the pause is over.
    for (let i = 0; i < 3; i++) expect((await call(leader, Date.now())).headers.get(STATE_HEADER)).toBeNull();
    expect(fills).toHaveLength(1);
    vi.setSystemTime(Date.now() + 6 * MIN);
    answer = page;
    expect((await call(leader, Date.now())).headers.get(STATE_HEADER)).toBe('miss');
    vi.useRealTimers();
    spy.mockRestore();
  });
});
