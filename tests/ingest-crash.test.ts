// A process killed (SIGKILL) in the middle of ingesting leaves every batch whole
// or absent: each batch is one transaction. The child ingests 5,000-row batches in
// a loop; it is killed a random moment after its third commit.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appDatabaseUrl, createTestDatabase, onPostgres } from './support/db';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import type { DbConfig } from '@/db/config';
import type { Database } from '@/db/types';
import { seedBasics } from '@/lib/ingest/test-support';

const root = process.cwd();
const dir = mkdtempSync(path.join(tmpdir(), 'ss-crash-'));
let config: DbConfig;
let keepOpen: Database | null = null;

beforeAll(async () => {
  if (onPostgres()) {
    keepOpen = await createTestDatabase(); // a fresh database, dropped on close
    await seedBasics(keepOpen);
    const [{ name }] = await keepOpen.query<{ name: string }>('select current_database() as name');
    config = { driver: 'pg', url: appDatabaseUrl(name) };
  } else {
    config = { driver: 'pglite', dir: path.join(dir, 'pglite') };
    const database = await openDatabase(config);
    await migrateDatabase(database);
    await seedBasics(database);
    await database.close(); // the child must be the folder's only owner
  }
});
afterAll(async () => {
  await keepOpen?.close();
  rmSync(dir, { recursive: true, force: true });
});

const CHILD = `
import { openDatabase } from ${JSON.stringify(path.join(root, 'db/client.ts'))};
import { ingestBatch } from ${JSON.stringify(path.join(root, 'lib/ingest/service.ts'))};
const database = await openDatabase(JSON.parse(process.argv[2]));
for (let b = 0; ; b++) {
  const rows = Array.from({ length: 5000 }, (_, i) => '2026-06-' + String((i % 28) + 1).padStart(2, '0') + ',GAT,MZT,crash-' + b + '-' + i + ',10,100,1');
  const text = 'date,provider,consumer,resource,calls,records,failures\\n' + rows.join('\\n') + '\\n';
  const outcome = await ingestBatch(database, { kind: 'events', principal: { kind: 'cli' }, upload: { format: 'csv', text, idempotencyKey: null } });
  if (outcome.status !== 201) throw new Error(JSON.stringify(outcome.body));
  process.stdout.write('committed ' + b + '\\n');
}
`;

function runAndKill(): Promise<number> {
  const file = path.join(dir, 'child.mts');
  writeFileSync(file, CHILD);
  // One process (not the tsx wrapper, whose child would survive the kill).
  const child = spawn(process.execPath, ['--import', 'tsx', file, JSON.stringify(config)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let committed = 0;
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      committed += (d.toString().match(/committed/g) ?? []).length;
      if (committed === 3) setTimeout(() => child.kill('SIGKILL'), Math.random() * 300);
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(committed) : reject(new Error(`child exited on its own: ${stderr}`))));
  });
}

describe('a crash mid-batch', () => {
  it('leaves every batch whole or absent', async () => {
    const committed = await runAndKill();
    expect(committed).toBeGreaterThanOrEqual(3);
    const database = keepOpen ?? (await openDatabase(config));
    try {
      const batches = await database.query<{ id: string; rows: number; stored: number }>(
        `select b.id, b.rows, (select count(*)::int from sharing_events e where e.batch_id = b.id) as stored
         from ingest_batches b where b.status = 'accepted'`,
      );
      expect(batches.length).toBeGreaterThanOrEqual(committed);
      for (const b of batches) expect(b.stored).toBe(b.rows);
      const [{ orphans }] = await database.query<{ orphans: number }>(
        `select count(*)::int as orphans from sharing_events e where not exists (select 1 from ingest_batches b where b.id = e.batch_id)`,
      );
      expect(orphans).toBe(0);
      const [{ n }] = await database.query<{ n: number }>('select count(*)::int as n from sharing_events');
      expect(n).toBe(5000 * batches.length);
    } finally {
      if (!keepOpen) await database.close();
    }
  });
});
