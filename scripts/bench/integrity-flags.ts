// Integrity flag queries benchmark (issue #13, docs/performance.md "Integrity flags off the
// read path"): the monthly sums the pair and spike queries read (all months summed from the
// events, then one month written to since, then none), each of the four flag queries of a period under
// EXPLAIN ANALYZE — execution time, the part PostgreSQL's JIT took, and the planner's row
// estimate against the rows — storePeriodFlags (what every recompute now adds), and what a
// reader pays now: reading the stored flags.
// Run: npx tsx scripts/bench/integrity-flags.ts --url postgres://…/h_x [--period 2026-11] [--runs 3]
// against a seeded database (e.g. a copy of one seeded with `seed --demo --departments 5000`).
import { parseArgs } from 'node:util';
import { openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { loadPairFlags, loadSelfReportFlags, loadSpikeFlags, loadZombieFlags, readFlagSet, readFlagSummary, sumMonthlyCalls } from '../../db/queries/integrity';
import { raiseGenerations } from '../../db/queries/scores';
import type { Session } from '../../db/types';
import { storePeriodFlags } from '../../lib/scores/integrity-flags';
import { storedFlags } from '../../lib/integrity/stored';
import { chinaDay } from '../../lib/periods/calendar';
import { parsePeriod } from '../../lib/periods/codes';
import { schemeForPeriod } from '../../lib/schemes/service';
import { integrityOf } from '../../lib/scoring';

const { values: opts } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/h_flags_perf' },
    period: { type: 'string', default: '2026-11' },
    runs: { type: 'string', default: '3' },
  },
});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const round = (ms: number) => Math.round(ms);

interface Explained {
  ms: number;
  jit: number;
  estimate: number;
  rows: number;
}

/** A session whose flag queries (each one `with …` statement) run under EXPLAIN ANALYZE: the loader gets the plan back instead of rows. */
function explaining(session: Session, out: Explained[]): Session {
  return {
    ...session,
    async query<T>(text: string, params?: unknown[]) {
      if (!/^\s*with\b/.test(text)) return session.query<T>(text, params);
      const [row] = await session.query<{ 'QUERY PLAN': unknown }>(`explain (analyze, format json) ${text}`, params);
      const raw = row['QUERY PLAN'];
      const [plan] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: { 'Plan Rows': number; 'Actual Rows': number }; 'Execution Time': number; JIT?: { Timing: { Total: number } } }>;
      out.push({ ms: plan['Execution Time'], jit: plan.JIT?.Timing.Total ?? 0, estimate: plan.Plan['Plan Rows'], rows: plan.Plan['Actual Rows'] });
      return [] as T[];
    },
  };
}

const database = await openDatabase({ driver: 'pg', url: opts.url });
try {
  await migrateDatabase(database);
  const span = parsePeriod(opts.period);
  if (!span) throw new Error(`not a period: ${opts.period}`);
  const scheme = (await schemeForPeriod(database, opts.period)).scheme;
  const t = integrityOf(scheme);
  const today = chinaDay(new Date());
  const endDay = span.endsOn < today ? span.endsOn : today;
  const queries: Array<[string, (s: Session) => Promise<unknown>]> = [
    ['pairs', (s) => loadPairFlags(s, span, t)],
    ['call spikes', (s) => loadSpikeFlags(s, span, t)],
    ['zombies', (s) => loadZombieFlags(s, endDay, t)],
    ['self-report', (s) => loadSelfReportFlags(s, span, endDay, t)],
  ];
  const [{ jit }] = await database.query<{ jit: string }>('show jit');
  const sums = async () => {
    const started = performance.now();
    await database.transaction((tx) => sumMonthlyCalls(tx, span, t.spike.historyMonths));
    return round(performance.now() - started);
  };
  await database.query('truncate integrity_monthly_calls, integrity_monthly_call_sets');
  const all = await sums();
  await database.transaction((tx) => raiseGenerations(tx, [span.months[span.months.length - 1]]));
  const one = await sums();
  const none = await sums();
  process.stdout.write(`${opts.period} monthly sums: every month ${all} ms, one month written to ${one} ms, none ${none} ms\n`);
  process.stdout.write(`${opts.period} (jit ${jit}), median of ${opts.runs} after one warm-up:\n`);
  for (const [name, run] of queries) {
    const seen: Explained[] = [];
    for (let i = 0; i <= Number(opts.runs); i++) await run(explaining(database, seen));
    const runs = seen.slice(1);
    const last = runs[runs.length - 1];
    process.stdout.write(
      `  ${name.padEnd(12)} ${String(round(median(runs.map((r) => r.ms)))).padStart(6)} ms, JIT ${round(median(runs.map((r) => r.jit)))} ms; rows ${last.rows} (estimated ${last.estimate})\n`,
    );
  }
  const stored: number[] = [];
  let flags = 0;
  for (let i = 0; i < Number(opts.runs); i++) {
    const started = performance.now();
    flags = await database.transaction((tx) => storePeriodFlags(tx, opts.period, scheme));
    stored.push(performance.now() - started);
  }
  process.stdout.write(`  storePeriodFlags (all four + the write): ${round(median(stored))} ms, ${flags} flags\n`);
  // What a reader now pays instead: a page's badges, and the whole list (the /integrity page, the API).
  const read = async (fn: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i <= Number(opts.runs); i++) {
      const started = performance.now();
      await fn();
      times.push(performance.now() - started);
    }
    return round(median(times.slice(1)));
  };
  const page = (await database.query<{ code: string }>('select code from departments order by code limit 50')).map((r) => r.code); // a ranking page's rows
  const badges = await read(async () => [await readFlagSet(database, opts.period), await readFlagSummary(database, opts.period, page)]);
  const list = await read(() => storedFlags(database, opts.period, null));
  process.stdout.write(`  read path: badges of a page's 50 departments (header + summary) ${badges} ms, every stored flag with set-asides ${list} ms\n`);
} finally {
  await database.close();
}
