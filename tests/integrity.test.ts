// Integrity flags (docs/scoring.md, "Integrity") on hand-made events and ledger rows, the
// admin's set-asides of a flagged pair's calls, and who sees which flags through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpikeFlags } from '@/db/queries/integrity';
import { loadPeriodMatrix } from '@/db/queries/matrix';
import { ensurePeriods } from '@/db/queries/periods';
import { setDatabase } from '@/db/client';
import { GET } from '@/app/api/v1/integrity/route';
import { flagMessage } from '@/lib/integrity/present';
import { integrityFor, revokeSetAside, setAsidePair, type IntegrityFlag } from '@/lib/integrity/service';
import { flagBadgeLinks, integrityPageView } from '@/lib/integrity/views';
import { messages } from '@/lib/i18n';
import { chinaDay } from '@/lib/periods/calendar';
import { ADMIN, AUDITOR, LEADER, departmentUser } from '@/lib/periods/test-support';
import { publishPeriod } from '@/lib/assessment/service';
import { fileAppeal } from '@/lib/appeals/service';
import { appealBody } from '@/lib/appeals/http';
import { appealJson } from '@/lib/appeals/present';
import { parsePeriod, periodsOfMonths } from '@/lib/periods/codes';
import { recomputePeriod } from '@/lib/scores';
import { defaultScheme, integrityOf, parseSchemeOrThrow } from '@/lib/scoring';
import { auditEntries, createTestToken, requestAs } from './support/auth';
import { createTestDatabase, type TestDatabase } from './support/db';
import { staleness } from './support/scores';

const PERIOD = '2026-11';
const NOW = new Date('2026-12-05T02:00:00Z');
const HISTORY = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
let database: TestDatabase;

const DEPARTMENTS = ['CONW', 'CONH', 'TWO', 'C1', 'C2', 'C3', 'THIN', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'R1', 'R2', 'SPK', 'SPKH', 'STEADY', 'NEW', 'ZMB', 'SRC', 'SRC2', 'SRC3'];

/** `calls` calls of `consumer` to `provider` in `month`, spread over `days` days (the 1st onward). */
function events(provider: string, consumer: string, month: string, calls: number, days = 3): string[] {
  const rows: string[] = [];
  for (let d = 1; d <= days; d++) {
    const share = Math.floor(calls / days) + (d <= calls % days ? 1 : 0);
    rows.push(`('${provider}', '${month}-${String(d).padStart(2, '0')}', '${consumer}', '${provider}-R1', ${share}, ${share}, 0)`);
  }
  return rows;
}

beforeAll(async () => {
  database = await createTestDatabase();
  setDatabase(database);
  await database.query(`insert into departments (code, name) values ${DEPARTMENTS.map((c) => `('${c}', '部门${c}')`).join(', ')}`);
  await database.transaction((tx) => ensurePeriods(tx, periodsOfMonths([...HISTORY, PERIOD])));
  const rows = [
    // Concentration: 60 % (warn) and 90 % (high) from C1; two consumers only: not judged.
    ...events('CONW', 'C1', PERIOD, 600), ...events('CONW', 'C2', PERIOD, 200), ...events('CONW', 'C3', PERIOD, 200),
    ...events('CONH', 'C1', PERIOD, 900), ...events('CONH', 'C2', PERIOD, 50), ...events('CONH', 'C3', PERIOD, 50),
    ...events('TWO', 'C1', PERIOD, 900), ...events('TWO', 'C2', PERIOD, 100),
    // Thin consumers: three real ones and six with one call on one day (6 of 9).
    ...events('THIN', 'C1', PERIOD, 100), ...events('THIN', 'C2', PERIOD, 100), ...events('THIN', 'C3', PERIOD, 100),
    ...['T1', 'T2', 'T3', 'T4', 'T5', 'T6'].flatMap((t) => events('THIN', t, PERIOD, 1, 1)),
    // A reciprocal pair: R2 makes 500 of R1's 600 calls, R1 400 of R2's 800.
    ...events('R1', 'R2', PERIOD, 500), ...events('R1', 'C1', PERIOD, 100),
    ...events('R2', 'R1', PERIOD, 400), ...events('R2', 'C2', PERIOD, 400),
    // Spikes against six months of history: median 1,000, MAD 200 → z 4.05 (2,200) and 6.75 (3,000);
    // a steady one (MAD 50) 30 % up is z 4.05 too, but below 1.5 × its median: no spike.
    ...HISTORY.flatMap((m, i) => [...events('SPK', 'C1', m, [1000, 1400, 600, 1200, 800, 1000][i]), ...events('SPKH', 'C1', m, [1000, 1400, 600, 1200, 800, 1000][i])]),
    ...HISTORY.flatMap((m, i) => events('STEADY', 'C1', m, [1000, 1100, 900, 1050, 950, 1000][i])),
    ...events('SPK', 'C1', PERIOD, 2200), ...events('SPKH', 'C1', PERIOD, 3000), ...events('STEADY', 'C1', PERIOD, 1300),
    // Two months of history, then a jump in July: too little history for a z.
    ...events('NEW', 'C1', '2026-05', 100), ...events('NEW', 'C1', '2026-06', 120), ...events('NEW', 'C1', '2026-07', 5000),
    // The zombie provider's one called resource.
    `('ZMB', '2026-10-03', 'C1', 'ZMB-A', 10, 10, 0)`,
  ];
  await database.query(`insert into sharing_events (provider, day, consumer, resource, calls, records, failures) values ${rows.join(', ')}`);
  // Catalog: four active shareable resources published long ago, one called (ZMB-A); a 不予共享
  // one, a withdrawn one and one published last month do not count.
  const catalog = [
    ['ZMB-A', 'unconditional', '2026-01-01', 'active'],
    ['ZMB-B', 'conditional', '2026-01-01', 'active'],
    ['ZMB-C', 'unconditional', '2026-01-01', 'active'],
    ['ZMB-D', 'unconditional', '2026-01-01', 'active'],
    ['ZMB-E', 'none', '2026-01-01', 'active'],
    ['ZMB-F', 'unconditional', '2026-01-01', 'withdrawn'],
    ['ZMB-G', 'unconditional', '2026-10-01', 'active'],
  ];
  for (const [resource, shareType, publishedOn, status] of catalog) {
    await database.query(
      `insert into catalog_versions (resource, provider, name, share_type, legal_basis, update_cycle, published_on, updated_on, status)
       values ($1, 'ZMB', $1, $2, $3, 'monthly', $4, $4, $5)`,
      [resource, shareType, shareType === 'none' ? '《某法》第十条' : null, publishedOn, status],
    );
  }
  // Self-reports: SRC says 98 % accurate, SRC2 97 % complete, SRC3 90 % accurate.
  await database.query(`insert into indicator_values (department_code, period, indicator, value) values
    ('SRC', '${PERIOD}', 'accuracy_rate', 0.98), ('SRC2', '${PERIOD}', 'completeness_rate', 0.97), ('SRC3', '${PERIOD}', 'accuracy_rate', 0.9)`);
  const objection = (id: string, provider: string, kind: string, outcome: string) =>
    database.query(
      `insert into data_objections (objection, consumer, provider, resource, kind, submitted_at, outcome, due_on)
       values ($1, 'C1', $2, 'X', $3, '2026-11-10T10:00:00+08:00', $4, '2026-11-24')`,
      [id, provider, kind, outcome],
    );
  for (const [i, outcome] of ['pending', 'corrected', 'corrected', 'rejected'].entries()) await objection(`O-SRC-${i}`, 'SRC', 'accuracy', outcome);
  for (const i of [0, 1, 2]) await objection(`O-SRC2-${i}`, 'SRC2', 'completeness', 'pending');
  for (const i of [0, 1, 2]) await objection(`O-SRC3-${i}`, 'SRC3', 'accuracy', 'pending');
  for (const [i, rating] of [2, 2, 3].entries()) {
    await database.query(
      `insert into sharing_requests (request, consumer, provider, resource, purpose, submitted_at, replied_at, decision, delivered_at, rating, reply_due_on)
       values ($1, 'C2', 'SRC', null, '业务办理', '2026-11-02T09:00:00+08:00', '2026-11-02T10:00:00+08:00', 'approved', '2026-11-05T10:00:00+08:00', $2, '2026-11-03')`,
      [`REQ-${i}`, rating],
    );
  }
}, 120_000);

afterAll(async () => {
  setDatabase(undefined);
  await database.close();
});

const flagsOf = async (period = PERIOD) => (await integrityFor(database, ADMIN, period)).flags;
const find = (flags: IntegrityFlag[], department: string, kind: string) => flags.filter((f) => f.department === department && f.kind === kind);

describe('integrity flags', () => {
  it('flags consumer concentration above 50 % (warn) and 80 % (high), with its numbers, and only with ≥ 3 consumers', async () => {
    const flags = await flagsOf();
    expect(find(flags, 'CONW', 'consumer_concentration')).toEqual([
      { department: 'CONW', kind: 'consumer_concentration', severity: 'warn', setAside: null, evidence: { partner: 'C1', numerator: 600, denominator: 1000, share: 0.6, consumers: 3 } },
    ]);
    const [high] = find(flags, 'CONH', 'consumer_concentration');
    expect([high.severity, high.evidence.share, high.evidence.partner]).toEqual(['high', 0.9, 'C1']);
    expect(find(flags, 'TWO', 'consumer_concentration')).toEqual([]);
    expect(flagMessage(high, 'zh-CN')).toBe('C1 一家占本期被调用次数的 90%（900/1,000 次，共 3 个使用部门）');
    expect(flagMessage(high, 'en')).toContain('C1 alone makes 90% of the calls served');
  });

  it('flags thin consumers: six of nine below the dampening minimum', async () => {
    const [thin] = find(await flagsOf(), 'THIN', 'thin_consumers');
    expect(thin.severity).toBe('high');
    expect(thin.evidence).toMatchObject({ numerator: 6, denominator: 9, thinCalls: 6, calls: 306, minCalls: 30, minDays: 3 });
    expect(find(await flagsOf(), 'CONW', 'thin_consumers')).toEqual([]);
  });

  it('flags a reciprocal pair once for each of its two departments, with the partner', async () => {
    const flags = (await flagsOf()).filter((f) => f.kind === 'reciprocal_pair');
    expect(flags.map((f) => [f.department, f.evidence.partner, f.severity])).toEqual([
      ['R1', 'R2', 'warn'],
      ['R2', 'R1', 'warn'],
    ]);
    const r1 = flags[0].evidence;
    expect([r1.numerator, r1.denominator, r1.partnerNumerator, r1.partnerDenominator, r1.partnerShare]).toEqual([500, 600, 400, 800, 0.5]);
  });

  it('flags call spikes by robust z against the department’s own months, and none without 3 months of history', async () => {
    const flags = await flagsOf();
    const [warn] = find(flags, 'SPK', 'call_spike');
    const [high] = find(flags, 'SPKH', 'call_spike');
    expect(warn.severity).toBe('warn');
    expect(warn.evidence).toMatchObject({ month: PERIOD, calls: 2200, median: 1000, mad: 200, months: 6 });
    expect(warn.evidence.z as number).toBeCloseTo(1200 / (1.4826 * 200), 6);
    expect((warn.evidence.history as unknown[]).length).toBe(6);
    expect(high.severity).toBe('high');
    expect(high.evidence.z as number).toBeCloseTo(2000 / (1.4826 * 200), 6);
    // No spike elsewhere: STEADY is only 1.3 × its median; the concentration providers have no history (no spread, no z).
    const steady = await loadSpikeFlags(database, parsePeriod(PERIOD)!, integrityOf({ integrity: { spike: { minRatio: 1.2 } } }));
    expect(steady.find((f) => f.department === 'STEADY')?.evidence.z as number).toBeCloseTo(300 / (1.4826 * 50), 6);
    expect(flags.filter((f) => f.kind === 'call_spike').map((f) => f.department)).toEqual(['SPKH', 'SPK']);
    // July: NEW jumps from ~110 to 5,000 on two months of history — not judged; with two it would be.
    expect(find(await flagsOf('2026-07'), 'NEW', 'call_spike')).toEqual([]);
    const july = parsePeriod('2026-07')!;
    const two = await loadSpikeFlags(database, july, integrityOf({ integrity: { spike: { minMonths: 2 } } }));
    expect(two.map((f) => [f.department, f.severity])).toEqual([['NEW', 'high']]);
  });

  it('flags zombie resources: active shareable resources nobody else called for 6 months', async () => {
    const [zombie] = find(await flagsOf(), 'ZMB', 'zombie_resources');
    expect(zombie.severity).toBe('high');
    expect(zombie.evidence).toMatchObject({ numerator: 3, denominator: 4, share: 0.75, months: 6, resources: ['ZMB-B', 'ZMB-C', 'ZMB-D'] });
    // In June the events do not reach back 6 months: no judgement.
    expect(find(await flagsOf('2026-06'), 'ZMB', 'zombie_resources')).toEqual([]);
  });

  it('flags self-reports the consumers contradict: objections of the kind (not rejected) and low ratings', async () => {
    const flags = await flagsOf();
    const [src] = find(flags, 'SRC', 'self_report_conflict');
    expect(src.severity).toBe('high'); // three objections and a mean rating of 2.33
    expect(src.evidence).toMatchObject({ objections: [{ indicator: 'accuracy_rate', reported: 0.98, objections: 3 }], rating: 7 / 3, ratings: 3 });
    const [src2] = find(flags, 'SRC2', 'self_report_conflict');
    expect(src2.severity).toBe('warn');
    expect(find(flags, 'SRC3', 'self_report_conflict')).toEqual([]); // 90 % is not claimed as high
    expect(flagMessage(src, 'zh-CN')).toContain('对“accuracy_rate”提出 3 条异议');
  });
});

describe('set-asides', () => {
  const callsServed = async (tx = database) => (await loadPeriodMatrix(tx, parsePeriod(PERIOD)!, defaultScheme, chinaDay(new Date()))).values.CONH.calls_served;
  const storedCallsServed = async () => {
    await recomputePeriod(database, PERIOD);
    const [row] = await database.query<{ detail: { indicators: Record<string, { value: number }> } }>(
      `select detail from department_scores where period = $1 and department_code = 'CONH'`,
      [PERIOD],
    );
    return row.detail.indicators.calls_served.value;
  };

  it('sets a flagged pair aside (audited, stale at once), lowers calls_served, and is reversible', async () => {
    // C1 900, C2 50, C3 50: capped at 2 × the median real consumer (50) → 100 + 50 + 50.
    expect(await storedCallsServed()).toBe(200);
    const row = await setAsidePair(database, { principal: ADMIN, ip: '10.0.0.1', now: NOW }, { period: PERIOD, provider: 'CONH', consumer: 'C1', reason: '同一单位集中刷量' });
    expect(await staleness(database)).toContainEqual({ period: PERIOD, stale: true });
    const raised = await database.query<{ period: string }>(`select period from score_generations where period in ('2026-11', '2026-Q4', '2026') order by period`);
    expect(raised.map((r) => r.period)).toEqual(['2026', '2026-11', '2026-Q4']);
    expect(await callsServed()).toBe(100);
    expect(await storedCallsServed()).toBe(100);
    // The department sees it, with the reason, on its flag and in its set-asides.
    const own = await integrityFor(database, departmentUser('CONH'), PERIOD);
    expect(own.flags.find((f) => f.kind === 'consumer_concentration')!.setAside).toEqual({ id: row.id, reason: '同一单位集中刷量' });
    expect(own.setAsides.map((s) => [s.provider, s.consumer, s.reason])).toEqual([['CONH', 'C1', '同一单位集中刷量']]);
    // A second active one for the same pair, or one for a pair not flagged, is refused.
    await expect(setAsidePair(database, { principal: ADMIN }, { period: PERIOD, provider: 'CONH', consumer: 'C1', reason: 'again' })).rejects.toMatchObject({ status: 409 });
    await expect(setAsidePair(database, { principal: ADMIN }, { period: PERIOD, provider: 'CONH', consumer: 'C2', reason: 'x' })).rejects.toMatchObject({ code: 'not_flagged' });
    await expect(setAsidePair(database, { principal: LEADER }, { period: PERIOD, provider: 'CONH', consumer: 'C1', reason: 'x' })).rejects.toMatchObject({ status: 403 });

    await revokeSetAside(database, { principal: ADMIN, now: NOW }, row.id, { reason: '经核实为正常业务' });
    expect(await storedCallsServed()).toBe(200);
    await expect(revokeSetAside(database, { principal: ADMIN }, row.id, { reason: 'again' })).rejects.toMatchObject({ status: 409 });
    const audits = [...(await auditEntries(database, 'integrity.set_aside')), ...(await auditEntries(database, 'integrity.set_aside_revoke'))];
    expect(audits.map((a) => [a.target, a.outcome])).toEqual([
      [`set_aside:${row.id}`, 'success'],
      [`set_aside:${row.id}`, 'success'],
    ]);
    expect(audits[1].payload).toContain('经核实为正常业务');
  });

  it('is refused once the period (or one sharing its days) is finalized', async () => {
    const [row] = [await setAsidePair(database, { principal: ADMIN }, { period: PERIOD, provider: 'R1', consumer: 'R2', reason: '互刷' })];
    await database.query(`update periods set status = 'finalized' where code = '2026-Q4'`);
    try {
      await expect(setAsidePair(database, { principal: ADMIN }, { period: PERIOD, provider: 'R2', consumer: 'R1', reason: '互刷' })).rejects.toMatchObject({ code: 'period_locked' });
      await expect(revokeSetAside(database, { principal: ADMIN }, row.id, { reason: '撤销' })).rejects.toMatchObject({ code: 'period_locked' });
    } finally {
      await database.query(`update periods set status = 'open' where code = '2026-Q4'`);
    }
    await revokeSetAside(database, { principal: ADMIN }, row.id, { reason: '撤销' });
  });
});

describe('appeals on a flag', () => {
  it('lets a department contest its own flag (stored, audited), not one it does not have', async () => {
    await publishPeriod(database, { principal: ADMIN, now: NOW }, PERIOD);
    const ctx = { principal: departmentUser('CONW'), now: NOW };
    expect(appealBody.parse({ period: PERIOD, reason: '正常业务', flag: 'consumer_concentration' }).flag).toBe('consumer_concentration');
    expect(() => appealBody.parse({ period: PERIOD, reason: 'x', flag: 'made_up' })).toThrow();
    const appeal = await fileAppeal(database, ctx, { period: PERIOD, department: 'CONW', reason: 'C1 是本部门主要业务协同单位', flag: 'consumer_concentration' });
    expect([appeal.flag, appeal.indicator, appealJson(appeal).flag]).toEqual(['consumer_concentration', null, 'consumer_concentration']);
    await expect(fileAppeal(database, ctx, { period: PERIOD, department: 'CONW', reason: '再次', flag: 'consumer_concentration' })).rejects.toMatchObject({ status: 409 });
    await expect(fileAppeal(database, ctx, { period: PERIOD, department: 'CONW', reason: 'x', flag: 'call_spike' })).rejects.toMatchObject({ status: 400 });
    // An appeal on the total is still possible beside it.
    expect((await fileAppeal(database, ctx, { period: PERIOD, department: 'CONW', reason: '总分有误' })).flag).toBeNull();
    expect((await auditEntries(database, 'appeal.create')).at(-2)!.payload).toContain('consumer_concentration');
  });
});

describe('GET /api/v1/integrity', () => {
  const get = (credentials: Parameters<typeof requestAs>[1], headers: Record<string, string> = {}) =>
    GET(requestAs(`/api/v1/integrity?period=${PERIOD}`, credentials, { headers }));

  it('answers everyone’s flags to readers, a department its own, and refuses bound tokens', async () => {
    const unbound = await createTestToken(database, ['scores:read']);
    const all = await get({ bearer: unbound.secret }, { 'accept-language': 'en' });
    expect(all.status).toBe(200);
    const body = (await all.json()) as { period: string; flags: Array<{ department: string; kind: string; message: string }> };
    expect(body.period).toBe(PERIOD);
    expect(new Set(body.flags.map((f) => f.kind))).toEqual(
      new Set(['consumer_concentration', 'thin_consumers', 'reciprocal_pair', 'call_spike', 'zombie_resources', 'self_report_conflict']),
    );
    expect(body.flags.find((f) => f.department === 'CONW')!.message).toContain('C1 alone makes 60%');

    for (const principal of [LEADER, AUDITOR, departmentUser('R1')]) {
      const report = await integrityFor(database, principal, PERIOD);
      if (principal.kind === 'user' && principal.role === 'department') expect(new Set(report.flags.map((f) => f.department))).toEqual(new Set(['R1']));
      else expect(report.flags.length).toBe(body.flags.length);
    }
    const bound = await createTestToken(database, ['scores:read'], 'R1');
    expect((await get({ bearer: bound.secret })).status).toBe(403);
    await expect(integrityFor(database, { kind: 'user', id: 9, username: 'assessor', role: 'assessor', departmentCode: null }, PERIOD)).rejects.toMatchObject({ status: 403 });
    expect((await GET(requestAs('/api/v1/integrity?period=2026-13', { bearer: unbound.secret }))).status).toBe(400);
  });
});

describe('what the pages show', () => {
  it('badges each department for readers, only its own for a department, none for others', async () => {
    const t = messages('zh-CN');
    const page = ['CONH', 'R1', 'R2'];
    const all = await flagBadgeLinks(ADMIN, PERIOD, t, page);
    expect(Object.keys(all)).toEqual(page);
    expect(all.CONH).toEqual({ count: 1, severity: 'high', href: `/integrity?period=${PERIOD}&department=CONH`, label: '1 条真实性提示', title: '数据真实性提示（最高：严重）' });
    expect(Object.keys(await flagBadgeLinks(departmentUser('R1'), PERIOD, t, page))).toEqual(['R1']);
    expect(Object.keys(await flagBadgeLinks(ADMIN, PERIOD, t, ['R2']))).toEqual(['R2']); // only the departments asked for (a page's rows)
    expect(await flagBadgeLinks(departmentUser('R1'), PERIOD, t, ['R2'])).toEqual({});
    expect(await flagBadgeLinks(ADMIN, PERIOD, t, [])).toEqual({}); // a page with no department's badge (a leader's /me)
    expect(await flagBadgeLinks({ kind: 'user', id: 9, username: 'assessor', role: 'assessor', departmentCode: null }, PERIOD, t, page)).toEqual({});
  });

  it('filters the page by kind, severity and department, and names the departments', async () => {
    const view = (await integrityPageView(ADMIN, { period: PERIOD, kind: 'reciprocal_pair', severity: 'warn' }))!;
    expect(view.flags.map((f) => f.department)).toEqual(['R1', 'R2']);
    expect(view.total).toBeGreaterThan(view.flags.length);
    expect(view.names.R1).toBe('部门R1');
    expect([view.canManage, view.locked]).toEqual([true, false]);
    const own = (await integrityPageView(departmentUser('R1'), { period: PERIOD, department: 'R1', kind: 'nonsense' }))!;
    expect([own.filters.kind, own.canManage, new Set(own.flags.map((f) => f.department))]).toEqual([null, false, new Set(['R1'])]);
  });
});

describe('scheme options', () => {
  it('parse, fill in the defaults and move the lines', async () => {
    const scheme = parseSchemeOrThrow({ ...defaultScheme, integrity: { concentration: { warn: 0.95 } } });
    expect(integrityOf(scheme).concentration).toEqual({ warn: 0.95, high: 0.8, minConsumers: 3 });
    expect(integrityOf(defaultScheme).spike).toEqual({ warn: 3.5, high: 6, minRatio: 1.5, minMonths: 3, historyMonths: 12 });
    expect(() => parseSchemeOrThrow({ ...defaultScheme, integrity: { concentration: { warn: 2 } } })).toThrow();
  });
});
