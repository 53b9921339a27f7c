// The ledger indicators (docs/scoring.md "Ledger indicators") in SQL, on hand-made rows.
// Period 2026-Q4 scored on 2026-11-20 (Beijing), so D = min(end, today) = 2026-11-20.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';
import { rolledBack } from './support/demo-province';
import { loadLedgerCounts } from '@/db/queries/ledger-indicators';
import { loadPeriodMatrix } from '@/db/queries/matrix';
import { setDatabase } from '@/db/client';
import { departmentLedgerLines, pageLedgerLines } from '@/lib/ledgers/department-lines';
import { seedBasics } from '@/lib/ingest/test-support';
import { replyDueOn } from '@/lib/ledgers/clocks';
import { calendarFrom } from '@/lib/periods/calendar';
import { parsePeriod } from '@/lib/periods/codes';
import { allIndicators, defaultScheme, ledgerValue, NO_LEDGER_ROWS, selfReportedScheme, type LedgerCounts } from '@/lib/scoring';
import type { Database } from '@/db/types';
import { indicatorValues } from '@/db/schema';

let database: Database;
const Q4 = { startsOn: '2026-10-01', endsOn: '2026-12-31' };
const TODAY = '2026-11-20';

// National Day 10-01..10-08 off; Saturday 10-10 a make-up workday.
const calendar = calendarFrom([
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => ({ day: `2026-10-${d}`, kind: 'holiday' })),
  { day: '2026-10-10', kind: 'workday' },
]);
// Friday 10-09 09:00, unconditional: one working day → the make-up Saturday 10-10.
const HOLIDAY_DUE = replyDueOn(new Date('2026-10-09T09:00:00+08:00'), 'unconditional', calendar);
// Wednesday 09-30, unconditional: the holiday is skipped → Friday 10-09.
const ACROSS_HOLIDAY_DUE = replyDueOn(new Date('2026-09-30T16:00:00+08:00'), 'unconditional', calendar);

const request = (id: string, provider: string, due: string, replied: string | null, extra: Partial<Record<string, string | number | null>> = {}) => ({
  request: id,
  consumer: extra.consumer ?? 'MZT',
  provider,
  submitted: extra.submitted ?? '2026-10-09T09:00:00+08:00',
  replied,
  decision: replied ? (extra.decision ?? 'approved') : 'pending',
  replyDue: due,
  delivered: extra.delivered ?? null,
  deliveryDue: extra.deliveryDue ?? null,
  rating: extra.rating ?? null,
  ratingSource: extra.rating ? (extra.ratingSource ?? 'platform') : null,
});
type Req = ReturnType<typeof request>;

async function insertRequests(rows: Req[]) {
  for (const r of rows) {
    await database.query(
      `insert into sharing_requests (request, consumer, provider, purpose, submitted_at, replied_at, decision, delivered_at, rating, rating_source, reply_due_on, delivery_due_on)
       values ($1, $2, $3, '业务办理', $4, $5, $6, $7, $8, $9, $10, $11)`,
      [r.request, r.consumer, r.provider, r.submitted, r.replied, r.decision, r.delivered, r.rating, r.ratingSource, r.replyDue, r.deliveryDue],
    );
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedBasics(database); // GAT, MZT, RST, SWJ
  await insertRequests([
    // GAT replies: due 10-10 (make-up workday): 23:59 Beijing on time, 00:00 next day late.
    request('G1', 'GAT', HOLIDAY_DUE, '2026-10-10T23:59:00+08:00'),
    request('G2', 'GAT', HOLIDAY_DUE, '2026-10-11T00:00:00+08:00'),
    // due 10-09 across the holiday, replied 10-09 17:00 → on time
    request('G3', 'GAT', ACROSS_HOLIDAY_DUE, '2026-10-09T17:00:00+08:00', { submitted: '2026-09-30T16:00:00+08:00' }),
    // open and overdue (due 11-10, today 11-20): late
    request('G4', 'GAT', '2026-11-10', null),
    // open, not yet due (due 11-25): not counted
    request('G5', 'GAT', '2026-11-25', null),
    // open, due today: not yet overdue, not counted
    request('G6', 'GAT', TODAY, null),
    // due in Q3: another period
    request('G7', 'GAT', '2026-09-29', '2026-09-28T10:00:00+08:00', { submitted: '2026-09-25T10:00:00+08:00' }),
    // late, but the appeal naming it was upheld: on time
    request('G8', 'GAT', '2026-10-20', '2026-10-23T10:00:00+08:00'),
    // late, appeal still open: late
    request('G9', 'GAT', '2026-10-21', '2026-10-23T10:00:00+08:00'),
    // answered early though due after today: counts (done)
    request('G10', 'GAT', '2026-11-27', '2026-11-19T10:00:00+08:00', { decision: 'refused' }),
    // GAT deliveries (approved): due 11-05 delivered 11-05 23:59 on time; due 11-06 delivered late; due 11-09 open → late;
    // ratings 5, 4, 3 on deliveries in the period → 25·(4 − 1) = 75
    request('D1', 'GAT', '2026-10-12', '2026-10-12T10:00:00+08:00', { deliveryDue: '2026-11-05', delivered: '2026-11-05T23:59:00+08:00', rating: 5 }),
    request('D2', 'GAT', '2026-10-12', '2026-10-12T10:00:00+08:00', { deliveryDue: '2026-11-06', delivered: '2026-11-07T08:00:00+08:00', rating: 4 }),
    request('D3', 'GAT', '2026-10-12', '2026-10-12T10:00:00+08:00', { deliveryDue: '2026-11-09', rating: null }),
    request('D4', 'GAT', '2026-10-12', '2026-10-12T10:00:00+08:00', { deliveryDue: '2026-12-09', delivered: '2026-11-10T10:00:00+08:00', rating: 3, ratingSource: 'consumer' }),
    // refused: no delivery clock even with a delivery due day stored by mistake
    request('D5', 'GAT', '2026-10-12', '2026-10-12T10:00:00+08:00', { decision: 'refused', deliveryDue: '2026-11-02' }),
    // delivered 2026-09-30 23:30 Beijing (15:30 UTC): Q3's rating, not Q4's
    request('D6', 'GAT', '2026-09-20', '2026-09-20T10:00:00+08:00', { submitted: '2026-09-18T10:00:00+08:00', deliveryDue: '2026-09-30', delivered: '2026-09-30T23:30:00+08:00', rating: 1 }),
    // MZT: two ratings only → satisfaction missing
    request('M1', 'MZT', '2026-10-12', '2026-10-12T10:00:00+08:00', { consumer: 'GAT', deliveryDue: '2026-11-05', delivered: '2026-11-01T10:00:00+08:00', rating: 5 }),
    request('M2', 'MZT', '2026-10-12', '2026-10-12T10:00:00+08:00', { consumer: 'GAT', deliveryDue: '2026-11-05', delivered: '2026-11-01T10:00:00+08:00', rating: 5 }),
  ]);
  await database.query(`insert into data_objections (objection, consumer, provider, resource, kind, submitted_at, resolved_at, outcome, source, due_on) values
    ('O1', 'MZT', 'GAT', 'GAT-R01', 'accuracy', '2026-10-12T10:00:00+08:00', '2026-10-26T20:00:00+08:00', 'corrected', 'platform', '2026-10-26'),
    ('O2', 'MZT', 'GAT', 'GAT-R01', 'accuracy', '2026-10-12T10:00:00+08:00', null, 'pending', 'consumer', '2026-10-26'),
    ('O3', 'MZT', 'GAT', 'GAT-R01', 'other', '2026-11-18T10:00:00+08:00', null, 'pending', 'platform', '2026-12-02'),
    ('O4', 'RST', 'MZT', 'MZT-R01', 'other', '2026-10-12T10:00:00+08:00', '2026-10-30T10:00:00+08:00', 'rejected', 'platform', '2026-10-26')`);
  await database.query(`insert into periods (code, kind, starts_on, ends_on) values ('2026-Q4', 'quarter', '2026-10-01', '2026-12-31')`);
  await database.query(`insert into appeals (period, department_code, ledger_kind, ledger_id, reason, status, created_by) values
    ('2026-Q4', 'GAT', 'request', 'G8', '已按期答复，平台记录有误', 'accepted', 'gat'),
    ('2026-Q4', 'GAT', 'request', 'G9', '已按期答复', 'open', 'gat'),
    ('2026-Q4', 'MZT', 'objection', 'O1', '他人的行', 'accepted', 'mzt')`);
  // Catalog: GAT-R01..R04. R01 unconditional; R02 conditional, withdrawn in a version of 11-10;
  // R03 none (legal basis) until a version of 11-30 (after D) makes it conditional; R04 conditional.
  await database.query(`insert into catalog_versions (resource, provider, name, share_type, legal_basis, update_cycle, published_on, updated_on, status, superseded_at) values
    ('GAT-R01', 'GAT', '人口基本信息', 'unconditional', null, 'daily', '2026-01-05', '2026-01-05', 'active', null),
    ('GAT-R02', 'GAT', '户籍迁移', 'conditional', null, 'daily', '2026-01-05', '2026-01-05', 'active', now()),
    ('GAT-R02', 'GAT', '户籍迁移', 'conditional', null, 'daily', '2026-01-05', '2026-11-10', 'withdrawn', null),
    ('GAT-R03', 'GAT', '侦查信息', 'none', '《中华人民共和国刑事诉讼法》', 'monthly', '2026-01-05', '2026-01-05', 'active', now()),
    ('GAT-R03', 'GAT', '侦查信息', 'conditional', null, 'monthly', '2026-01-05', '2026-11-30', 'active', null),
    ('GAT-R04', 'GAT', '出入境记录', 'conditional', null, 'daily', '2026-01-05', '2026-01-05', 'active', null),
    ('GAT-R05', 'GAT', '新资源', 'unconditional', null, 'daily', '2026-11-25', '2026-11-25', 'active', null)`);
  await database.query(`insert into sharing_events (day, provider, consumer, resource, calls, records, failures) values
    ('2026-10-15', 'GAT', 'MZT', 'GAT-R01', 10, 100, 2),   -- called by another department: counts
    ('2026-10-15', 'GAT', 'GAT', 'GAT-R04', 10, 100, 0),   -- a self-call: does not count
    ('2026-10-16', 'GAT', 'RST', 'GAT-R04', 5, 0, 5),      -- every call failed: does not count
    ('2026-11-21', 'GAT', 'RST', 'GAT-R04', 5, 5, 0),      -- after D (today): does not count
    ('2026-10-16', 'MZT', 'RST', 'GAT-R04', 5, 5, 0)       -- another provider: not GAT's resource`);
});
afterAll(async () => {
  setDatabase(undefined);
  await database.close();
});

const countsOf = async (department: string, today = TODAY): Promise<LedgerCounts> =>
  (await loadLedgerCounts(database, Q4, today)).find((c) => c.department === department) ?? NO_LEDGER_ROWS(department);

describe('ledger indicators', () => {
  it('counts the clocks across a holiday and a make-up workday', () => {
    expect(HOLIDAY_DUE).toBe('2026-10-10');
    expect(ACROSS_HOLIDAY_DUE).toBe('2026-10-09');
  });

  it('demand_response_rate: on time at 23:59 Beijing, late at 00:00, open-and-overdue late, open-not-due not counted, upheld appeal on time', async () => {
    const c = await countsOf('GAT');
    // due in Q4 and done or overdue: G1 G2 G3 G4 G8 G9 G10 D1–D5 (the D rows replied on time on 10-12)
    expect({ onTime: c.repliedOnTime, due: c.repliesDue }).toEqual({ onTime: 9, due: 12 }); // late: G2, G4, G9
    expect(ledgerValue('demand_response_rate', c)).toEqual({ value: 9 / 12, notApplicable: false });
  });

  it('delivery_timeliness_rate: approved requests due for delivery, open past due late, refused not counted', async () => {
    const c = await countsOf('GAT');
    // D1 on time (23:59), D2 late, D3 open and overdue, D4 delivered early (due 12-09, counts, on time)
    expect({ onTime: c.deliveredOnTime, due: c.deliveriesDue }).toEqual({ onTime: 2, due: 4 });
  });

  it('objection_resolution_rate: consumer-filed objections count; an appeal of another department does not', async () => {
    const gat = await countsOf('GAT');
    expect({ onTime: gat.resolvedOnTime, due: gat.objectionsDue }).toEqual({ onTime: 1, due: 2 }); // O1 on time, O2 (consumer) overdue, O3 not due
    const mzt = await countsOf('MZT');
    expect({ onTime: mzt.resolvedOnTime, due: mzt.objectionsDue }).toEqual({ onTime: 0, due: 1 }); // O4 late; the upheld appeal names O1, GAT's row
  });

  it('satisfaction_score = 25·(mean − 1) over ratings delivered in the period (Beijing date); missing below 3 ratings', async () => {
    const gat = await countsOf('GAT');
    expect({ n: gat.ratings, sum: gat.ratingSum }).toEqual({ n: 3, sum: 12 }); // D6 was delivered on 09-30 Beijing
    expect(ledgerValue('satisfaction_score', gat)).toEqual({ value: 75, notApplicable: false });
    const mzt = await countsOf('MZT');
    expect(mzt.ratings).toBe(2);
    expect(ledgerValue('satisfaction_score', mzt)).toEqual({ value: null, notApplicable: false });
  });

  it('reads the catalog as of min(period end, today), per resource its latest version', async () => {
    const c = await countsOf('GAT');
    // on 11-20: R01 active unconditional, R02 withdrawn, R03 active none, R04 active conditional; R05 not yet
    expect({ active: c.activeResources, shareable: c.shareableResources }).toEqual({ active: 3, shareable: 2 });
    expect(ledgerValue('resources_published', c).value).toBe(2);
    expect(ledgerValue('shareable_rate', c).value).toBeCloseTo(2 / 3, 12);
    // before R02's withdrawal (scored on 11-09): four active
    const earlier = await countsOf('GAT', '2026-11-09');
    expect({ active: earlier.activeResources, shareable: earlier.shareableResources }).toEqual({ active: 4, shareable: 3 });
    // after the period (scored 2027-01-05): D = 12-31, R03 is conditional now, R05 published
    const later = await countsOf('GAT', '2027-01-05');
    expect({ active: later.activeResources, shareable: later.shareableResources }).toEqual({ active: 4, shareable: 4 });
  });

  it('resource_utilization_rate counts only calls by other departments with calls > failures', async () => {
    const c = await countsOf('GAT');
    expect(c.calledResources).toBe(1); // R01 only
    expect(ledgerValue('resource_utilization_rate', c).value).toBe(1 / 2);
  });

  it('gives 不适用 when nothing is due, and feeds the matrix with it', async () => {
    const swj = await countsOf('SWJ');
    for (const code of ['demand_response_rate', 'delivery_timeliness_rate', 'objection_resolution_rate', 'shareable_rate', 'resource_utilization_rate'] as const) {
      expect(ledgerValue(code, swj)).toEqual({ value: null, notApplicable: true });
    }
    const input = await loadPeriodMatrix(database, parsePeriod('2026-Q4')!, defaultScheme, TODAY);
    expect(input.values.GAT).toMatchObject({ demand_response_rate: 0.75, delivery_timeliness_rate: 0.5, objection_resolution_rate: 0.5, satisfaction_score: 75, resources_published: 2 });
    expect(input.values.SWJ).toMatchObject({ resources_published: 0, satisfaction_score: null, demand_response_rate: null });
    expect(input.notApplicable?.SWJ).toEqual(['shareable_rate', 'demand_response_rate', 'delivery_timeliness_rate', 'objection_resolution_rate', 'resource_utilization_rate']);
    expect(input.notApplicable?.GAT).toBeUndefined();
    expect(input.notApplicable?.MZT).toEqual(['shareable_rate', 'resource_utilization_rate']); // MZT has replies, deliveries and an objection due, but no catalog
  });

  it('gives a department page its numerators and denominators (按期答复 9 / 12), 不适用 when nothing is due', async () => {
    setDatabase(database);
    const lines = await departmentLedgerLines('GAT', Q4, allIndicators(defaultScheme), TODAY);
    expect(Object.fromEntries(lines.map((l) => [l.code, [l.numerator, l.denominator, l.notApplicable]]))).toEqual({
      resources_published: [2, null, false],
      shareable_rate: [2, 3, false],
      demand_response_rate: [9, 12, false],
      delivery_timeliness_rate: [2, 4, false],
      objection_resolution_rate: [1, 2, false],
      resource_utilization_rate: [1, 2, false],
      satisfaction_score: [12, 3, false],
    });
    expect(lines.find((l) => l.code === 'satisfaction_score')!.meanRating).toBe(4);
    expect(lines.find((l) => l.code === 'demand_response_rate')!.value).toBe(0.75);
    expect(lines.every((l) => l.selfReported === null)).toBe(true); // GAT reported none of them
    const swj = await departmentLedgerLines('SWJ', Q4, allIndicators(defaultScheme), TODAY);
    expect(swj.find((l) => l.code === 'demand_response_rate')).toMatchObject({ numerator: 0, denominator: 0, notApplicable: true });
    // what a department once reported itself stands beside what the ledgers say: a rate as its
    // months' mean, a count as its latest month; a replaced value and months outside the period are left out
    await database.db.insert(indicatorValues).values([
      { departmentCode: 'SWJ', period: '2026-10', indicator: 'demand_response_rate', value: 1 },
      { departmentCode: 'SWJ', period: '2026-11', indicator: 'demand_response_rate', value: 0.9 },
      { departmentCode: 'SWJ', period: '2026-11', indicator: 'demand_response_rate', value: 0.1, supersededAt: new Date('2026-11-15T00:00:00Z') },
      { departmentCode: 'SWJ', period: '2026-09', indicator: 'demand_response_rate', value: 0 },
      { departmentCode: 'SWJ', period: '2026-10', indicator: 'resources_published', value: 500 },
      { departmentCode: 'SWJ', period: '2026-11', indicator: 'resources_published', value: 450 },
      { departmentCode: 'SWJ', period: '2026-11', indicator: 'completeness_rate', value: 1 },
    ]);
    const swjReported = await departmentLedgerLines('SWJ', Q4, allIndicators(defaultScheme), TODAY);
    expect(swjReported.find((l) => l.code === 'demand_response_rate')!.selfReported).toBeCloseTo(0.95, 12);
    expect(swjReported.find((l) => l.code === 'resources_published')!.selfReported).toBe(450);
    expect(swjReported.find((l) => l.code === 'shareable_rate')!.selfReported).toBeNull(); // never self-reported: nothing to compare
    // under the self-reported scheme there is nothing to show
    expect(await departmentLedgerLines('GAT', Q4, allIndicators(selfReportedScheme), TODAY)).toEqual([]);
    // a page's lines (cached per scores shown and day) are these very lines
    const page = { period: { code: '2026-Q4', ...Q4 }, stamp: 'g1@2026-11-20T00:00:00.000Z', scheme: { indicators: allIndicators(defaultScheme) } };
    expect(await pageLedgerLines('SWJ', page, TODAY)).toEqual(swjReported);
  });

  it("gives one department's page the province's counts for it, also for a resource handed from one provider to another", async () => {
    const [forGat, forMzt] = await rolledBack(database, async (tx) => {
      // GAT-R06 was MZT's, then GAT's (before D); MZT-R07 was GAT's, then MZT's
      await tx.query(`insert into catalog_versions (resource, provider, name, share_type, legal_basis, update_cycle, published_on, updated_on, status, superseded_at) values
        ('GAT-R06', 'MZT', '婚姻登记', 'conditional', null, 'daily', '2026-01-05', '2026-01-05', 'active', now()),
        ('GAT-R06', 'GAT', '婚姻登记', 'conditional', null, 'daily', '2026-01-05', '2026-11-01', 'active', null),
        ('MZT-R07', 'GAT', '社会组织', 'unconditional', null, 'daily', '2026-01-05', '2026-01-05', 'active', now()),
        ('MZT-R07', 'MZT', '社会组织', 'unconditional', null, 'daily', '2026-01-05', '2026-11-02', 'active', null)`);
      const province = await loadLedgerCounts(tx, Q4, TODAY);
      const one = async (code: string) => [(await loadLedgerCounts(tx, Q4, TODAY, code))[0], province.find((c) => c.department === code)];
      return [await one('GAT'), await one('MZT')];
    });
    expect(forGat[0]).toEqual(forGat[1]);
    expect(forMzt[0]).toEqual(forMzt[1]);
    expect(forGat[0]!.activeResources).toBe(4); // R01, R03, R04 and R06 now; not R07
    expect(forMzt[0]!.activeResources).toBe(1); // R07 only
  });

  it("reads one department's catalog through its resources, not the whole catalog (docs/performance.md)", async () => {
    const plan = await rolledBack(database, async (tx) => {
      await tx.query('set local enable_seqscan = off'); // the test catalog is small enough for any plan: ask for the indexed one
      const lines: string[] = [];
      const explaining = { ...tx, query: async (text: string, params?: unknown[]) => (lines.push(...(await tx.query<{ 'QUERY PLAN': string }>(`explain ${text}`, params)).map((r) => r['QUERY PLAN'])), []) };
      await loadLedgerCounts(explaining as typeof tx, Q4, TODAY, 'GAT');
      return lines.join('\n');
    });
    // the versions of the department's resources, found by resource in the (resource, updated_on) index
    expect(plan).toMatch(/catalog_versions_resource[\s\S]*?Cond: \(+resource = ANY/);
  });
});
