// Ledger ingest benchmark (issue #15 target): N sharing-request rows through the API
// handler into PostgreSQL versus a plain COPY of the same rows into an empty copy of
// sharing_requests with the same indexes, alternating, median of R runs.
// Run: npx tsx scripts/bench/ledger-ingest.ts [--rows 1000000] [--runs 5] [--chunk-rows 25000] [--concurrency 3]
//
// The API side is the real POST /api/v1/requests handler (lib/ingest/route.ts uploadHandler,
// what app/api/v1/requests/route.ts exports) behind a local HTTP server in this process, fed
// by the resumable uploader (lib/ingest/uploader, the code behind `npm run cli -- ingest`):
// every chunk is one all-or-nothing batch — parse, zod, the ledger rules against what is
// stored and the catalog, due days on the working-day calendar, COPY into a staging table,
// history + update + insert, stale marks, batch record, audit entry. The COPY side loads
// the rows as the API stored them (due days included, exported once after the first run).
import http from 'node:http';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { openDatabase, setDatabase } from '../../db/client';
import { uploadHandler } from '../../lib/ingest/route';
import { uploadFile } from '../../lib/ingest/uploader/upload-file';
import { catalogCsv, seedLedgerBench, writeRequestsFile } from './ledger-fixture';

const { values: opts } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '5' },
    'chunk-rows': { type: 'string', default: '25000' },
    concurrency: { type: 'string', default: '3' },
    'pg-url': { type: 'string', default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    db: { type: 'string', default: 'sharescore_ingest_bench' },
    help: { type: 'boolean' },
  },
});
if (opts.help) {
  process.stdout.write('usage: npx tsx scripts/bench/ledger-ingest.ts [--rows 1000000] [--runs 5] [--chunk-rows 25000] [--concurrency 3] [--pg-url URL] [--db NAME]\n');
  process.exit(0);
}

const ROOT = process.cwd();
const ROWS = Number(opts.rows);
const RUNS = Number(opts.runs);
const COLUMNS = ['request', 'consumer', 'provider', 'resource', 'purpose', 'submitted_at', 'replied_at', 'decision', 'reason', 'delivered_at', 'rating', 'rating_source', 'reply_due_on', 'delivery_due_on', 'batch_id'];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const log = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);

async function serve(): Promise<{ url: string; close: () => void }> {
  const handlers = { catalog: uploadHandler('catalog'), requests: uploadHandler('requests') };
  const server = http.createServer(async (req, res) => {
    const body: Buffer[] = [];
    for await (const part of req) body.push(part as Buffer);
    const handler = handlers[req.url!.replace('/api/v1/', '') as keyof typeof handlers];
    const response = await handler(new Request(`http://localhost${req.url}`, { method: 'POST', headers: req.headers as Record<string, string>, body: Buffer.concat(body) }));
    res.writeHead(response.status, { 'content-type': 'application/json' }).end(await response.text());
  });
  server.keepAliveTimeout = 120_000; // the uploader reuses sockets: no reset while a chunk waits its turn
  server.requestTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => server.close() };
}

async function upload(file: string, kind: 'catalog' | 'requests', url: string, token: string): Promise<number> {
  const started = performance.now();
  const summary = await uploadFile({ file, kind, url, token, chunkRows: Number(opts['chunk-rows']), concurrency: Number(opts.concurrency), retries: 3, backoffMs: 100 }); // a retried chunk replays (same key)
  if (summary.rejected.length || summary.stored + summary.replayed !== summary.chunks) throw new Error(`upload failed: ${JSON.stringify(summary.rejected[0]).slice(0, 500)}`);
  return (performance.now() - started) / 1000;
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const adminUrl = opts['pg-url']!;
const dbUrl = Object.assign(new URL(adminUrl), { pathname: `/${opts.db}` }).toString();
const work = mkdtempSync(path.join(tmpdir(), 'ss-bench-ledger-'));
await withClient(adminUrl, (c) => c.query(`drop database if exists ${opts.db} with (force)`));
await withClient(adminUrl, (c) => c.query(`create database ${opts.db}`));
const database = await openDatabase({ driver: 'pg', url: dbUrl });
setDatabase(database);
const api: number[] = [];
const copy: number[] = [];
try {
  const token = await seedLedgerBench(database);
  const server = await serve();
  const catalog = path.join(work, 'catalog.csv');
  writeFileSync(catalog, catalogCsv());
  await upload(catalog, 'catalog', server.url, token);
  const file = path.join(work, 'requests.csv');
  await writeRequestsFile(file, ROWS);
  const stored = path.join(work, 'stored.csv');
  await database.query('create table sharing_requests_copy (like sharing_requests including all)');
  for (let run = 0; run < RUNS; run++) {
    await database.query('truncate sharing_requests, ledger_history');
    await database.query(`delete from ingest_batches where kind = 'requests'`);
    api.push(await upload(file, 'requests', server.url, token));
    const [{ n }] = await database.query<{ n: number }>('select count(*)::int as n from sharing_requests');
    if (Number(n) !== ROWS) throw new Error(`stored ${n} rows, expected ${ROWS}`);
    if (run === 0) {
      await withClient(dbUrl, (c) => pipeline(c.query(copyTo(`COPY sharing_requests (${COLUMNS.join(', ')}) TO STDOUT WITH (FORMAT csv)`)), createWriteStream(stored)));
    }
    await database.query('truncate sharing_requests_copy');
    const started = performance.now();
    await withClient(dbUrl, (c) => pipeline(createReadStream(stored), c.query(copyFrom(`COPY sharing_requests_copy (${COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv)`))));
    copy.push((performance.now() - started) / 1000);
    log(`run ${run + 1}: API ${api[run].toFixed(1)} s (${Math.round(ROWS / api[run])} rows/s), COPY ${copy[run].toFixed(1)} s (${Math.round(ROWS / copy[run])} rows/s)`);
  }
  server.close();
} finally {
  setDatabase(undefined);
  await database.close();
  await withClient(adminUrl, (c) => c.query(`drop database if exists ${opts.db} with (force)`));
  rmSync(work, { recursive: true, force: true });
}

const apiRate = ROWS / median(api);
const copyRate = ROWS / median(copy);
const report = [
  `Requests through the API handler: ${opts['chunk-rows']}-row chunks, ${opts.concurrency} in flight, median of ${RUNS} runs.`,
  '',
  '| rows | API rows/s (median) | COPY rows/s (median) | API / COPY | per-run API / COPY |',
  '|---|---|---|---|---|',
  `| ${ROWS.toLocaleString('en')} | ${Math.round(apiRate).toLocaleString('en')} (${median(api).toFixed(1)} s) | ${Math.round(copyRate).toLocaleString('en')} (${median(copy).toFixed(1)} s) | **${(apiRate / copyRate).toFixed(2)}×** | ${api.map((a, i) => (copy[i] / a).toFixed(2)).join(', ')} |`,
].join('\n');
mkdirSync(path.join(ROOT, '.data'), { recursive: true });
writeFileSync(path.join(ROOT, `.data/bench-ledger-ingest-${ROWS}.md`), report + '\n');
process.stdout.write(report + '\n');
process.exit(0);
