// GET /api/health (docs/security.md, "Health check"): {"ok", "migrations"} for anyone, plus "database" for a
// signed-in caller only; 503 when the database is unreachable, naming nothing about it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setDatabase } from '@/db/client';
import type { Database } from '@/db/types';
import { GET } from '@/app/api/health/route';
import { createTestToken, createTestUser, requestAs, sessionCookie } from './support/auth';
import { onPostgres, useTestDatabase } from './support/db';

// connection() (never prerendered) needs a Next request scope; here the handler is called directly.
vi.mock('next/server', async (original) => ({ ...(await original<typeof import('next/server')>()), connection: async () => undefined }));

let database: Database;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(async () => {
  setDatabase(undefined);
  await database.close();
});

const health = async (credentials: Parameters<typeof requestAs>[1] = {}) => {
  const response = await GET(requestAs('/api/health', credentials));
  return { status: response.status, body: await response.json(), cacheControl: response.headers.get('cache-control') };
};

describe('GET /api/health', () => {
  it('tells an anonymous caller only ok and migrations', async () => {
    expect(await health()).toEqual({ status: 200, body: { ok: true, migrations: 'current' }, cacheControl: 'no-store' });
  });

  it('tells nothing more for a bearer token or a cookie that is no session', async () => {
    const { secret } = await createTestToken(database, ['scores:read']);
    expect((await health({ bearer: secret })).body).toEqual({ ok: true, migrations: 'current' });
    expect((await health({ cookie: 'next-auth.session-token=forged' })).body).toEqual({ ok: true, migrations: 'current' });
  });

  it('adds the database kind for a signed-in caller', async () => {
    const cookie = await sessionCookie(database, await createTestUser(database, 'leader'));
    expect((await health({ cookie })).body).toEqual({ ok: true, migrations: 'current', database: onPostgres() ? 'postgres' : 'pglite' });
  });

  it('answers 503 when the database is unreachable, without the driver error or kind', async () => {
    const cookie = await sessionCookie(database, await createTestUser(database, 'admin'));
    const down = { ...database, query: () => Promise.reject(new Error('connect ECONNREFUSED 10.1.2.3:5432')) } as Database;
    setDatabase(down);
    try {
      for (const credentials of [{}, { cookie }]) {
        const answer = await health(credentials);
        expect(answer.status).toBe(503);
        expect(answer.body).toEqual({ ok: false, migrations: 'unknown' });
      }
    } finally {
      setDatabase(database);
    }
  });
});
