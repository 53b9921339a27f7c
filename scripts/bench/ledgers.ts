// Ledger indicators benchmark (issue #15 target): what the ledger SQL adds to the recompute
// of a quarter at 5,000 departments, and the recompute against its bare SQL aggregation
// (ledgers included). Run: npx tsx scripts/bench/ledgers.ts [--url postgres://…/sharescore_x] [--departments 5000] [--months 6] [--quarter 2026-Q3] [--runs 5] [--reuse]
// Seeds the demo province into the (empty) database unless --reuse, with the ledger scheme
// in force from the first month, then alternates, median of --runs after one warm-up:
//   matrix without ledgers (the self-reported scheme), matrix with ledgers (the ledger
//   scheme), the ledger SQL alone, and recomputePeriod (SQL + engine with 1,000 runs + cache write).
import { parseArgs } from 'node:util';
import { openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { loadPeriodMatrix } from '../../db/queries/matrix';
import { chinaDay } from '../../lib/periods/calendar';
import { loadLedgerCounts } from '../../db/queries/ledger-indicators';
import { raiseGenerations } from '../../db/queries/scores';
import { seedDemoProvince } from '../../lib/demo/seed';
import { parsePeriod, recentMonths } from '../../lib/periods/codes';
import { recomputePeriod, type RecomputeSummary } from '../../lib/scores';
import { allIndicators, defaultScheme, schemeHash, selfReportedScheme } from '../../lib/scoring';

const { values: opts } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/sharescore_indicators' },
    departments: { type: 'string', default: '5000' },
    months: { type: 'string', default: '6' },
    quarter: { type: 'string', default: '2026-Q3' },
    runs: { type: 'string', default: '5' },
    reuse: { type: 'boolean', default: false },
  },
});
const log = (line: string) => process.stderr.write(`${line}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const seconds = async (fn: () => Promise<unknown>) => {
  const started = performance.now();
  await fn();
  return (performance.now() - started) / 1000;
};

const database = await openDatabase({ driver: 'pg', url: opts.url });
try {
  await migrateDatabase(database);
  const months = recentMonths(chinaDay(new Date()), Number(opts.months));
  if (!opts.reuse) {
    log(`seeding ${opts.departments} departments, months ${months[0]}…${months[months.length - 1]}`);
    const t = await seconds(() =>
      seedDemoProvince(database, {
        departments: Number(opts.departments),
        months,
        seed: 20261126,
        indicators: allIndicators(selfReportedScheme),
        scheme: { name: selfReportedScheme.name, body: selfReportedScheme, hash: schemeHash(selfReportedScheme) },
        ledgerScheme: { name: defaultScheme.name, body: defaultScheme, hash: schemeHash(defaultScheme), effectiveFrom: `${months[0]}-01` },
        passwordHash: '$2b$11$notarealhashnotarealhashnotarealhashnotarealhash00',
      }),
    );
    log(`seeded in ${t.toFixed(1)} s`);
  }
  await database.query('analyze');
  const period = parsePeriod(opts.quarter!)!;
  const [facts] = await database.query<{ departments: number; events: number; requests: number; objections: number; catalog: number }>(
    `select (select count(*)::int from departments where active) as departments,
            (select count(*)::int from sharing_events where day between $1 and $2) as events,
            (select count(*)::int from sharing_requests) as requests, (select count(*)::int from data_objections) as objections,
            (select count(*)::int from catalog_versions) as catalog`,
    [period.startsOn, period.endsOn],
  );
  log(JSON.stringify(facts));
  const today = chinaDay(new Date());
  const withoutLedgers = () => database.transaction((tx) => loadPeriodMatrix(tx, period, selfReportedScheme, today));
  const withLedgers = () => database.transaction((tx) => loadPeriodMatrix(tx, period, defaultScheme, today));
  const ledgerOnly = () => loadLedgerCounts(database, period, today);
  await withLedgers(); // warm the buffer cache
  const rows = { without: [] as number[], with: [] as number[], ledger: [] as number[], recompute: [] as number[], engine: [] as number[], write: [] as number[] };
  for (let run = 0; run < Number(opts.runs); run++) {
    rows.without.push(await seconds(withoutLedgers));
    rows.with.push(await seconds(withLedgers));
    rows.ledger.push(await seconds(ledgerOnly));
    await database.transaction((tx) => raiseGenerations(tx, [period.code]));
    let summary: RecomputeSummary | null = null;
    rows.recompute.push(await seconds(async () => (summary = (await recomputePeriod(database, period.code)) as RecomputeSummary)));
    const s = summary as unknown as RecomputeSummary;
    if (s.scheme.version !== 2) throw new Error(`expected the ledger scheme (v2), got v${s.scheme.version}`);
    rows.engine.push(s.timings.engine / 1000);
    rows.write.push(s.timings.write / 1000);
    log(`run ${run + 1}: matrix without ledgers ${rows.without[run].toFixed(2)} s, with ${rows.with[run].toFixed(2)} s, ledger SQL ${rows.ledger[run].toFixed(2)} s, recompute ${rows.recompute[run].toFixed(2)} s`);
  }
  const m = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, median(v)])) as Record<keyof typeof rows, number>;
  process.stdout.write(
    [
      `Quarter ${period.code}: ${facts.departments} departments, ${facts.events} event rows in the quarter, ${facts.requests} requests, ${facts.objections} objections, ${facts.catalog} catalog versions; median of ${opts.runs} runs.`,
      '',
      '| matrix without ledgers | matrix with ledgers | ledger SQL alone | ledger cost | recompute | engine | cache write | recompute / bare SQL (with ledgers) |',
      '|---|---|---|---|---|---|---|---|',
      `| ${m.without.toFixed(2)} s | ${m.with.toFixed(2)} s | ${m.ledger.toFixed(2)} s | ${(m.with - m.without).toFixed(2)} s | ${m.recompute.toFixed(2)} s | ${m.engine.toFixed(2)} s | ${m.write.toFixed(2)} s | **${(m.recompute / m.with).toFixed(2)}×** |`,
      '',
    ].join('\n'),
  );
} finally {
  await database.close();
}
