// The demo province with its ledgers (docs/scoring.md "Ledger indicators"): clocks, overdue
// items, 不适用 and the new indicators show; and the self-reporting attack of issue #15
// re-run against the ledger scheme: only the indicators still self-reported can move.
// The demo `npm run demo` seeds (60 departments, 12 months up to 2026-12, seed 20261126), the
// ledgers' clock fixed at 2026-12-02 10:00 Beijing, period 2026-11 (the ledger scheme is in force).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '@/db/types';
import { loadPeriodInput } from '@/lib/scores/recompute';
import { defaultScheme, schemeHash, scoreDepartments, selfReportedScheme, type Scheme } from '@/lib/scoring';
import { useTestDatabase, type TestDatabase } from './support/db';
import { rolledBack, seedRankingDemo } from './support/demo-province';

const PERIOD = '2026-11';
const NOW = new Date('2026-12-02T10:00:00+08:00');
let database: TestDatabase;

const score = async (session: Session, scheme: Scheme) => scoreDepartments(await loadPeriodInput(session, PERIOD, scheme), scheme, { runs: 0 });
const SELF_REPORTED_RATES = ['positive_list_rate', 'completeness_rate', 'accuracy_rate', 'update_timeliness_rate', 'catalog_timeliness_rate'];

/** The attack, as far as a department can still write it: its metric values for the month. */
async function reportEverything(tx: Session, department: string, values: Record<string, number>) {
  const codes = Object.keys(values);
  await tx.query(`update indicator_values set superseded_at = now() where department_code = $1 and period = $2 and indicator = any($3::text[]) and superseded_at is null`, [department, PERIOD, codes]);
  for (const [code, value] of Object.entries(values)) {
    await tx.query(`insert into indicator_values (department_code, period, indicator, value, batch_id) values ($1, $2, $3, $4, 'attack')`, [department, PERIOD, code, value]);
  }
}

async function underAttack(scheme: Scheme, department: string, values: Record<string, number>) {
  return rolledBack(database, async (tx) => {
    await reportEverything(tx, department, values);
    const d = (await score(tx, scheme)).departments.find((x) => x.department === department)!;
    return { total: d.total, rank: d.rank };
  });
}

beforeAll(async () => {
  database = await useTestDatabase();
  await seedRankingDemo(database, selfReportedScheme, {
    ledgerScheme: { name: defaultScheme.name, body: defaultScheme, hash: schemeHash(defaultScheme), effectiveFrom: '2026-10-01' },
    now: NOW,
  });
}, 600_000);
afterAll(() => database.close());

describe('the demo province with ledgers', () => {
  it('has a catalog of tens of resources per department with a realistic mix, and 僵尸 resources', async () => {
    const [c] = await database.query<{ per: number; unconditional: number; conditional: number; none: number; withdrawn: number; zombies: number }>(
      `with cur as (select * from catalog_versions where superseded_at is null)
       select (count(*)::float8 / count(distinct provider)) as per,
              avg((share_type = 'unconditional')::int)::float8 as unconditional, avg((share_type = 'conditional')::int)::float8 as conditional,
              avg((share_type = 'none')::int)::float8 as none, count(*) filter (where status = 'withdrawn')::int as withdrawn,
              count(*) filter (where status = 'active' and share_type <> 'none' and not exists
                (select 1 from sharing_events e where e.provider = cur.provider and e.resource = cur.resource and e.consumer <> e.provider))::int as zombies
       from cur`,
    );
    expect(c.per).toBeGreaterThanOrEqual(10);
    expect(c.unconditional).toBeGreaterThan(0.45);
    expect(c.conditional).toBeGreaterThan(0.25);
    expect(c.none).toBeGreaterThan(0.05);
    expect(c.none).toBeLessThan(0.15);
    expect(c.withdrawn).toBeGreaterThan(0);
    expect(c.zombies).toBeGreaterThan(0);
    const [{ bad }] = await database.query<{ bad: number }>(
      `select count(*)::int as bad from (select distinct provider, resource from sharing_events) e
       where not exists (select 1 from catalog_versions c where c.provider = e.provider and c.resource = e.resource)`,
    );
    expect(bad).toBe(0); // every event's resource is one of its provider's catalog resources
  });

  it('has departments that differ in punctuality, with items open and overdue now', async () => {
    const [r] = await database.query<{ overdue: number; always: number; often_late: number }>(
      `with p as (select provider, avg((replied_at is not null and replied_at < ((reply_due_on + 1)::timestamp - interval '8 hours') at time zone 'UTC')::int) as on_time
                  from sharing_requests group by provider having count(*) >= 5)
       select (select count(*)::int from sharing_requests where replied_at is null and reply_due_on < '2026-12-02') as overdue,
              count(*) filter (where on_time = 1)::int as always, count(*) filter (where on_time < 0.6)::int as often_late from p`,
    );
    expect(r.overdue).toBeGreaterThan(0);
    expect(r.always).toBeGreaterThan(0);
    expect(r.often_late).toBeGreaterThan(0);
  });

  it('scores 2026-11 with the ledger indicators, 不适用 where nothing fell due', async () => {
    const result = await score(database, defaultScheme);
    const values = (code: string) => result.departments.map((d) => d.indicators[code]);
    expect(values('demand_response_rate').some((i) => i.notApplicable)).toBe(true);
    expect(values('demand_response_rate').some((i) => i.value !== null && i.value < 1)).toBe(true);
    expect(values('satisfaction_score').some((i) => i.value !== null)).toBe(true);
    expect(values('resource_utilization_rate').every((i) => i.value !== null && i.value < 1)).toBe(true); // every department has 僵尸 resources
    expect(result.departments.every((d) => !d.missing.some((m) => ['demand_response_rate', 'satisfaction_score', 'resources_published'].includes(m)))).toBe(true);
  });

  it('re-runs the self-reporting attack: under the ledger scheme only the still self-reported rates move the last department', async () => {
    const before = await score(database, defaultScheme);
    const last = before.departments[before.departments.length - 1];
    const rates = Object.fromEntries(SELF_REPORTED_RATES.map((c) => [c, 1]));
    const after = await underAttack(defaultScheme, last.department, rates);
    const lift = after.total - last.total;
    // the same department under the self-reported scheme, with everything the issue reported (rates 1, satisfaction 100, 500 resources)
    const v1Before = (await score(database, selfReportedScheme)).departments.find((d) => d.department === last.department)!;
    const v1After = await underAttack(selfReportedScheme, last.department, {
      ...rates, demand_response_rate: 1, delivery_timeliness_rate: 1, objection_resolution_rate: 1, satisfaction_score: 100, resources_published: 500,
    });
    const v1Lift = v1After.total - v1Before.total;
    console.log(`attack on ${last.department}: ledger scheme ${last.total.toFixed(1)} (rank ${last.rank}) → ${after.total.toFixed(1)} (rank ${after.rank}), +${lift.toFixed(1)}; ` +
      `self-reported scheme ${v1Before.total.toFixed(1)} (rank ${v1Before.rank}) → ${v1After.total.toFixed(1)} (rank ${v1After.rank}), +${v1Lift.toFixed(1)}`);
    // docs/scoring.md "The self-reporting attack, re-run": +5.7 points under the ledger scheme against +23.0 under the self-reported one
    expect([last.department, last.rank, last.total.toFixed(1), after.total.toFixed(1), after.rank]).toEqual(['GJJ', 60, '38.5', '44.2', 55]);
    expect([v1Before.total.toFixed(1), v1Before.rank, v1After.total.toFixed(1), v1After.rank]).toEqual(['46.5', 57, '69.5', 6]);
    expect(lift).toBeGreaterThan(0);
    expect(lift).toBeLessThan(v1Lift);
    expect(after.total - last.total).toBeLessThanOrEqual(100 * (0.3 * 0.15 + 0.35 * 0.5) + 1e-9); // at most the self-reported weight (positive list + four quality rates)
  });
});
