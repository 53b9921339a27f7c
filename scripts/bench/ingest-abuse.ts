// Hostile ingest bodies against a production server (issue #12 items 1 and 2): how long
// each takes to be answered, and /api/health's response times meanwhile, measured by a
// second process that asks for /api/health back to back while the body is processed.
//
//   npx tsx scripts/bench/ingest-abuse.ts [--runs 3] [--pg-url URL] [--json]
//
// A throw-away PostgreSQL database (ss_bench_abuse_<pid>, dropped at the end) gets the
// migrations, four departments, the default scheme and one unbound token; `next start`
// (the existing build: node_modules/.bin/next build first) serves it. The chunked case
// also checks that nothing was stored.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startNext } from '../../tests/browser/support/demo-server.ts';
import { openDatabase } from '../../db/client.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { bearer, seedBasics } from '../../lib/ingest/test-support.ts';
import { MAX_BYTES } from '../../lib/ingest/kinds.ts';

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    'pg-url': { type: 'string', default: process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres' },
    json: { type: 'boolean' },
    help: { type: 'boolean' },
  },
});
if (opts.help) {
  process.stdout.write('usage: npx tsx scripts/bench/ingest-abuse.ts [--runs 3] [--pg-url URL] [--json]\nNeeds a production build (.next) and PostgreSQL.\n');
  process.exit(0);
}

const log = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);
const EVENT_HEADER = 'date,provider,consumer,resource,calls,records,failures\n';
// A quoted header: a body with a quote anywhere took csv-parse's slow path before the fix.
const QUOTED_HEADER = '"date",provider,consumer,resource,calls,records,failures\n';

interface Case {
  name: string;
  /** null: send nothing, only probe /api/health (the baseline under the machine's load). */
  body: () => Buffer | null;
  /** Sent as a stream without Content-Length (Transfer-Encoding: chunked). */
  chunked?: boolean;
}

const fill = (header: string, line: string, bytes: number) => Buffer.from(header + line.repeat(Math.floor((bytes - header.length) / line.length)));
const goodRows = (n: number) => EVENT_HEADER + Array.from({ length: n }, (_, i) => `2026-09-01,GAT,MZT,r${i},987654321,1,0\n`).join('');

const CASES: Case[] = [
  { name: 'nothing sent (baseline: /api/health alone)', body: () => null },
  { name: 'one good row', body: () => Buffer.from(goodRows(1)) },
  { name: '0.25 MB of `,\\n` (quoted header)', body: () => fill(QUOTED_HEADER, ',\n', 0.25 * 2 ** 20) },
  { name: '5 MB of ragged rows `,\\n` (quoted header)', body: () => fill(QUOTED_HEADER, ',\n', 5 * 2 ** 20) },
  { name: '10 MB of blank lines', body: () => fill(EVENT_HEADER, '\n', MAX_BYTES) },
  { name: '50,000 good rows (the largest batch)', body: () => Buffer.from(goodRows(50_000)) },
  { name: '10.58 MB events CSV, chunked, no Content-Length', body: () => fill(EVENT_HEADER, '2026-09-01,GAT,MZT,r,987654321,1,0\n', 10.58 * 2 ** 20), chunked: true },
];

// ── the prober: a second process asking for /api/health back to back ───────────────────
const PROBER = `
const url = process.argv[1];
const times = [];
let stop = false;
process.stdin.on('data', () => { stop = true; });
(async () => {
  while (!stop) {
    const t0 = performance.now();
    try { await (await fetch(url)).arrayBuffer(); } catch {}
    times.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
  }
  process.stdout.write(JSON.stringify(times));
  process.exit(0);
})();
`;

function startProber(url: string): { stop: () => Promise<number[]> } {
  const child = spawn(process.execPath, ['-e', PROBER, `${url}/api/health`], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const done = new Promise<number[]>((resolve) => child.once('exit', () => resolve(JSON.parse(out || '[]') as number[])));
  return {
    stop: async () => {
      child.stdin.write('stop\n');
      return done;
    },
  };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] : NaN;
};
const median = (xs: number[]) => quantile(xs, 0.5);

async function send(url: string, token: string, c: Case, body: Buffer | null): Promise<{ status: number; ms: number }> {
  if (!body) {
    await new Promise((r) => setTimeout(r, 2000));
    return { status: 0, ms: 0 };
  }
  const headers: Record<string, string> = { 'content-type': 'text/csv', authorization: `Bearer ${token}` };
  const init: RequestInit & { duplex?: 'half' } = { method: 'POST', headers };
  if (c.chunked) {
    let at = 0;
    init.body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= body.length) return controller.close();
        controller.enqueue(body.subarray(at, (at += 64 * 1024)));
      },
    });
    init.duplex = 'half';
  } else {
    init.body = new Uint8Array(body);
  }
  const t0 = performance.now();
  try {
    const response = await fetch(`${url}/api/v1/events`, init);
    await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - t0 };
  } catch (err) {
    // The server may answer 413 and close before the client has sent everything.
    log(`  ${c.name}: ${(err as Error).message} (${(err as Error & { cause?: Error }).cause?.message ?? ''})`);
    return { status: 0, ms: performance.now() - t0 };
  }
}

const eventRows = async (database: Awaited<ReturnType<typeof openDatabase>>) =>
  (await database.query<{ n: number }>('select count(*)::int as n from sharing_events'))[0].n;

interface Row {
  case: string;
  mb: number;
  status: number[];
  answerMs: number;
  msPerMb: number;
  healthP50: number;
  healthP95: number;
  healthMax: number;
  probes: number;
  stored?: number;
}

async function main() {
  const runs = Number(opts.runs);
  const name = `ss_bench_abuse_${process.pid}`;
  const admin = new pg.Client({ connectionString: opts['pg-url'] });
  await admin.connect();
  const dbUrl = new URL(opts['pg-url']!);
  dbUrl.pathname = `/${name}`;
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const database = await openDatabase({ driver: 'pg', url: dbUrl.toString() });
    await migrateDatabase(database);
    await seedBasics(database);
    const token = await bearer(database, ['metrics:write', 'events:write']);
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: dbUrl.toString() };
    delete env.PGLITE_DIR;
    delete env.DB_DRIVER;
    log(`next start on ${name}`);
    const server = await startNext(env);
    const rows: Row[] = [];
    try {
      await fetch(`${server.url}/api/health`); // warm
      for (const c of CASES) {
        const body = c.body();
        const status: number[] = [];
        const times: number[] = [];
        const health: number[] = [];
        const before = await eventRows(database);
        for (let run = 0; run < runs; run++) {
          const prober = startProber(server.url);
          await new Promise((r) => setTimeout(r, 300)); // the prober's first requests: the idle baseline
          const result = await send(server.url, token, c, body);
          await new Promise((r) => setTimeout(r, 100));
          health.push(...(await prober.stop()));
          status.push(result.status);
          times.push(result.ms);
        }
        const mb = (body?.length ?? 0) / 2 ** 20;
        const row: Row = {
          case: c.name,
          mb: Number(mb.toFixed(mb < 0.01 ? 4 : 2)),
          status,
          answerMs: Math.round(median(times)),
          msPerMb: mb ? Math.round(median(times) / mb) : 0,
          healthP50: Math.round(quantile(health, 0.5)),
          healthP95: Math.round(quantile(health, 0.95)),
          healthMax: Math.round(Math.max(...health)),
          probes: health.length,
          stored: (await eventRows(database)) - before,
        };
        rows.push(row);
        log(`${c.name}: ${JSON.stringify(row)}`);
      }
    } finally {
      await server.stop();
      await database.close();
    }
    if (opts.json) process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    else {
      process.stdout.write(`| body | MB | status (${runs} runs) | answered in (median) | per MB | /api/health p50 / p95 / max meanwhile | event rows stored |\n|---|---|---|---|---|---|---|\n`);
      for (const r of rows) {
        process.stdout.write(`| ${r.case} | ${r.mb} | ${r.status.join(', ')} | ${r.mb ? `${r.answerMs} ms` : '—'} | ${r.mb >= 0.1 ? `${r.msPerMb} ms` : '—'} | ${r.healthP50} / ${r.healthP95} / ${r.healthMax} ms (${r.probes} probes) | ${r.stored} |\n`);
      }
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

await main();
