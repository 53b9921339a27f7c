// The period matrix in SQL against a small fixture computed by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';
import { loadPeriodMatrix } from '@/db/queries/matrix';
import { seedBasics } from '@/lib/ingest/test-support';
import { parsePeriod } from '@/lib/periods/codes';
import { DEFAULT_DAMPENING, NO_DAMPENING, parseSchemeOrThrow, selfReportedScheme as defaultScheme } from '@/lib/scoring';
import type { Database } from '@/db/types';

let database: Database;
// The day the ledgers' clocks read: this scheme has no ledger indicator, so any day gives the same matrix.
const TODAY = '2026-12-03';

// The default scheme rolls metrics up with last and mean; this one also uses sum and max.
// Dampening is off here (the hand-computed counts are raw); its own test below turns it on.
const scheme = parseSchemeOrThrow({
  ...defaultScheme,
  dampening: NO_DAMPENING,
  dimensions: defaultScheme.dimensions.map((d) => ({
    ...d,
    indicators: d.indicators.map((i) =>
      i.code === 'scenarios_supported' ? { ...i, aggregate: 'sum' } : i.code === 'satisfaction_score' ? { ...i, aggregate: 'max' } : i,
    ),
  })),
});

beforeAll(async () => {
  database = await createTestDatabase();
  await seedBasics(database); // GAT, MZT, RST, SWJ
  await database.query(`insert into departments (code, name, active) values ('OLD', '已撤并部门', false)`);
  await database.query(`insert into sharing_events (day, provider, consumer, resource, calls, records, failures) values
    ('2026-07-05', 'GAT', 'MZT', 'r1', 100, 1000, 10),
    ('2026-08-05', 'GAT', 'MZT', 'r2', 50, 500, 0),
    ('2026-09-10', 'GAT', 'RST', 'r1', 50, 100, 5),
    ('2026-07-06', 'GAT', 'GAT', 'r1', 1000, 99999, 500),  -- a self-call: earns nothing
    ('2026-07-01', 'MZT', 'GAT', 'r1', 0, 0, 0),            -- no calls: not a consumer
    ('2026-10-01', 'MZT', 'RST', 'r1', 10, 10, 0),          -- after the quarter
    ('2026-06-30', 'RST', 'GAT', 'r1', 10, 10, 0),          -- before the quarter
    ('2026-08-01', 'OLD', 'GAT', 'r1', 10, 10, 0)           -- an inactive provider is not ranked`);
  await database.query(`insert into indicator_values (department_code, period, indicator, value, superseded_at) values
    ('GAT', '2026-07', 'resources_published', 10, null),
    ('GAT', '2026-08', 'resources_published', 12, null),
    ('MZT', '2026-09', 'resources_published', 5, null),
    ('GAT', '2026-07', 'accuracy_rate', 0.2, now()),        -- replaced: history only
    ('GAT', '2026-07', 'accuracy_rate', 0.8, null),
    ('GAT', '2026-08', 'accuracy_rate', 0.9, null),
    ('GAT', '2026-09', 'accuracy_rate', 1.0, null),
    ('GAT', '2026-10', 'accuracy_rate', 0.1, null),          -- after the quarter
    ('GAT', '2026-07', 'scenarios_supported', 1, null),
    ('GAT', '2026-08', 'scenarios_supported', 2, null),
    ('GAT', '2026-09', 'scenarios_supported', 3, null),
    ('GAT', '2026-07', 'satisfaction_score', 70, null),
    ('GAT', '2026-08', 'satisfaction_score', 90, null),
    ('GAT', '2026-09', 'satisfaction_score', 80, null)`);
  await database.query(`insert into incidents (department_code, occurred_on, kind, points, description, exemption_status, created_by) values
    ('GAT', '2026-07-10', 'quality', 3, 'x', 'none', 't'),
    ('GAT', '2026-08-10', 'security', 2, 'x', 'granted', 't'),
    ('MZT', '2026-08-11', 'quality', 1, 'x', 'requested', 't'),
    ('RST', '2026-10-02', 'quality', 5, 'x', 'none', 't')`);
});
afterAll(() => database.close());

describe('period matrix', () => {
  it('aggregates a quarter by hand-computed values', async () => {
    const input = await loadPeriodMatrix(database, parsePeriod('2026-Q3')!, scheme, TODAY);
    expect(input.departments.map((d) => d.code)).toEqual(['GAT', 'MZT', 'RST', 'SWJ']);
    expect(new Set(input.departments.map((d) => d.group))).toEqual(new Set(['省直部门'])); // by level, none set
    expect(input.values.GAT).toEqual({
      records_delivered: 1600,
      calls_served: 200,
      consumer_departments: 2, // MZT in July and August counts once
      service_success_rate: 1 - 15 / 200,
      resources_published: 12, // last month reported
      accuracy_rate: 0.9, // mean of the current values
      scenarios_supported: 6, // sum
      satisfaction_score: 90, // max
    });
    expect(input.values.MZT).toEqual({ records_delivered: 0, calls_served: 0, consumer_departments: 0, service_success_rate: null, resources_published: 5 });
    expect(input.values.SWJ).toEqual({ records_delivered: 0, calls_served: 0, consumer_departments: 0 });
    expect(input.incidents).toEqual([
      { department: 'GAT', points: 3, exempt: false },
      { department: 'MZT', points: 1, exempt: false },
    ]);
  });

  it('counts distinct consumers over the whole period, not per month', async () => {
    const july = await loadPeriodMatrix(database, parsePeriod('2026-07')!, scheme, TODAY);
    const august = await loadPeriodMatrix(database, parsePeriod('2026-08')!, scheme, TODAY);
    const september = await loadPeriodMatrix(database, parsePeriod('2026-09')!, scheme, TODAY);
    const monthly = [july, august, september].map((m) => m.values.GAT.consumer_departments as number);
    expect(monthly).toEqual([1, 1, 1]);
    expect(july.values.GAT).toMatchObject({ records_delivered: 1000, calls_served: 100, service_success_rate: 0.9, accuracy_rate: 0.8 });
  });

  it('covers the year, and an empty period gives zeros and nothing else', async () => {
    const year = await loadPeriodMatrix(database, parsePeriod('2026')!, scheme, TODAY);
    expect(year.values.MZT).toMatchObject({ calls_served: 10, consumer_departments: 1, service_success_rate: 1 });
    expect(year.values.RST).toMatchObject({ calls_served: 10, consumer_departments: 1 });
    expect(year.values.GAT.accuracy_rate).toBeCloseTo((0.8 + 0.9 + 1.0 + 0.1) / 4, 12);
    expect(year.incidents).toContainEqual({ department: 'RST', points: 5, exempt: false });
    const empty = await loadPeriodMatrix(database, parsePeriod('2025-01')!, scheme, TODAY);
    expect(empty.values.GAT).toEqual({ records_delivered: 0, calls_served: 0, consumer_departments: 0 });
    expect(empty.incidents).toEqual([]);
  });

  it('dampens: a consumer counts only with real use, and no consumer carries more than consumerCap × the median', async () => {
    // PRV is served by three steady consumers (40 calls on each of 3 days), one friend's
    // 100,000 calls in one day, and a sock puppet's single call.
    await database.query(`insert into departments (code, name, peer_group) values ('PRV', '测试提供方', '垂直管理及群团单位'),
      ('C1', '甲', null), ('C2', '乙', null), ('C3', '丙', null), ('FR', '友', null), ('SP', '傀', null)`);
    await database.query(`insert into sharing_events (day, provider, consumer, resource, calls, records, failures)
      select d, 'PRV', c, 'r', 40, 1, 0 from unnest(array['C1', 'C2', 'C3']) c, unnest(array['2026-05-04', '2026-05-05', '2026-05-06']::date[]) d
      union all select '2026-05-07', 'PRV', 'C1', 'r', 0, 0, 0
      union all select '2026-05-07', 'PRV', 'FR', 'r', 100000, 0, 0
      union all select '2026-05-08', 'PRV', 'SP', 'r', 1, 0, 0`);
    const may = parsePeriod('2026-05')!;
    const raw = (await loadPeriodMatrix(database, may, scheme, TODAY)).values.PRV;
    expect(raw).toMatchObject({ calls_served: 360 + 100_000 + 1, consumer_departments: 5 });
    const damped = await loadPeriodMatrix(database, may, { ...scheme, dampening: DEFAULT_DAMPENING }, TODAY);
    // Real consumers: C1–C3 (120 calls on 3 days each; a day with 0 calls is no use). The
    // friend (one day) and the puppet (one call) are not. Each consumer counts ≤ 2 × 120.
    expect(damped.values.PRV).toMatchObject({ calls_served: 360 + 240 + 1, consumer_departments: 3 });
    expect(damped.departments.find((d) => d.code === 'PRV')!.group).toBe('垂直管理及群团单位');
  });
});
