// The monthly sums the pair and spike flags read (db/queries/integrity.ts, sumMonthlyCalls):
// per pair its calls and days of use, per provider its calls, from the month's events of other
// departments. A day of use is a day with calls, whatever the number of resources called on it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sumMonthlyCalls } from '@/db/queries/integrity';
import { raiseGenerations } from '@/db/queries/scores';
import { requirePeriodCode } from '@/lib/periods/rows';
import { createTestDatabase, type TestDatabase } from './support/db';

const MONTH = '2026-11';
let database: TestDatabase;

// [provider, day, consumer, resource, calls]
const EVENTS: Array<[string, string, string, string, number]> = [
  // A ← B: two resources, the 2nd on three days, the 4th with one resource at 0 calls: 19 calls on 3 days.
  ['A', '2026-11-01', 'B', 'R1', 5],
  ['A', '2026-11-02', 'B', 'R1', 3],
  ['A', '2026-11-02', 'B', 'R2', 4],
  ['A', '2026-11-03', 'B', 'R2', 0], // a day with no calls is no day of use
  ['A', '2026-11-04', 'B', 'R1', 0],
  ['A', '2026-11-04', 'B', 'R2', 7],
  // A ← C: rows, but never a call: the pair is stored with 0 calls and 0 days.
  ['A', '2026-11-05', 'C', 'R1', 0],
  ['A', '2026-11-06', 'C', 'R2', 0],
  // A calling itself does not count; nor do the days either side of the month.
  ['A', '2026-11-02', 'A', 'R1', 1000],
  ['A', '2026-10-31', 'B', 'R1', 50],
  ['A', '2026-12-01', 'B', 'R1', 60],
  // B ← A: the last day of the month, two resources.
  ['B', '2026-11-30', 'A', 'S1', 2],
  ['B', '2026-11-30', 'A', 'S2', 9],
  // C only calls itself: no sums at all.
  ['C', '2026-11-10', 'C', 'T1', 500],
];

const insertEvents = (rows: typeof EVENTS) =>
  database.query(
    `insert into sharing_events (provider, day, consumer, resource, calls)
     select * from unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::bigint[])
     on conflict (provider, day, consumer, resource) do update set calls = excluded.calls`,
    [0, 1, 2, 3, 4].map((i) => rows.map((r) => r[i])),
  );

const sumMonth = () => database.transaction((tx) => sumMonthlyCalls(tx, requirePeriodCode(MONTH), 0));

const pairs = () =>
  database.query<{ provider: string; consumer: string; calls: number; days: number }>(
    `select provider, consumer, calls, days_used as days from integrity_monthly_pairs where month = $1 order by provider, consumer`,
    [MONTH],
  );
const providers = () =>
  database.query<{ provider: string; calls: number }>(`select provider, calls from integrity_monthly_calls where month = $1 order by provider`, [MONTH]);

beforeAll(async () => {
  database = await createTestDatabase();
  await insertEvents(EVENTS);
}, 120_000);

afterAll(async () => {
  await database.close();
});

describe('monthly sums for the integrity flags', () => {
  it('sums each pair’s calls and days of use, and each provider’s calls, from other departments’ calls in the month', async () => {
    await sumMonth();
    expect(await pairs()).toEqual([
      { provider: 'A', consumer: 'B', calls: 19, days: 3 },
      { provider: 'A', consumer: 'C', calls: 0, days: 0 },
      { provider: 'B', consumer: 'A', calls: 11, days: 1 },
    ]);
    expect(await providers()).toEqual([
      { provider: 'A', calls: 19 },
      { provider: 'B', calls: 11 },
    ]);
  });

  it('sums the month again once it was written to (its generation moved), replacing the old sums', async () => {
    const more: typeof EVENTS = [
      ['A', '2026-11-03', 'B', 'R2', 6], // the day without calls now has some
      ['A', '2026-11-05', 'C', 'R1', 1],
      ['C', '2026-11-10', 'B', 'T1', 4],
    ];
    await insertEvents(more);
    await sumMonth();
    expect((await pairs()).find((p) => p.consumer === 'B' && p.provider === 'A')).toMatchObject({ calls: 19, days: 3 }); // not written to: not summed again
    await database.transaction((tx) => raiseGenerations(tx, [MONTH]));
    await sumMonth();
    expect(await pairs()).toEqual([
      { provider: 'A', consumer: 'B', calls: 25, days: 4 },
      { provider: 'A', consumer: 'C', calls: 1, days: 1 },
      { provider: 'B', consumer: 'A', calls: 11, days: 1 },
      { provider: 'C', consumer: 'B', calls: 4, days: 1 },
    ]);
    expect(await providers()).toEqual([
      { provider: 'A', calls: 26 },
      { provider: 'B', calls: 11 },
      { provider: 'C', calls: 4 },
    ]);
  });
});
