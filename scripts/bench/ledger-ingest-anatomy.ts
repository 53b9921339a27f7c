// Where a requests batch's time goes (issue #15, docs/performance.md "Ledger ingest"):
// N request rows (ledger-fixture.ts, as ledger-ingest.ts sends them) go through the real
// ingestBatch one chunk at a time, nothing else running, on PostgreSQL. Every statement
// is timed on the wire (pg's Client.query, COPY until its stream finishes) and named by
// what it does; the time between statements is JavaScript, named by the statement it
// precedes. Beside each wall time, the Node process's CPU time over the same span (JS and
// the driver; PostgreSQL's own work is in its processes): on a shared machine the wall
// times of JS phases include waiting for a core, their CPU times do not. Parsing and zod
// are timed again on their own to split the first gap.
// Run: npx tsx scripts/bench/ledger-ingest-anatomy.ts [--rows 1000000] [--chunk-rows 25000] [--db h_ingest_anatomy]
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../../db/client';
import { advisoryKey } from '../../db/queries/locks';
import { CLI } from '../../lib/auth/principal';
import { parseUpload } from '../../lib/ingest/parse';
import { shapeRows } from '../../lib/ingest/rows';
import { ingestBatch } from '../../lib/ingest/service';
import { catalogCsv, requestsCsv, seedLedgerBench } from './ledger-fixture';

const { values: opts } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    'chunk-rows': { type: 'string', default: '25000' },
    'pg-url': { type: 'string', default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    db: { type: 'string', default: 'sharescore_ingest_anatomy' },
  },
});
const ROWS = Number(opts.rows);
const CHUNK = Number(opts['chunk-rows']);

interface Span {
  label: string;
  start: number;
  end: number;
  cpuStart: number;
  cpuEnd: number;
}
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let spans: Span[] | null = null;

const LEDGER_LOCK = advisoryKey('ingest', 'ledger-write:requests');
const STATEMENTS: Array<[RegExp, string]> = [
  [/^BEGIN$/, 'begin'],
  [/savepoint/, 'savepoint'],
  [/^COMMIT$/, 'commit'],
  [/^COPY ingest_requests_stage/, 'staging COPY'],
  [/^COPY sharing_requests/, 'COPY of the new rows'],
  [/create temporary table/, 'staging table'],
  [/ingest_batches.*insert|insert into "ingest_batches"/is, 'batch record'],
  [/"ingest_batches"/, 'idempotency lookup'],
  [/audit/i, 'audit'],
  [/"departments"|"periods".*"status"/s, 'ingest facts'],
  [/schemes/, 'active scheme'],
  [/calendar/, 'calendar'],
  [/catalog_versions/, 'catalog facts'],
  [/join sharing_requests using|join lateral \(select \* from sharing_requests/, 'stored-row lookup'],
  [/for share/, 'period share-lock'],
  [/ledger_history/, 'history'],
  [/update sharing_requests/, 'update'],
  [/insert into sharing_requests/, 'insert'],
  [/score_generations/, 'stale marks'],
];

function labelOf(text: string, params: unknown[] | undefined): string {
  if (/pg_advisory_xact_lock/.test(text)) return params?.[0] === LEDGER_LOCK ? 'ledger lock' : /hashtext|7202611/.test(text + String(params?.[0])) ? 'audit' : 'idempotency lock';
  for (const [pattern, label] of STATEMENTS) if (pattern.test(text)) return label;
  return `other: ${text.replace(/\s+/g, ' ').slice(0, 50)}`;
}

// Times every statement on every pooled client (the one database client opens pg Clients).
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const config = args[0] as string | { text?: string; values?: unknown[]; submit?: unknown; on?: (e: string, f: () => void) => void };
  const text = typeof config === 'string' ? config : (config.text ?? 'COPY ?');
  const params = typeof config === 'string' ? (args[1] as unknown[] | undefined) : config.values;
  const record = spans;
  const span: Span = { label: labelOf(text, params), start: performance.now(), end: 0, cpuStart: cpu(), cpuEnd: 0 };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const result = (original as any).apply(this, args);
  if (!record) return result;
  if (config && typeof config === 'object' && typeof config.submit === 'function') {
    (result as NodeJS.EventEmitter).on('finish', () => record.push({ ...span, end: performance.now(), cpuEnd: cpu() }));
  } else if (result && typeof (result as Promise<unknown>).then === 'function') {
    (result as Promise<unknown>).then(() => record.push({ ...span, end: performance.now(), cpuEnd: cpu() }), () => undefined);
  }
  return result;
} as typeof pg.Client.prototype.query;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;

async function withAdmin(sql: string) {
  const client = new pg.Client({ connectionString: opts['pg-url'] });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

await withAdmin(`drop database if exists ${opts.db} with (force)`);
await withAdmin(`create database ${opts.db}`);
const database = await openDatabase({ driver: 'pg', url: Object.assign(new URL(opts['pg-url']!), { pathname: `/${opts.db}` }).toString() });
const perBatch: Array<Map<string, { wall: number; cpu: number }>> = [];
try {
  await seedLedgerBench(database);
  const catalog = await ingestBatch(database, { kind: 'catalog', principal: CLI, upload: { format: 'csv', text: catalogCsv(), idempotencyKey: null } });
  if (catalog.status !== 201) throw new Error(JSON.stringify(catalog.body).slice(0, 300));
  for (let from = 0; from < ROWS; from += CHUNK) {
    const text = requestsCsv(from, Math.min(ROWS, from + CHUNK));
    const upload = { format: 'csv' as const, text, idempotencyKey: `anatomy-${from}` };
    const phases = new Map<string, { wall: number; cpu: number }>();
    const add = (label: string, wall: number, cpuMs: number) => {
      const p = phases.get(label) ?? { wall: 0, cpu: 0 };
      phases.set(label, { wall: p.wall + wall, cpu: p.cpu + cpuMs });
    };
    // Parse and zod alone (pure; the batch does them again below).
    let [t, c] = [performance.now(), cpu()];
    const raw = await parseUpload('requests', upload);
    add('parse (own run)', performance.now() - t, cpu() - c);
    [t, c] = [performance.now(), cpu()];
    await shapeRows('requests', raw);
    add('zod (own run)', performance.now() - t, cpu() - c);

    spans = [];
    const [started, cpuStarted] = [performance.now(), cpu()];
    const outcome = await ingestBatch(database, { kind: 'requests', principal: CLI, upload });
    const [ended, cpuEnded] = [performance.now(), cpu()];
    if (outcome.status !== 201) throw new Error(JSON.stringify(outcome.body).slice(0, 500));
    const done = spans.sort((a, b) => a.start - b.start);
    spans = null;
    let [cursor, cpuCursor] = [started, cpuStarted];
    for (const s of done) {
      if (s.start > cursor) add(`JS before ${s.label}`, s.start - cursor, s.cpuStart - cpuCursor);
      add(`SQL ${s.label}`, s.end - s.start, s.cpuEnd - s.cpuStart);
      [cursor, cpuCursor] = [Math.max(cursor, s.end), Math.max(cpuCursor, s.cpuEnd)];
    }
    add('JS after commit', ended - cursor, cpuEnded - cpuCursor);
    add('total', ended - started, cpuEnded - cpuStarted);
    perBatch.push(phases);
    process.stderr.write(`rows ${from + CHUNK}: ${(ended - started).toFixed(0)} ms (Node CPU ${(cpuEnded - cpuStarted).toFixed(0)} ms)\n`);
  }
} finally {
  await database.close();
  await withAdmin(`drop database if exists ${opts.db} with (force)`);
}

const labels = [...new Set(perBatch.flatMap((p) => [...p.keys()]))];
const sum = (l: string) => perBatch.reduce((total, p) => total + (p.get(l)?.wall ?? 0), 0);
labels.sort((a, b) => (a === 'total' ? -1 : b === 'total' ? 1 : sum(b) - sum(a)));
const third = Math.ceil(perBatch.length / 3);
const of = (ps: typeof perBatch, l: string, k: 'wall' | 'cpu') => median(ps.map((p) => p.get(l)?.[k] ?? 0)).toFixed(0);
const lines = [
  `${ROWS.toLocaleString('en')} request rows, ${CHUNK.toLocaleString('en')}-row batches one at a time (${perBatch.length} batches); ms per batch, medians.`,
  '',
  '| phase | wall | Node CPU | wall, first third | wall, last third | wall, sum (s) |',
  '|---|---|---|---|---|---|',
  ...labels
    .filter((l) => sum(l) >= perBatch.length) // ≥ 1 ms a batch on average
    .map((l) => `| ${l} | ${of(perBatch, l, 'wall')} | ${of(perBatch, l, 'cpu')} | ${of(perBatch.slice(0, third), l, 'wall')} | ${of(perBatch.slice(-third), l, 'wall')} | ${(sum(l) / 1000).toFixed(1)} |`),
];
process.stdout.write(lines.join('\n') + '\n');
process.exit(0);
