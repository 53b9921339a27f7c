// Month sums benchmark (docs/performance.md, "Integrity flags off the read path", "Month
// sums"): one month's sums for the pair and spike flags (sumMonthlyCalls) summed again after a
// write to it, as main summed them (BEFORE below) and as the product does now, alternating on
// one connection, each in its own transaction after raising the month's generation; then the
// product's sums of every month of the data (timed: the first flags after deployment) against
// BEFORE's, row by row (EXCEPT both ways).
// Run: npx tsx scripts/bench/month-sums.ts --url postgres://…/h_x [--month 2026-11] [--runs 3]
// against a copy of a seeded database (it rewrites the copy's monthly sums).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { sumMonthlyCalls } from '../../db/queries/integrity';
import { raiseGenerations } from '../../db/queries/scores';
import type { Session } from '../../db/types';
import { requirePeriodCode } from '../../lib/periods/rows';

const { values: opts } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/h_flagsums_perf' },
    month: { type: 'string', default: '2026-11' },
    runs: { type: 'string', default: '3' },
  },
});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

// Main's sums of month $1: the events grouped by pair and day, then by pair; the providers' from the pairs.
const BEFORE_PAIRS = `
  select provider, consumer, $1::text as month, sum(calls)::float8 as calls, (count(*) filter (where calls > 0))::int as days_used
  from (select provider, consumer, day, sum(calls) as calls from sharing_events
        where day >= to_date($1, 'YYYY-MM') and day < (to_date($1, 'YYYY-MM') + interval '1 month')::date and consumer <> provider
        group by provider, consumer, day) as days
  group by provider, consumer`;
const BEFORE_CALLS = `select provider, $1::text as month, sum(calls) as calls from (${BEFORE_PAIRS}) p group by provider`;

async function before(tx: Session, month: string) {
  await tx.query('delete from integrity_monthly_pairs where month = $1', [month]);
  await tx.query('delete from integrity_monthly_calls where month = $1', [month]);
  await tx.query(`insert into integrity_monthly_pairs (provider, consumer, month, calls, days_used) ${BEFORE_PAIRS}`, [month]);
  await tx.query(
    `insert into integrity_monthly_calls (provider, month, calls)
     select provider, $1, sum(calls) from integrity_monthly_pairs where month = $1 group by provider`,
    [month],
  );
  await tx.query(
    `insert into integrity_monthly_call_sets (month, generation)
     values ($1, coalesce((select generation from score_generations where period = $1), 0))
     on conflict (month) do update set generation = excluded.generation`,
    [month],
  );
}

const database = await openDatabase({ driver: 'pg', url: opts.url });
try {
  await migrateDatabase(database);
  const month = opts.month;
  const timed = async (sum: (tx: Session) => Promise<unknown>) => {
    const started = performance.now();
    const pid = await database.transaction(async (tx) => {
      await raiseGenerations(tx, [month]); // a write to the month: its sums are stale
      await sum(tx);
      return (await tx.query<{ pid: number }>('select pg_backend_pid() as pid'))[0].pid;
    });
    return { ms: performance.now() - started, pid };
  };
  const runs = { before: [] as number[], after: [] as number[] };
  const pids = new Set<number>();
  process.stdout.write(`${month}: one month summed again, load ${load()}\n`);
  for (let i = 0; i < Number(opts.runs); i++) {
    for (const [name, sum] of [
      ['before', (tx: Session) => before(tx, month)],
      ['after', (tx: Session) => sumMonthlyCalls(tx, requirePeriodCode(month), 0)],
    ] as const) {
      const { ms, pid } = await timed(sum);
      runs[name].push(ms);
      pids.add(pid);
      process.stdout.write(`  ${name.padEnd(6)} ${Math.round(ms)} ms\n`);
    }
  }
  const [b, a] = [median(runs.before), median(runs.after)];
  process.stdout.write(`  median of ${opts.runs}: before ${Math.round(b)} ms, after ${Math.round(a)} ms (${(a / b).toFixed(2)}×), load ${load()}; connections ${pids.size}\n`);

  // Every month with events, summed by the product, against BEFORE's rows.
  const months = await database.query<{ month: string }>(`select distinct to_char(day, 'YYYY-MM') as month from sharing_events order by 1`);
  await database.query('truncate integrity_monthly_call_sets'); // every month stale
  let all = 0;
  for (const { month: m } of months) {
    const started = performance.now();
    await database.transaction((tx) => sumMonthlyCalls(tx, requirePeriodCode(m), 0));
    all += performance.now() - started;
    const [{ pairs, calls, rows }] = await database.query<{ pairs: number; calls: number; rows: number }>(
      `select (select count(*) from ((select * from integrity_monthly_pairs where month = $1 except all select * from (${BEFORE_PAIRS}) b)
                                     union all (select * from (${BEFORE_PAIRS}) b except all select * from integrity_monthly_pairs where month = $1)) d)::int as pairs,
              (select count(*) from ((select * from integrity_monthly_calls where month = $1 except all select * from (${BEFORE_CALLS}) b)
                                     union all (select * from (${BEFORE_CALLS}) b except all select * from integrity_monthly_calls where month = $1)) d)::int as calls,
              (select count(*) from integrity_monthly_pairs where month = $1)::int as rows`,
      [m],
    );
    process.stdout.write(`  ${m}: ${rows} pairs; rows differing from before: pairs ${pairs}, providers ${calls}\n`);
  }
  process.stdout.write(`  every month summed (after): ${Math.round(all)} ms for ${months.length} months, load ${load()}\n`);
} finally {
  await database.close();
}
