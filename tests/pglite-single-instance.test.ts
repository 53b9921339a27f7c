// PGlite is single-user: a second opener must get a clear error (or, when the owner
// serves the folder, become its client) — never a second instance on the same files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { servePglite } from '@/db/serve';
import { openPg } from '@/db/drivers/pg';
import { lockPath } from '@/db/pglite-lock';
import type { Database } from '@/db/types';

const run = promisify(execFile);
const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ss-lock-')), 'pglite');
let owner: Database & { pglite?: import('@electric-sql/pglite').PGlite };

async function childOpen(): Promise<{ ok: boolean; error?: string; driver?: string; departments?: number }> {
  const result = await run('node_modules/.bin/tsx', ['tests/support/open-db-child.mts'], {
    env: { ...process.env, PGLITE_DIR: dir, DATABASE_URL: '', DB_DRIVER: '' },
  }).catch((err: { stdout: string }) => ({ stdout: err.stdout }));
  return JSON.parse(result.stdout);
}

beforeAll(async () => {
  owner = await openDatabase({ driver: 'pglite', dir });
  await migrateDatabase(owner);
  await owner.query(`insert into departments (code, name) values ('GAT', '公安厅')`);
});
afterAll(async () => {
  await owner.close();
  expect(fs.existsSync(lockPath(dir))).toBe(false); // closing releases the lock
});

describe('PGlite single-instance guard', () => {
  it('refuses a second instance in the same process', async () => {
    await expect(openDatabase({ driver: 'pglite', dir })).rejects.toThrow(/already open in this process/);
  });

  it('gives a second process a clear error while the owner does not serve the folder', async () => {
    const result = await childOpen();
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(new RegExp(`already open in process ${process.pid}`));
  });

  it('lets a second process in as a client once the owner serves it (npm run demo does)', async () => {
    const served = await servePglite(owner.pglite!, dir);
    try {
      const result = await childOpen();
      expect(result).toEqual({ ok: true, driver: 'pglite', departments: 1 });
    } finally {
      await served.stop();
    }
  });

  it('bulk-loads and runs transactions over the socket (COPY is replaced by INSERTs there)', async () => {
    const served = await servePglite(owner.pglite!, dir);
    const client = openPg(`postgres://postgres@127.0.0.1:${served.port}/postgres`, 'pglite', 2);
    try {
      await client.transaction(async (tx) => {
        await tx.copyCsv('departments', ['code', 'name', 'parent_code'], 'S1,"甲,乙",\nS2,"",GAT\n');
      });
      const rows = await client.query('select code, name, parent_code from departments where code like $1 order by code', ['S%']);
      expect(rows).toEqual([
        { code: 'S1', name: '甲,乙', parent_code: null },
        { code: 'S2', name: '', parent_code: 'GAT' },
      ]);
      expect(await client.query('select 1 as ok')).toEqual([{ ok: 1 }]); // the connection is still in sync
    } finally {
      await client.close();
      await served.stop();
    }
  });

  it('takes over a stale lock left by a dead process', async () => {
    const other = path.join(path.dirname(dir), 'stale');
    fs.writeFileSync(lockPath(other), JSON.stringify({ pid: 2 ** 22 + 12345, startedAt: 'then' }));
    const database = await openDatabase({ driver: 'pglite', dir: other });
    expect(JSON.parse(fs.readFileSync(lockPath(other), 'utf8')).pid).toBe(process.pid);
    await database.close();
  });
});
