// Page speed (issue #6 item 5): p50/p95 of /rankings against /api/health under the same
// load, measured with autocannon from a second process on loopback, and LCP in headless
// Chromium, for the demo province (embedded PGlite) and for 5,000 departments (PostgreSQL).
//
//   npx tsx scripts/bench/pages.ts [--scenario demo|5000|all] [--connections 4] [--seconds 15] [--json] [--batch-only] [--batch-runs 3] [--seed-db ss_seed5000]
//
// The 5,000-department scenario copies postgres://…/<seed-db> (seeded with
// `seed --demo --departments 5000`; CREATE DATABASE … TEMPLATE, never written itself), sets the leader's password in the copy, ANALYZEs it and drops it
// at the end (its scores are computed ahead: seed --demo does, since pages no longer do);
// it then also times the first /rankings after 25,000-row batches (after-batch.ts; alone
// with --batch-only). A plain path (`/rankings`) is a first view of a view someone else has
// seen (the server has built it; the client sends no validator); `{code}` paths ask for a
// view nobody has seen on every request (request-modes.ts); a path written `etag:/rankings`
// is a repeat view: it sends the ETag of its first answer in If-None-Match, as a browser
// revalidating the page does (answered 304 while nothing changed).
// Needs a build (.next) and /usr/bin/chromium.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { launchChromium } from '../../tests/browser/support/chromium.ts';
import { startDemoServer, startNext, type RunningServer } from '../../tests/browser/support/demo-server.ts';
import { cookieHeader, DESKTOP, signIn } from '../../tests/browser/support/sign-in.ts';
import { fillPath, REPEAT, varies } from './request-modes.ts';
import { afterBatch, type AfterBatchResult } from './after-batch.ts';

interface LoadResult {
  url: string;
  requests: number;
  non2xx: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN);

// autocannon ships no types: the little of it used here.
interface AutocannonInstance extends PromiseLike<{ errors: number }> {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
interface AutocannonRequest {
  path?: string;
  setupRequest?: (request: { path: string }) => { path: string };
}
type Autocannon = (options: { url: string; connections: number; duration: number; headers: Record<string, string>; requests?: AutocannonRequest[] }) => AutocannonInstance;


/** A path on the server, keeping its `etag:` prefix in front. */
const absolute = (server: string, path: string) => (path.startsWith(REPEAT) ? REPEAT + server + path.slice(REPEAT.length) : server + path);

/** The request for a URL: a repeat view carries the ETag its first answer had. */
async function requestOf(url: string, cookie: string): Promise<{ url: string; headers: Record<string, string> }> {
  if (!url.startsWith(REPEAT)) return { url, headers: { cookie } };
  const plain = url.slice(REPEAT.length);
  const first = await fetch(plain, { headers: { cookie } });
  await first.text();
  const etag = first.headers.get('etag');
  if (!etag) throw new Error(`${plain}: no ETag`);
  return { url: plain, headers: { cookie, 'if-none-match': etag } };
}

// ── the second process: autocannon against one URL, every response time kept ─────────────
async function loadWorker(given: string, cookie: string, connections: number, seconds: number): Promise<void> {
  const { url, headers } = await requestOf(given, cookie);
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const times: number[] = [];
  let non2xx = 0;
  let n = 0;
  // Every request another view: what a page costs when nobody has asked for it yet.
  const codes = (process.env.BENCH_CODES ?? '').split(',').filter(Boolean);
  const path = url.slice(new URL(url).origin.length);
  const requests = varies(url) ? [{ setupRequest: (r: { path: string }) => ({ ...r, path: fillPath(path, n++, codes) }) }] : undefined;
  const instance = autocannon({ url: fillPath(url, 0, codes), connections, duration: seconds, headers, requests });
  instance.on('response', (_client, status, _bytes, ms) => {
    times.push(ms);
    if ((status < 200 || status >= 300) && status !== 304) non2xx++;
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  const out: LoadResult = {
    url: given,
    requests: times.length,
    non2xx,
    errors: result.errors,
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    p99: quantile(times, 0.99),
    mean: times.reduce((s, x) => s + x, 0) / (times.length || 1),
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

function measure(url: string, cookie: string, connections: number, seconds: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('node_modules/.bin/tsx', ['scripts/bench/pages.ts', '--load-worker', url, cookie, String(connections), String(seconds)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`load worker exited ${code}`))));
  });
}

// ── LCP in headless Chromium ─────────────────────────────────────────────────────────────
async function largestContentfulPaint(page: import('playwright-core').Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let lcp = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) lcp = Math.max(lcp, entry.startTime);
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => resolve(lcp), 1000);
      }),
  );
}

interface ScenarioResult {
  scenario: string;
  departments: number;
  health: LoadResult;
  /** The smallest signed-in page (/me for a leader: a one-line notice), for scale. */
  baseline: LoadResult;
  pages: LoadResult[];
  /** LCP of a first view (the browser has no copy; the server has built the view before) per page. */
  lcp: Record<string, { first: number; median: number; max: number }>;
  batch?: AfterBatchResult;
}

async function runScenario(name: string, departments: number, server: RunningServer, password: string, rankingPaths: string[], opts: { connections: number; seconds: number; batchOnly?: boolean; batch?: (cookie: string) => Promise<AfterBatchResult> }): Promise<ScenarioResult> {
  const browser = await launchChromium();
  try {
    // Land on a light page: the first /rankings may spend a minute filling the score cache.
    const { context, page } = await signIn(browser, server.url, 'leader', password, DESKTOP, '/me');
    const cookie = await cookieHeader(context);
    const codes = await departmentCodes(departments);
    process.env.BENCH_CODES = codes.join(','); // for the load workers (spawn passes the environment on)
    const department = `/departments/${codes[0]}`;
    const paths = opts.batchOnly ? ['/rankings'] : [...rankingPaths, department, '/departments/{code}', `${REPEAT}${department}`];
    // Warm up: fills the score cache (not measured) and the server's code paths, with views the measured runs do not ask for.
    for (const p of paths) {
      const started = Date.now();
      // Until every period the page reads is computed (a page never waits for that: it says so and returns).
      for (;;) {
        const warm = await requestOf(absolute(server.url, fillPath(p, codes.length - 1, codes)), cookie);
        const res = await fetch(warm.url, { headers: warm.headers });
        if (!res.ok && res.status !== 304) throw new Error(`${p}: HTTP ${res.status}`);
        const html = await res.text();
        if (!/data-testid="scores-(computing|updating)"/.test(html)) break;
        await new Promise((r) => setTimeout(r, 1000));
      }
      log(`${name}: warm-up ${p} ${Date.now() - started} ms`);
    }
    for (let i = 0; i < 5; i++) await Promise.all([fetch(`${server.url}/api/health`).then((r) => r.text()), ...paths.map(async (p) => { const r = await requestOf(absolute(server.url, fillPath(p, codes.length - 2 - i, codes)), cookie); return (await fetch(r.url, { headers: r.headers })).text(); })]);

    if (opts.batchOnly && opts.batch) {
      const batch = await opts.batch(cookie).catch((err) => (log(`after-batch failed: ${describeError(err)}\n${server.log().slice(-3000)}`), undefined));
      await context.close();
      const none = { url: '', requests: 0, non2xx: 0, errors: 0, p50: NaN, p95: NaN, p99: NaN, mean: NaN };
      return { scenario: name, departments, health: none, baseline: none, pages: [], lcp: {}, batch };
    }
    const health = await measure(`${server.url}/api/health`, cookie, opts.connections, opts.seconds);
    log(`${name}: /api/health p50 ${health.p50} ms, p95 ${health.p95} ms (${health.requests} requests)`);
    const baseline = await measure(`${server.url}/me`, cookie, opts.connections, opts.seconds);
    log(`${name}: /me p50 ${baseline.p50} ms, p95 ${baseline.p95} ms (${baseline.requests} requests)`);
    const pages: LoadResult[] = [];
    for (const p of paths) {
      const r = await measure(absolute(server.url, p), cookie, opts.connections, opts.seconds);
      pages.push(r);
      log(`${name}: ${p} p50 ${r.p50} ms, p95 ${r.p95} ms (${r.requests} requests, ${r.non2xx} non-2xx)`);
    }

    const lcp: ScenarioResult['lcp'] = {};
    for (const p of ['/rankings', department]) {
      const lcps: number[] = [];
      // A first view each time: a new browser context has no copy of the page (no If-None-Match).
      for (let i = 0; i < 5; i++) {
        const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        await fresh.addCookies(await context.cookies());
        lcps.push(await largestContentfulPaint(await fresh.newPage(), `${server.url}${p}`));
        await fresh.close();
      }
      const sorted = [...lcps].sort((a, b) => a - b);
      lcp[p] = { first: lcps[0], median: sorted[2], max: sorted[4] };
      log(`${name}: LCP ${p} median ${sorted[2]} ms`);
    }
    void page;
    // A failure here (the server's log says why) still leaves the figures above.
    const batch = opts.batch ? await opts.batch(cookie).catch((err) => (log(`after-batch failed: ${describeError(err)}\n${server.log().slice(-3000)}`), undefined)) : undefined;
    await context.close();
    return { scenario: name, departments, health, baseline, pages, lcp, batch };
  } finally {
    await browser.close();
  }
}

/** Every department's code, as the demo seed names them (seed --demo --departments N). */
async function departmentCodes(count: number): Promise<string[]> {
  const { demoDepartments } = await import('../../lib/demo/departments.ts');
  return demoDepartments(count).map((d) => d.code);
}

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/** An error with its causes (undici's "fetch failed" says why only in its cause). */
const describeError = (err: unknown): string => (err instanceof Error ? `${err.message}${err.cause ? ` ← ${describeError(err.cause)}` : ''}${(err as { code?: string }).code ? ` [${(err as { code?: string }).code}]` : ''}` : String(err));

async function demoScenario(opts: { connections: number; seconds: number; batchOnly?: boolean }): Promise<ScenarioResult> {
  const server = await startDemoServer({ departments: 60, months: 12, log });
  try {
    return await runScenario('demo (PGlite, 60 departments × 12 months)', 60, server, server.password, ['/rankings', '/rankings?compare={code},{code2}', `${REPEAT}/rankings`], opts);
  } finally {
    await server.stop();
  }
}

async function province5000Scenario(opts: { connections: number; seconds: number; batchOnly?: boolean; batchRuns: number; seedDb: string }): Promise<ScenarioResult> {
  const admin = process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  if (!/^\w+$/.test(opts.seedDb)) throw new Error(`--seed-db: not a database name: ${opts.seedDb}`);
  const copy = `${opts.seedDb}_bench_${process.pid}`;
  const url = new URL(admin);
  url.pathname = `/${copy}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    log(`copying ${opts.seedDb} to ${copy}`);
    await client.query(`CREATE DATABASE ${copy} TEMPLATE ${opts.seedDb}`);
    const password = 'Bench-Pages-2026!';
    const { hashPassword } = await import('../../lib/auth/passwords.ts');
    const db = new pg.Client({ connectionString: url.toString() });
    await db.connect();
    await db.query(`update users set password_hash = $1, locked_until = null where username = 'leader'`, [await hashPassword(password)]);
    await db.query('ANALYZE');
    await db.end();
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url.toString() };
    delete env.PGLITE_DIR;
    delete env.DB_DRIVER;
    const server = await startNext(env);
    try {
      const batch = (cookie: string) => afterBatch({ server: server.url, database: url.toString(), cookie, log, runs: opts.batchRuns });
      return await runScenario('5,000 departments (PostgreSQL 15, 18.6 M event rows)', 5000, server, password, ['/rankings', '/rankings?sort=dim:quality&page=40', '/rankings?compare={code},{code2}', `${REPEAT}/rankings`], { ...opts, batch });
    } finally {
      await server.stop();
    }
  } finally {
    await client.query(`DROP DATABASE IF EXISTS ${copy} WITH (FORCE)`);
    await client.end();
  }
}

function markdown(results: ScenarioResult[], opts: { connections: number; seconds: number }): string {
  const lines = [
    `autocannon, ${opts.connections} connections, ${opts.seconds} s per URL, one URL at a time; times in ms.`,
    '',
    '| scenario | URL | requests | p50 | p95 | p95 ÷ health p95 | p95 ÷ /me p95 | LCP of a first view, median (first / max) |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    lines.push(`| ${r.scenario} | /api/health | ${r.health.requests} | ${r.health.p50.toFixed(1)} | ${r.health.p95.toFixed(1)} | 1.00 | | |`);
    lines.push(`| ${r.scenario} | /me (leader: smallest signed-in page) | ${r.baseline.requests} | ${r.baseline.p50.toFixed(1)} | ${r.baseline.p95.toFixed(1)} | ${(r.baseline.p95 / r.health.p95).toFixed(2)} | 1.00 | |`);
    for (const p of r.pages) {
      const repeat = p.url.startsWith(REPEAT);
      const url = new URL(repeat ? p.url.slice(REPEAT.length) : p.url);
      const path = decodeURIComponent(url.pathname + url.search);
      const lcp = !repeat && !varies(path) ? r.lcp[path] : undefined;
      const shown = varies(path) ? `${path}: a view nobody has seen (another every request)` : repeat ? `${path}: repeat view (If-None-Match → 304)` : `${path}: a first view of a view someone else has seen`;
      const lcpCell = lcp ? `${lcp.median.toFixed(0)} (${lcp.first.toFixed(0)} / ${lcp.max.toFixed(0)})` : '';
      lines.push(`| ${r.scenario} | ${shown} | ${p.requests} | ${p.p50.toFixed(1)} | ${p.p95.toFixed(1)} | ${(p.p95 / r.health.p95).toFixed(2)} | ${(p.p95 / r.baseline.p95).toFixed(2)} | ${lcpCell} |`);
    }
    if (r.batch) lines.push('', ...batchMarkdown(r.batch));
  }
  return lines.join('\n');
}

function batchMarkdown(b: AfterBatchResult): string[] {
  const median = (xs: number[]) => {
    const sorted = [...xs].sort((x, y) => x - y);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  };
  return [
    `After a 25,000-row batch (${b.runs.length} batches, medians; times in ms):`,
    '',
    '| measure | median | runs |',
    '|---|---:|---|',
    `| /rankings, a first view (no batch) | ${median(b.normal).toFixed(1)} | ${b.normal.map((x) => x.toFixed(0)).join(', ')} |`,
    `| /rankings, the first view right after the batch's response | ${median(b.runs.map((r) => r.firstView)).toFixed(1)} | ${b.runs.map((r) => r.firstView.toFixed(0)).join(', ')} |`,
    `| ratio (≤ 2 targeted) | ${(median(b.runs.map((r) => r.firstView)) / median(b.normal)).toFixed(2)} | |`,
    `| the batch's response, nothing else running | ${median(b.runs.map((r) => r.quietWrite)).toFixed(1)} | ${b.runs.map((r) => r.quietWrite.toFixed(0)).join(', ')} |`,
    `| the next batch's response, sent while the first one's recompute runs | ${median(b.runs.map((r) => r.busyWrite)).toFixed(1)} | ${b.runs.map((r) => r.busyWrite.toFixed(0)).join(', ')} |`,
    `| write time growth (< 10 % targeted) | ${((median(b.runs.map((r) => r.busyWrite)) / median(b.runs.map((r) => r.quietWrite)) - 1) * 100).toFixed(1)} % | |`,
    `| from the batch's response to the new scores on /rankings | ${median(b.runs.map((r) => r.visibleAfter)).toFixed(0)} | ${b.runs.map((r) => r.visibleAfter.toFixed(0)).join(', ')} |`,
    `| the longest /api/health meanwhile (one every 100 ms) | ${median(b.runs.map((r) => r.longestHealth)).toFixed(0)} | ${b.runs.map((r) => r.longestHealth.toFixed(0)).join(', ')} |`,
    `| /api/health answers over 250 ms meanwhile | ${median(b.runs.map((r) => r.slowHealth))} | ${b.runs.map((r) => `${r.slowHealth} of ${r.healthProbes}`).join(', ')} |`,
  ];
}

async function main() {
  if (process.argv[2] === '--load-worker') {
    const [, , , url, cookie, connections, seconds] = process.argv;
    await loadWorker(url, cookie, Number(connections), Number(seconds));
    return;
  }
  const { values } = parseArgs({
    options: { scenario: { type: 'string', default: 'all' }, connections: { type: 'string', default: '4' }, seconds: { type: 'string', default: '15' }, json: { type: 'boolean', default: false }, 'batch-only': { type: 'boolean', default: false }, 'batch-runs': { type: 'string', default: '3' }, 'seed-db': { type: 'string', default: 'ss_seed5000' } },
  });
  const opts = { connections: Number(values.connections), seconds: Number(values.seconds), batchOnly: values['batch-only'], batchRuns: Number(values['batch-runs']), seedDb: values['seed-db'] };
  const results: ScenarioResult[] = [];
  if (values.scenario === 'demo' || values.scenario === 'all') results.push(await demoScenario(opts));
  if (values.scenario === '5000' || values.scenario === 'all') results.push(await province5000Scenario(opts));
  process.stdout.write((values.json ? JSON.stringify(results, null, 2) : markdown(results, opts)) + '\n');
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
