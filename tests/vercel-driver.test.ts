// The @vercel/postgres driver, through a WebSocket-to-TCP proxy to the local PostgreSQL:
// migrations apply and the same queries (including the COPY fallback) work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openDatabase } from '@/db/client';
import { migrateDatabase, migrationStatus } from '@/db/migrate';
import type { Database } from '@/db/types';
import { startWsProxy } from './support/ws-proxy';
import { withDatabase } from './support/global-setup';

const url = process.env.DATABASE_URL;
const name = `ss_vercel_${process.pid}`;
let proxy: Awaited<ReturnType<typeof startWsProxy>>;
let database: Database;

async function admin(text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(text).finally(() => client.end());
}

describe.runIf(Boolean(url))('vercel driver (via a WebSocket proxy)', () => {
  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name}`);
    proxy = await startWsProxy();
    process.env.VERCEL_POSTGRES_WS_PROXY = proxy.url;
    const target = new URL(withDatabase(url!, name));
    target.hostname = 'localhost'; // @vercel/postgres accepts localhost or pooled Neon URLs
    database = await openDatabase({ driver: 'vercel', url: target.toString() });
  });
  afterAll(async () => {
    await database?.close();
    await proxy?.stop();
    delete process.env.VERCEL_POSTGRES_WS_PROXY;
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('migrates from zero and runs the same queries', async () => {
    expect(database.driver).toBe('vercel');
    await migrateDatabase(database);
    expect(await migrationStatus(database)).toBe('current');
    await database.copyCsv('departments', ['code', 'name'], 'GAT,公安厅\nMZT,"民政,厅"\n');
    const rows = await database.query<{ code: string; name: string }>('select code, name from departments order by code');
    expect(rows).toEqual([{ code: 'GAT', name: '公安厅' }, { code: 'MZT', name: '民政,厅' }]);
    await expect(
      database.transaction(async (tx) => {
        await tx.query(`insert into departments (code, name) values ('X', 'x')`);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await database.query('select 1 from departments where code = $1', ['X'])).toHaveLength(0);
  });
});
