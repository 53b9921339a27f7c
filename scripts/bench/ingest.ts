// Ingest and recompute benchmark (issue #5 item 6). Run: npx tsx scripts/bench/ingest.ts --help
//
// 1. PostgreSQL: N event rows through the HTTP API (a running `next start`, the
//    resumable uploader in chunks) versus COPY of the same file into the same table,
//    alternating, on an empty table each time; client and server RSS.
// 2. PGlite: the same, with the server owning the embedded database and COPY run
//    in-process on the same folder afterwards.
// 3. Recompute of a quarter for 5,000 departments versus the bare SQL aggregation,
//    on a copy (CREATE DATABASE … TEMPLATE) of the seeded database.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, createReadStream, createWriteStream, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { loadPeriodMatrix } from '../../db/queries/matrix';
import { chinaDay } from '../../lib/periods/calendar';
import type { Database } from '../../db/types';
import { createToken } from '../../lib/auth/tokens';
import { uploadFile } from '../../lib/ingest/uploader/upload-file';
import { parsePeriod } from '../../lib/periods/codes';
import { getActiveScheme, recomputePeriod, type RecomputeSummary } from '../../lib/scores';
import { defaultScheme, schemeHash } from '../../lib/scoring';

const { values: opts } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    'chunk-rows': { type: 'string', default: '25000' },
    concurrency: { type: 'string', default: '2' },
    runs: { type: 'string', default: '3' },
    'pglite-rows': { type: 'string' },
    'pg-url': { type: 'string', default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    'seed-db': { type: 'string', default: 'ss_seed5000' },
    quarter: { type: 'string', default: '2026-Q3' },
    'recompute-runs': { type: 'string', default: '5' },
    port: { type: 'string', default: '3199' },
    only: { type: 'string' }, // pg | pglite | recompute
    help: { type: 'boolean' },
  },
});
if (opts.help) {
  process.stdout.write(`usage: npx tsx scripts/bench/ingest.ts [--rows 1000000] [--chunk-rows 25000] [--runs 3] [--only pg|pglite|recompute]
  [--pglite-rows N] [--pg-url URL] [--seed-db ss_seed5000] [--quarter 2026-Q3] [--recompute-runs 5] [--port 3199]
Needs a production build (node_modules/.bin/next build) and PostgreSQL at --pg-url.\n`);
  process.exit(0);
}

const ROOT = process.cwd();
const ROWS = Number(opts.rows);
const RUNS = Number(opts.runs);
const DEPARTMENTS = 200;
const EVENT_COLUMNS = ['day', 'provider', 'consumer', 'resource', 'calls', 'records', 'failures'];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const log = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);
const departmentCode = (i: number) => `D${String(i).padStart(4, '0')}`;

/** N distinct event rows over January–September 2026, deterministic. */
async function writeEventsFile(file: string, rows: number) {
  const out = createWriteStream(file);
  out.write('date,provider,consumer,resource,calls,records,failures\n');
  let buffer = '';
  for (let i = 0; i < rows; i++) {
    const day = `2026-0${1 + (i % 9)}-${String(1 + ((i >> 4) % 28)).padStart(2, '0')}`;
    const provider = departmentCode(i % DEPARTMENTS);
    const consumer = departmentCode((i * 7 + 3) % DEPARTMENTS);
    const calls = 1 + ((i * 31) % 997);
    buffer += `${day},${provider},${consumer},res-${Math.floor(i / (9 * 28 * DEPARTMENTS))}-${i % 97},${calls},${calls * 12},${i % 5 === 0 ? 1 : 0}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once('drain', () => r()));
      buffer = '';
    }
  }
  out.end(buffer);
  await new Promise<void>((r) => out.on('finish', () => r()));
}

async function seedBench(database: Database): Promise<string> {
  await migrateDatabase(database);
  const codes = Array.from({ length: DEPARTMENTS }, (_, i) => departmentCode(i));
  await database.query(`insert into departments (code, name) select unnest($1::text[]), unnest($1::text[]) || ' 部门'`, [codes]);
  await database.query(`insert into schemes (version, name, body, hash, created_by) values (1, $1, $2::jsonb, $3, 'bench')`, [
    defaultScheme.name,
    JSON.stringify(defaultScheme),
    schemeHash(defaultScheme),
  ]);
  return (await createToken(database, { name: 'bench', scopes: ['events:write'] }, 'bench')).secret;
}

/** RSS of a process and all its descendants, from /proc. */
function treeRss(pid: number): number {
  let total = 0;
  try {
    total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(/\s+/) : []) total += treeRss(Number(child));
    }
  } catch {
    // the process ended
  }
  return total;
}

function sampleRss(pid: () => number) {
  let server = 0;
  let client = 0;
  const timer = setInterval(() => {
    server = Math.max(server, treeRss(pid()));
    client = Math.max(client, process.memoryUsage().rss);
  }, 100);
  return { stop: () => (clearInterval(timer), { server, client }) };
}

async function startServer(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(path.join(ROOT, 'node_modules/.bin/next'), ['start', '-p', opts.port!], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', AUTH_SECRET: randomBytes(32).toString('hex'), DATABASE_URL: '', DB_DRIVER: '', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const url = `http://127.0.0.1:${opts.port}/api/health`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server did not become healthy');
}

async function stopServer(child: ChildProcess) {
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid!, 'SIGTERM'); // the whole group: next start runs the server in a child
  await exited;
}

async function apiRun(file: string, token: string, server: ChildProcess) {
  const rss = sampleRss(() => server.pid!);
  const summary = await uploadFile({
    file,
    kind: 'events',
    url: `http://127.0.0.1:${opts.port}`,
    token,
    chunkRows: Number(opts['chunk-rows']),
    concurrency: Number(opts.concurrency),
    retries: 3,
    backoffMs: 500,
  });
  const memory = rss.stop();
  if (summary.rejected.length || summary.rows !== ROWS) throw new Error(`upload incomplete: ${JSON.stringify(summary.rejected[0] ?? summary)}`);
  return { seconds: summary.seconds, ...memory };
}

async function pgCopy(url: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  await pipeline(createReadStream(file), client.query(copyFrom(`COPY sharing_events (${EVENT_COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv, HEADER true)`)));
  const seconds = (performance.now() - started) / 1000;
  await client.end();
  return seconds;
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: opts['pg-url'] });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}
const dbUrl = (name: string) => Object.assign(new URL(opts['pg-url']!), { pathname: `/${name}` }).toString();

interface IngestResult {
  database: string;
  rows: number;
  api: number[];
  copy: number[];
  serverRss: number;
  clientRss: number;
}

async function benchPostgres(file: string): Promise<IngestResult> {
  const name = `ss_bench_ingest_${process.pid}`;
  await adminQuery(`create database ${name}`);
  const url = dbUrl(name);
  const database = await openDatabase({ driver: 'pg', url });
  const token = await seedBench(database);
  const server = await startServer({ DATABASE_URL: url });
  const result: IngestResult = { database: 'PostgreSQL 15', rows: ROWS, api: [], copy: [], serverRss: 0, clientRss: 0 };
  try {
    for (let run = 0; run < RUNS; run++) {
      await database.query('truncate sharing_events, ingest_batches');
      const api = await apiRun(file, token, server);
      result.api.push(api.seconds);
      result.serverRss = Math.max(result.serverRss, api.server);
      result.clientRss = Math.max(result.clientRss, api.client);
      await database.query('truncate sharing_events');
      result.copy.push(await pgCopy(url, file));
      log(`postgres run ${run + 1}: API ${api.seconds.toFixed(1)} s, COPY ${result.copy[run].toFixed(1)} s`);
    }
  } finally {
    await stopServer(server);
    await database.close();
    await adminQuery(`drop database if exists ${name} with (force)`);
  }
  return result;
}

async function benchPglite(file: string, rows: number): Promise<IngestResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ss-bench-pglite-'));
  const template = path.join(dir, 'template');
  let database = await openDatabase({ driver: 'pglite', dir: template });
  const token = await seedBench(database);
  await database.close();
  const result: IngestResult = { database: 'PGlite', rows, api: [], copy: [], serverRss: 0, clientRss: 0 };
  try {
    for (let run = 0; run < RUNS; run++) {
      const folder = path.join(dir, `run${run}`);
      cpSync(template, folder, { recursive: true });
      const server = await startServer({ PGLITE_DIR: folder, DB_DRIVER: 'pglite' });
      const api = await apiRun(file, token, server).finally(() => stopServer(server));
      result.api.push(api.seconds);
      result.serverRss = Math.max(result.serverRss, api.server);
      result.clientRss = Math.max(result.clientRss, api.client);
      database = await openDatabase({ driver: 'pglite', dir: folder });
      await database.query('truncate sharing_events');
      const csv = readFileSync(file, 'utf8');
      const started = performance.now();
      await database.copyCsv('sharing_events', EVENT_COLUMNS, csv.slice(csv.indexOf('\n') + 1));
      result.copy.push((performance.now() - started) / 1000);
      await database.close();
      rmSync(folder, { recursive: true, force: true });
      log(`pglite run ${run + 1}: API ${api.seconds.toFixed(1)} s, COPY ${result.copy[run].toFixed(1)} s`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

async function benchRecompute() {
  const name = `ss_bench_recompute_${process.pid}`;
  log(`copying ${opts['seed-db']} to ${name}`);
  await adminQuery(`create database ${name} template ${opts['seed-db']}`);
  const database = await openDatabase({ driver: 'pg', url: dbUrl(name) });
  try {
    await migrateDatabase(database);
    // A freshly seeded database has no planner statistics until autovacuum gets to it.
    await database.query('analyze');
    const period = parsePeriod(opts.quarter!)!;
    const scheme = (await getActiveScheme(database)).scheme;
    const [{ departments, events }] = await database.query<{ departments: number; events: number }>(
      `select (select count(*)::int from departments where active) as departments,
              (select count(*)::int from sharing_events where day between $1 and $2) as events`,
      [period.startsOn, period.endsOn],
    );
    const bare: number[] = [];
    const full: number[] = [];
    const parts: Array<{ matrix: number; engine: number; write: number }> = [];
    // The bare SQL runs in a transaction like recompute's, so both get the same work_mem.
    const bareSql = () => database.transaction((tx) => loadPeriodMatrix(tx, period, scheme, chinaDay(new Date())));
    await bareSql(); // warm the buffer cache once for both
    for (let run = 0; run < Number(opts['recompute-runs']); run++) {
      let started = performance.now();
      await bareSql();
      bare.push((performance.now() - started) / 1000);
      started = performance.now();
      const summary = (await recomputePeriod(database, period.code)) as RecomputeSummary;
      full.push((performance.now() - started) / 1000);
      parts.push(summary.timings);
      log(`recompute run ${run + 1}: bare SQL ${bare[run].toFixed(2)} s, recompute ${full[run].toFixed(2)} s`);
    }
    return {
      period: period.code,
      departments,
      events,
      bare: median(bare),
      recompute: median(full),
      engine: median(parts.map((p) => p.engine)) / 1000,
      write: median(parts.map((p) => p.write)) / 1000,
    };
  } finally {
    await database.close();
    await adminQuery(`drop database if exists ${name} with (force)`);
  }
}

function ingestLine(r: IngestResult) {
  const api = r.rows / median(r.api);
  const copy = r.rows / median(r.copy);
  return (
    `| ${r.database} | ${r.rows.toLocaleString('en')} | ${Math.round(api).toLocaleString('en')} (${median(r.api).toFixed(1)} s) | ` +
    `${Math.round(copy).toLocaleString('en')} (${median(r.copy).toFixed(1)} s) | **${(api / copy).toFixed(2)}×** | ${mb(r.serverRss)} MB | ${mb(r.clientRss)} MB |`
  );
}

const work = mkdtempSync(path.join(tmpdir(), 'ss-bench-'));
const lines: string[] = [];
try {
  if (!opts.only || opts.only === 'pg' || opts.only === 'pglite') {
    lines.push(
      `Events through the API: ${opts['chunk-rows']}-row chunks, ${opts.concurrency} in flight, median of ${RUNS} runs.`,
      '',
      '| database | rows | API rows/s | COPY rows/s | API / COPY | server RSS (max) | client RSS (max) |',
      '|---|---|---|---|---|---|---|',
    );
  }
  if (!opts.only || opts.only === 'pg') {
    const file = path.join(work, 'events.csv');
    await writeEventsFile(file, ROWS);
    lines.push(ingestLine(await benchPostgres(file)));
  }
  if (!opts.only || opts.only === 'pglite') {
    const rows = Number(opts['pglite-rows'] ?? ROWS);
    const file = path.join(work, 'events-pglite.csv');
    await writeEventsFile(file, rows);
    lines.push(ingestLine(await benchPglite(file, rows)));
  }
  if (!opts.only || opts.only === 'recompute') {
    const r = await benchRecompute();
    lines.push(
      '',
      `Recompute of ${r.period}: ${r.departments.toLocaleString('en')} departments, ${r.events.toLocaleString('en')} event rows in the quarter, median of ${opts['recompute-runs']} runs (warm cache).`,
      '',
      '| bare SQL aggregation | recompute (SQL + engine + cache write) | engine | cache write | recompute / SQL |',
      '|---|---|---|---|---|',
      `| ${r.bare.toFixed(2)} s | ${r.recompute.toFixed(2)} s | ${r.engine.toFixed(2)} s | ${r.write.toFixed(2)} s | **${(r.recompute / r.bare).toFixed(2)}×** |`,
    );
  }
  mkdirSync(path.join(ROOT, '.data'), { recursive: true });
  writeFileSync(path.join(ROOT, '.data/bench-ingest.md'), lines.join('\n') + '\n');
  process.stdout.write(lines.join('\n') + '\n');
} finally {
  rmSync(work, { recursive: true, force: true });
}
