// Issue #12 item 7: a cookie-authenticated change sent by another site's page is refused in
// proxy.ts before any handler runs; same-origin JSON and bearer-token calls work as before.
// Each request goes the way the server sends it: proxy first, then the route handler if the
// proxy lets it through.
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDatabase } from '@/db/client';
import type { Database } from '@/db/types';
import { requirePeriod } from '@/lib/periods/rows';
import { seedCycleProvince } from '@/lib/periods/test-support';
import { proxy } from '@/proxy';
import { POST as publish } from '@/app/api/v1/periods/[period]/publish/route';
import { POST as withdraw } from '@/app/api/v1/periods/[period]/withdraw/route';
import { POST as postMetrics } from '@/app/api/v1/metrics/route';
import { createTestToken, createTestUser, sessionCookie } from './support/auth';
import { useTestDatabase } from './support/db';

let database: Database;
let adminCookie: string;
beforeAll(async () => {
  database = await useTestDatabase();
  await seedCycleProvince(database);
  adminCookie = await sessionCookie(database, await createTestUser(database, 'admin'));
});
afterAll(async () => {
  setDatabase(undefined);
  await database.close();
});

const SITE = 'http://localhost:3000';
type Handler = (request: Request, context: { params: Promise<{ period: string }> }) => Promise<Response>;

/** proxy.ts, then the handler when the proxy passes the request on (x-middleware-next). */
async function send(handler: Handler, path: string, headers: Record<string, string>, body = ''): Promise<Response> {
  const init = { method: 'POST', headers: { host: 'localhost:3000', ...headers }, body };
  const edge = await proxy(new NextRequest(new URL(path, SITE), init));
  if (edge.headers.get('x-middleware-next') !== '1') return edge;
  const period = path.split('/')[4];
  return handler(new Request(new URL(path, SITE), init), { params: Promise.resolve({ period }) });
}

const statusOf = async (period: string) => (await requirePeriod(database, period)).status;

describe('cross-site changes through proxy.ts', () => {
  it('refuses the reported attack: admin cookie, Origin evil.example, a form type, an empty body → 403, period still open', async () => {
    expect(await statusOf('2026-07')).toBe('open');
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain']) {
      const response = await send(publish, '/api/v1/periods/2026-07/publish', { cookie: adminCookie, origin: 'http://evil.example', 'content-type': type });
      expect(response.status, type).toBe(403);
      expect(await response.json()).toMatchObject({ error: 'forbidden' });
    }
    // The same from a browser that says so only in Sec-Fetch-Site.
    expect((await send(publish, '/api/v1/periods/2026-07/publish', { cookie: adminCookie, 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' })).status).toBe(403);
    expect(await statusOf('2026-07')).toBe('open');
  });

  it('refuses a form-typed body even from this site (415), period still open', async () => {
    const response = await send(publish, '/api/v1/periods/2026-07/publish', { cookie: adminCookie, origin: SITE, 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ error: 'unsupported_media_type' });
    expect(await statusOf('2026-07')).toBe('open');
  });

  it('publishes on a same-origin JSON request with the cookie, and withdraws again', async () => {
    const headers = { cookie: adminCookie, origin: SITE, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' };
    const response = await send(publish, '/api/v1/periods/2026-08/publish', headers, JSON.stringify({ appealDays: 3 }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ period: '2026-08', status: 'published' });
    expect((await send(withdraw, '/api/v1/periods/2026-08/withdraw', headers, JSON.stringify({ reason: '测试撤回' }))).status).toBe(200);
    expect(await statusOf('2026-08')).toBe('open');
  });

  it('leaves bearer-token calls alone whatever Origin they carry (no page can add the header)', async () => {
    const { secret } = await createTestToken(database, ['metrics:write'], 'GAT');
    const csv = 'department,period,indicator,value\nGAT,2026-09,accuracy_rate,0.9\n';
    const response = await send(postMetrics as Handler, '/api/v1/metrics', { authorization: `Bearer ${secret}`, origin: 'http://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'text/csv' }, csv);
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ rows: 1, replayed: false });
  });

  it('refuses a cross-site upload to the routes proxy.ts does not run on (their handler checks the same rule), nothing stored', async () => {
    const cookie = await sessionCookie(database, await createTestUser(database, 'department', { department: 'GAT' }));
    const csv = 'department,period,indicator,value\nGAT,2026-09,completeness_rate,0.5\n';
    const init = (headers: Record<string, string>) => ({ method: 'POST', headers: { host: 'localhost:3000', cookie, 'content-type': 'text/csv', ...headers }, body: csv });
    const stored = async () => (await database.query<{ n: number }>("select count(*)::int as n from indicator_values where department_code = 'GAT' and indicator = 'completeness_rate' and period = '2026-09' and value = 0.5"))[0].n;
    const crossSite = await postMetrics(new Request(new URL('/api/v1/metrics', SITE), init({ origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' })));
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toMatchObject({ error: 'forbidden' });
    expect(await stored()).toBe(0);
    const sameSite = await postMetrics(new Request(new URL('/api/v1/metrics', SITE), init({ origin: SITE, 'sec-fetch-site': 'same-origin' })));
    expect(sameSite.status).toBe(201);
    expect(await stored()).toBe(1);
  });
});
