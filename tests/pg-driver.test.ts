// The node-postgres driver's lifecycle: close() returns only once every socket has
// hung up, and a connection the server drops while idle does not crash the process.
import { describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import { openPg } from '@/db/drivers/pg';
import { withDatabase } from './support/global-setup';

const url = process.env.DATABASE_URL;

async function admin<T extends pg.QueryResultRow>(text: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client.query<T>(text, params).finally(() => client.end());
}

const backendsOn = async (name: string) =>
  Number((await admin<{ n: string }>('select count(*) as n from pg_stat_activity where datname = $1', [name])).rows[0].n);

describe.runIf(Boolean(url))('pg driver', () => {
  it('ends every connection on close()', async () => {
    const name = `ss_pgclose_${process.pid}`;
    await admin(`CREATE DATABASE ${name}`);
    try {
      const database = openPg(withDatabase(url!, name), 'pg', 8);
      // Eight transactions at once make the pool open all eight connections.
      await Promise.all(Array.from({ length: 8 }, () => database.transaction((tx) => tx.query('select pg_sleep(0.05)'))));
      expect(await backendsOn(name)).toBe(8);
      await database.close();
      // The sockets are closed when close() resolves; the server may take a moment to reap the backends.
      await vi.waitFor(async () => expect(await backendsOn(name)).toBe(0), { timeout: 5000, interval: 50 });
    } finally {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });

  it('logs, and does not throw, when the server drops an idle connection', async () => {
    const name = `ss_pgdrop_${process.pid}`;
    await admin(`CREATE DATABASE ${name}`);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const database = openPg(withDatabase(url!, name), 'pg', 2);
    try {
      await database.query('select 1');
      await admin('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
      await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringMatching(/idle PostgreSQL connection lost/)));
      // The pool replaces the lost connection on the next query.
      expect(await database.query<{ one: number }>('select 1 as one')).toEqual([{ one: 1 }]);
    } finally {
      warn.mockRestore();
      await database.close();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });
});
