// Appeals in the window (accepted with a correction through the ingest path,
// rejected with a reason the department sees, late ones refused), and exemptions
// (容错免责) changing a department's total by exactly the incident's points.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from './support/db';
import { setDatabase } from '@/db/client';
import type { Database } from '@/db/types';
import { appealsFor, decideAppeal, fileAppeal } from '@/lib/appeals/service';
import { decideExemption, incidentsFor, recordIncident, requestExemption } from '@/lib/incidents/service';
import { finalizePeriod, publishPeriod } from '@/lib/assessment/service';
import { ADMIN, at, departmentUser, LEADER, seedCycleProvince } from '@/lib/periods/test-support';
import { getPeriodScores } from '@/lib/scores';
import { staleness } from './support/scores';

let database: Database;
beforeAll(async () => {
  database = await useTestDatabase();
  await seedCycleProvince(database);
});
afterAll(async () => {
  setDatabase(undefined);
  await database.close();
});

const GAT = departmentUser('GAT', 101);
const MZT = departmentUser('MZT', 102);
const SWJ = departmentUser('SWJ', 104);
const when = (local: string) => ({ now: at(local) });

async function totals(period: string): Promise<Record<string, { total: number; penalty: number }>> {
  const scores = await getPeriodScores(database, period, ADMIN);
  return Object.fromEntries(scores.departments.map((d) => [String(d.department), { total: Number(d.total), penalty: Number(d.penalty) }]));
}

describe('exemptions (容错免责)', () => {
  it('an incident deducts its points; a granted exemption gives exactly those points back', async () => {
    const before = await totals('2026-09');
    const incident = await recordIncident(database, { principal: ADMIN, ...when('2026-10-02 09:00') }, { department: 'SWJ', occurredOn: '2026-09-15', kind: 'security', points: 4, description: '共享账号权限未及时回收' });
    const deducted = await totals('2026-09');
    expect(deducted.SWJ.penalty).toBe(4);
    expect(deducted.SWJ.total).toBeCloseTo(before.SWJ.total - 4, 6);
    for (const code of ['GAT', 'MZT', 'RST', 'ZRT', 'WJW']) expect(deducted[code].total).toBe(before[code].total);

    await expect(requestExemption(database, { principal: GAT }, incident.id, '不是我们的事件')).rejects.toMatchObject({ status: 403 });
    await requestExemption(database, { principal: SWJ }, incident.id, '已按共享目录和安全规范履行审核程序');
    await expect(requestExemption(database, { principal: SWJ }, incident.id, '再次申请')).rejects.toMatchObject({ status: 409 });
    expect((await totals('2026-09')).SWJ.total).toBe(deducted.SWJ.total); // a request alone changes nothing

    await expect(decideExemption(database, { principal: SWJ }, incident.id, { grant: true, reason: '自批' })).rejects.toMatchObject({ status: 403 });
    await expect(decideExemption(database, { principal: ADMIN }, incident.id, { grant: true, reason: ' ' })).rejects.toMatchObject({ status: 400 });
    const granted = await decideExemption(database, { principal: ADMIN, ...when('2026-10-03 09:00') }, incident.id, { grant: true, reason: '经核查，依规共享、尽职履责，予以免责' });
    expect(granted).toMatchObject({ exemptionStatus: 'granted', decidedBy: 'admin', decisionReason: '经核查，依规共享、尽职履责，予以免责' });
    const restored = await totals('2026-09');
    expect(restored.SWJ.penalty).toBe(0);
    expect(restored.SWJ.total).toBeCloseTo(deducted.SWJ.total + 4, 6);
    expect(restored.SWJ.total).toBe(before.SWJ.total);
    await expect(decideExemption(database, { principal: ADMIN }, incident.id, { grant: false, reason: '改判' })).rejects.toMatchObject({ status: 409 });
  });

  it('a denied exemption keeps the deduction; the department sees its incidents and the decision, not others’', async () => {
    const incident = await recordIncident(database, { principal: ADMIN, ...when('2026-10-02 09:00') }, { department: 'MZT', occurredOn: '2026-09-05', kind: 'quality', points: 1.5, description: '数据异议超期未处理' });
    await requestExemption(database, { principal: MZT }, incident.id, '系统故障所致');
    await decideExemption(database, { principal: ADMIN }, incident.id, { grant: false, reason: '未及时报告故障，不予免责' });
    expect((await totals('2026-09')).MZT.penalty).toBe(1.5);
    const seen = await incidentsFor(database, MZT);
    expect(seen.map((i) => [i.departmentCode, i.exemptionStatus, i.decisionReason])).toEqual([['MZT', 'denied', '未及时报告故障，不予免责']]);
    await expect(incidentsFor(database, MZT, { department: 'SWJ' })).rejects.toMatchObject({ status: 403 });
    expect((await incidentsFor(database, LEADER)).length).toBe(2);
  });

  it('validates incidents and audits every step', async () => {
    const ctx = { principal: ADMIN, ...when('2026-10-02 09:00') };
    const bad = [
      { department: 'NOPE', occurredOn: '2026-09-01', kind: 'quality', points: 1, description: 'x' },
      { department: 'GAT', occurredOn: '2026-13-01', kind: 'quality', points: 1, description: 'x' },
      { department: 'GAT', occurredOn: '2026-10-03', kind: 'quality', points: 1, description: 'x' }, // after "today"
      { department: 'GAT', occurredOn: '2026-09-01', kind: 'fire', points: 1, description: 'x' },
      { department: 'GAT', occurredOn: '2026-09-01', kind: 'quality', points: 0, description: 'x' },
      { department: 'GAT', occurredOn: '2026-09-01', kind: 'quality', points: 1, description: '' },
    ];
    for (const input of bad) await expect(recordIncident(database, ctx, input)).rejects.toMatchObject({ status: expect.any(Number) });
    await expect(recordIncident(database, { principal: GAT }, bad[0])).rejects.toMatchObject({ status: 403 });
    const actions = (await database.query<{ action: string }>(`select action from audit_log where action like 'incident.%' or action like 'exemption.%' order by id`)).map((r) => r.action);
    expect(actions).toEqual(['incident.create', 'exemption.request', 'exemption.grant', 'incident.create', 'exemption.request', 'exemption.deny']);
  });
});

describe('appeals', () => {
  let gatAppeal: number;
  let mztAppeal: number;

  it('are refused before the period is published', async () => {
    await expect(fileAppeal(database, { principal: GAT, ...when('2026-10-08 10:00') }, { period: '2026-Q3', department: 'GAT', reason: '数据有误' })).rejects.toMatchObject({
      status: 409,
      code: 'appeal_window_closed',
    });
  });

  it('are filed by a department, for itself only, on the total or one indicator of the scheme', async () => {
    await publishPeriod(database, { principal: ADMIN, ...when('2026-10-09 10:00') }, '2026-Q3'); // deadline 2026-10-15 24:00
    const ctx = { principal: GAT, ...when('2026-10-12 09:00') };
    await expect(fileAppeal(database, ctx, { period: '2026-Q3', department: 'MZT', reason: '替别人申诉' })).rejects.toMatchObject({ status: 403 });
    await expect(fileAppeal(database, ctx, { period: '2026-Q3', department: 'GAT', indicator: 'no_such', reason: '数据有误' })).rejects.toMatchObject({ status: 400 });
    await expect(fileAppeal(database, ctx, { period: '2026-Q3', department: 'GAT', reason: '   ' })).rejects.toMatchObject({ status: 400 });
    await expect(fileAppeal(database, ctx, { period: '2026-Q4', department: 'GAT', reason: '数据有误' })).rejects.toMatchObject({ status: 404 });
    const appeal = await fileAppeal(database, ctx, {
      period: '2026-Q3',
      department: 'GAT',
      indicator: 'accuracy_rate',
      reason: '8 月数据准确率填报错误，应为 0.99',
      evidence: '省公安厅数据质量月报（2026年8月）',
    });
    gatAppeal = appeal.id;
    expect(appeal).toMatchObject({ status: 'open', indicator: 'accuracy_rate', createdBy: 'gat' });
    await expect(fileAppeal(database, ctx, { period: '2026-Q3', department: 'GAT', indicator: 'accuracy_rate', reason: '重复' })).rejects.toMatchObject({ status: 409 });
    // The last minute of the window still counts.
    mztAppeal = (await fileAppeal(database, { principal: MZT, ...when('2026-10-15 23:59') }, { period: '2026-Q3', department: 'MZT', reason: '总分偏低，请复核' })).id;
  });

  it('late appeals are refused', async () => {
    const late = fileAppeal(database, { principal: SWJ, ...when('2026-10-16 00:00') }, { period: '2026-Q3', department: 'SWJ', reason: '逾期申诉' });
    await expect(late).rejects.toMatchObject({ status: 409, code: 'appeal_late' });
    await expect(late).rejects.toThrow(/2026-10-15 23:59/);
  });

  it('block finalization while open', async () => {
    await expect(finalizePeriod(database, { principal: ADMIN, ...when('2026-10-16 09:00') }, '2026-Q3')).rejects.toMatchObject({ status: 409, code: 'open_appeals' });
  });

  it('are accepted with a correction written like an ingest batch: history kept, scores recomputed', async () => {
    const before = await totals('2026-Q3');
    const ctx = { principal: ADMIN, ...when('2026-10-16 10:00') };
    // Corrections are checked: a derived indicator, a month outside the period, a value out of range.
    await expect(decideAppeal(database, ctx, gatAppeal, { decision: 'accept', reason: '核实', correction: { month: '2026-08', indicator: 'calls_served', value: 5 } })).rejects.toMatchObject({ status: 422 });
    await expect(decideAppeal(database, ctx, gatAppeal, { decision: 'accept', reason: '核实', correction: { month: '2026-10', value: 0.99 } })).rejects.toMatchObject({ status: 400 });
    await expect(decideAppeal(database, ctx, gatAppeal, { decision: 'accept', reason: '核实', correction: { month: '2026-08', value: 99 } })).rejects.toMatchObject({ status: 422 });
    await expect(decideAppeal(database, { principal: GAT }, gatAppeal, { decision: 'accept', reason: '自己采纳' })).rejects.toMatchObject({ status: 403 });

    const result = await decideAppeal(database, ctx, gatAppeal, { decision: 'accept', reason: '经核实，8 月准确率应为 0.99，予以更正', correction: { month: '2026-08', value: 0.99 } });
    expect(result.appeal).toMatchObject({ status: 'accepted', decidedBy: 'admin' });
    expect(result.correction).toMatchObject({ month: '2026-08', indicator: 'accuracy_rate', previous: 0.71, value: 0.99 });

    const history = await database.query<{ value: number; current: boolean; batch_id: string; note: string | null }>(
      `select value, superseded_at is null as current, batch_id, note from indicator_values
       where department_code = 'GAT' and period = '2026-08' and indicator = 'accuracy_rate' order by id`,
    );
    expect(history).toEqual([
      { value: 0.71, current: false, batch_id: 'seed', note: null },
      { value: 0.99, current: true, batch_id: result.correction!.batchId, note: `申诉 ${gatAppeal} 采纳后更正` },
    ]);
    const [batch] = await database.query<{ kind: string; actor: string; status: string; rows: number; periods: string[] }>('select kind, actor, status, rows, periods from ingest_batches where id = $1', [
      result.correction!.batchId,
    ]);
    expect(batch).toEqual({ kind: 'metrics', actor: 'user:1', status: 'accepted', rows: 1, periods: ['2026-08', '2026-Q3', '2026'] });

    const after = await totals('2026-Q3');
    expect(after.GAT.total).toBeGreaterThan(before.GAT.total);
    // Marked changed by the decision; read through the API above (totals), so recomputed.
    expect((await staleness(database)).find((r) => r.period === '2026-Q3')?.stale).toBe(false);
    await expect(decideAppeal(database, ctx, gatAppeal, { decision: 'reject', reason: '再次处理' })).rejects.toMatchObject({ status: 409 });
  });

  it('are rejected with a reason the department sees (and only that department)', async () => {
    await expect(decideAppeal(database, { principal: ADMIN }, mztAppeal, { decision: 'reject', reason: '' })).rejects.toMatchObject({ status: 400 });
    await decideAppeal(database, { principal: ADMIN, ...when('2026-10-16 11:00') }, mztAppeal, { decision: 'reject', reason: '经复核，总分计算无误，不予采纳' });
    const own = await appealsFor(database, MZT, { period: '2026-Q3' });
    expect(own.map((a) => [a.departmentCode, a.status, a.decisionReason])).toEqual([['MZT', 'rejected', '经复核，总分计算无误，不予采纳']]);
    // A department asking for all appeals gets its own; asking for another's is refused.
    expect((await appealsFor(database, GAT, {})).map((a) => a.departmentCode)).toEqual(['GAT']);
    await expect(appealsFor(database, GAT, { department: 'MZT' })).rejects.toMatchObject({ status: 403 });
    expect((await appealsFor(database, ADMIN, { period: '2026-Q3' })).length).toBe(2);
  });

  it('once all are decided and the window is over, the period finalizes; every step was audited', async () => {
    const done = await finalizePeriod(database, { principal: ADMIN, ...when('2026-10-16 12:00') }, '2026-Q3');
    expect(done.period.status).toBe('finalized');
    const rows = await database.query<{ action: string; target: string }>(`select action, target from audit_log where action like 'appeal.%' order by id`);
    expect(rows).toEqual([
      { action: 'appeal.create', target: `appeal:${gatAppeal}` },
      { action: 'appeal.create', target: `appeal:${mztAppeal}` },
      { action: 'appeal.accept', target: `appeal:${gatAppeal}` },
      { action: 'appeal.reject', target: `appeal:${mztAppeal}` },
    ]);
    const [accept] = await database.query<{ payload: string }>(`select payload from audit_log where action = 'appeal.accept'`);
    expect(JSON.parse(accept.payload).correction).toMatchObject({ month: '2026-08', previous: 0.71, value: 0.99 });
  });
});
