// The ledger pages' data (docs/dashboard.md "Ledgers") on hand-inserted ledger rows: the
// catalog's filters, use and 僵尸 badge; the requests and objections ledgers' filters,
// pages and clocks; a department's own section; a consumer's rating and objection (who may,
// audited, stored as consumer submissions, periods marked stale); appeals naming a ledger
// row (validated, decision shown beside the row). Runs on PGlite, and on PostgreSQL with DATABASE_URL.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDatabase } from '@/db/client';
import { appeals, auditLog, catalogVersions, dataObjections, departments, ledgerHistory, periods, sharingEvents, sharingRequests } from '@/db/schema';
import { requestRows } from '@/db/queries/ledger-views';
import type { Database } from '@/db/types';
import type { Principal } from '@/lib/auth/principal';
import { decideAppeal, fileAppeal } from '@/lib/appeals/service';
import { messages } from '@/lib/i18n';
import { objectionDueOn } from '@/lib/ledgers/clocks';
import { clockText, monthsBefore, rateable } from '@/lib/ledgers/present';
import { fileObjection, rateRequest } from '@/lib/ledgers/submissions';
import { loadCatalog, loadDepartmentLedger, loadRequests, parseCatalogParams, parseRequestsParams, type RequestLine } from '@/lib/ledgers/views';
import { loadWorkCalendar } from '@/lib/periods/calendar-service';
import { CatalogTable, RequestsTable } from '@/components/ledgers/ledger-tables';
import { POST as postAppeal } from '@/app/api/v1/appeals/route';
import { createTestUser, requestAs, sessionCookie } from './support/auth';
import { useTestDatabase } from './support/db';

// Wednesday 18 November 2026, 10:00 Beijing time.
const NOW = new Date('2026-11-18T02:00:00Z');
const zh = messages('zh-CN');
const en = messages('en');
const at = (iso: string) => new Date(iso);

const user = (role: Principal & { kind: 'user' } extends { role: infer R } ? R : never, departmentCode: string | null = null, id = 1): Principal => ({
  kind: 'user', id, username: `${role}-${departmentCode ?? 'x'}`, role, departmentCode,
});
const leader = user('leader');
const admin = user('admin');
const gat = user('department', 'GAT', 11); // the provider of R1–R3
const mzt = user('department', 'MZT', 12); // a consumer

let database: Database;

beforeAll(async () => {
  database = await useTestDatabase();
  const db = database.db;
  await db.insert(departments).values([
    { code: 'GAT', name: '公安厅' },
    { code: 'MZT', name: '民政厅' },
    { code: 'STJ', name: '统计局' },
  ]);
  await db.insert(periods).values([
    { code: '2026-11', kind: 'month', startsOn: '2026-11-01', endsOn: '2026-11-30' },
    { code: '2026-10', kind: 'month', startsOn: '2026-10-01', endsOn: '2026-10-31', status: 'published', publishedAt: at('2026-11-02T02:00:00Z'), appealDeadline: at('2099-01-01T00:00:00Z') },
  ]);
  const version = { legalBasis: null, updateCycle: 'daily' as const, updatedOn: '2025-01-01', status: 'active' as const };
  await db.insert(catalogVersions).values([
    // R1's first version, superseded: never shown.
    { ...version, resource: 'R1', provider: 'GAT', name: '旧户籍信息', shareType: 'conditional', publishedOn: '2025-01-01', supersededAt: at('2025-06-01T00:00:00Z') },
    { ...version, resource: 'R1', provider: 'GAT', name: '户籍信息', shareType: 'unconditional', publishedOn: '2025-01-01', updatedOn: '2025-06-01' },
    { ...version, resource: 'R2', provider: 'GAT', name: '出入境记录', shareType: 'conditional', publishedOn: '2025-01-01' },
    { ...version, resource: 'R3', provider: 'GAT', name: '新设资源', shareType: 'unconditional', publishedOn: '2026-10-01', updatedOn: '2026-10-01' },
    { ...version, resource: 'R4', provider: 'MZT', name: '涉密名册', shareType: 'none', legalBasis: '《保守国家秘密法》', publishedOn: '2025-01-01' },
    { ...version, resource: 'R5', provider: 'STJ', name: '已撤销资源', shareType: 'conditional', publishedOn: '2025-01-01', status: 'withdrawn' },
    { ...version, resource: 'R6', provider: 'MZT', name: '婚姻登记', shareType: 'conditional', publishedOn: '2025-01-01' },
  ]);
  await db.insert(sharingEvents).values([
    { provider: 'GAT', resource: 'R1', consumer: 'MZT', day: '2026-11-05', calls: 10, failures: 0 },
    { provider: 'GAT', resource: 'R1', consumer: 'STJ', day: '2026-11-06', calls: 5, failures: 1 },
    { provider: 'GAT', resource: 'R1', consumer: 'GAT', day: '2026-11-07', calls: 100, failures: 0 }, // its own calls never count
    { provider: 'GAT', resource: 'R2', consumer: 'GAT', day: '2026-11-07', calls: 50, failures: 0 },
    { provider: 'GAT', resource: 'R2', consumer: 'MZT', day: '2026-03-01', calls: 3, failures: 0 }, // more than 6 months ago
    { provider: 'MZT', resource: 'R6', consumer: 'STJ', day: '2026-11-05', calls: 4, failures: 4 }, // every call failed
  ]);
  const request = { purpose: '低保资格核验', reason: null, rating: null, ratingSource: null, repliedAt: null, deliveredAt: null, deliveryDueOn: null };
  await db.insert(sharingRequests).values([
    { ...request, request: 'Q-SOON', consumer: 'MZT', provider: 'GAT', resource: 'R1', submittedAt: at('2026-11-17T01:00:00Z'), decision: 'pending', replyDueOn: '2026-11-20' },
    { ...request, request: 'Q-TODAY', consumer: 'STJ', provider: 'GAT', resource: 'R3', submittedAt: at('2026-11-17T02:00:00Z'), decision: 'pending', replyDueOn: '2026-11-18' },
    { ...request, request: 'Q-LATE', consumer: 'MZT', provider: 'GAT', resource: 'R1', submittedAt: at('2026-11-13T01:00:00Z'), decision: 'pending', replyDueOn: '2026-11-16' },
    {
      ...request, request: 'Q-DELIVERED', consumer: 'MZT', provider: 'GAT', resource: 'R2', submittedAt: at('2026-10-08T01:00:00Z'), repliedAt: at('2026-10-09T01:00:00Z'),
      decision: 'approved', replyDueOn: '2026-10-20', deliveryDueOn: '2026-10-30', deliveredAt: at('2026-11-02T03:00:00Z'),
    },
    {
      ...request, request: 'Q-PLATFORM', consumer: 'MZT', provider: 'GAT', resource: 'R2', submittedAt: at('2026-10-08T02:00:00Z'), repliedAt: at('2026-10-09T01:00:00Z'),
      decision: 'conditional', replyDueOn: '2026-10-20', deliveryDueOn: '2026-10-30', deliveredAt: at('2026-10-20T03:00:00Z'), rating: 4, ratingSource: 'platform',
    },
    { ...request, request: 'Q-REFUSED', consumer: 'GAT', provider: 'MZT', resource: 'R4', submittedAt: at('2026-11-02T01:00:00Z'), repliedAt: at('2026-11-03T01:00:00Z'), decision: 'refused', reason: '涉密', replyDueOn: '2026-11-16' },
    {
      ...request, request: 'Q-AWAIT', consumer: 'MZT', provider: 'STJ', resource: null, submittedAt: at('2026-10-10T01:00:00Z'), repliedAt: at('2026-10-12T01:00:00Z'),
      decision: 'conditional', replyDueOn: '2026-10-23', deliveryDueOn: '2026-11-10',
    },
  ]);
  await db.insert(dataObjections).values([
    { objection: 'O-OPEN', consumer: 'MZT', provider: 'GAT', resource: 'R1', kind: 'accuracy', submittedAt: at('2026-11-11T01:00:00Z'), outcome: 'pending', dueOn: '2026-11-25' },
    { objection: 'O-DONE', consumer: 'STJ', provider: 'GAT', resource: 'R1', kind: 'timeliness', submittedAt: at('2026-10-08T01:00:00Z'), resolvedAt: at('2026-10-15T01:00:00Z'), outcome: 'corrected', dueOn: '2026-10-22' },
  ]);
});

afterAll(async () => {
  setDatabase(undefined);
  await database.close();
});

const codes = <T extends { resource: string }>(rows: T[]) => rows.map((r) => r.resource).sort();
const ids = (rows: RequestLine[]) => rows.map((r) => r.request).sort();

describe('/catalog', () => {
  it('lists the current version of each resource with its use this period by other departments', async () => {
    const view = await loadCatalog(database, leader, parseCatalogParams({ period: '2026-11' }), NOW);
    expect(view.total).toBe(6);
    expect(view.period).toEqual({ code: '2026-11', from: '2026-11-01', to: '2026-11-18' });
    const r1 = view.rows.find((r) => r.resource === 'R1')!;
    expect(r1).toMatchObject({ name: '户籍信息', providerName: '公安厅', shareType: 'unconditional', consumers: 2, calls: 15, lastCall: '2026-11-06', openRequests: 2, openObjections: 1, zombie: false });
    const r2 = view.rows.find((r) => r.resource === 'R2')!;
    expect(r2).toMatchObject({ consumers: 0, calls: 0, lastCall: '2026-03-01', openRequests: 0 });
  });

  it('marks as 僵尸 a shareable active resource nobody else called successfully for 6 months, and filters on it', async () => {
    expect(monthsBefore('2026-11-18', 6)).toBe('2026-05-18');
    expect(monthsBefore('2026-08-31', 6)).toBe('2026-02-28');
    const view = await loadCatalog(database, leader, parseCatalogParams({}), NOW);
    // R2: only the provider itself and a call 8 months ago; R6: every call failed. R3 is too new,
    // R4 is not shareable, R5 is withdrawn.
    expect(codes(view.rows.filter((r) => r.zombie))).toEqual(['R2', 'R6']);
    const zombies = await loadCatalog(database, leader, parseCatalogParams({ zombie: '1' }), NOW);
    expect(codes(zombies.rows)).toEqual(['R2', 'R6']);
    const html = renderToStaticMarkup(createElement(CatalogTable, { rows: view.rows, locale: 'zh-CN', t: zh }));
    expect(html.match(/data-testid="zombie-badge"/g)).toHaveLength(2);
    expect(html).toContain('不予共享依据：《保守国家秘密法》');
  });

  it('filters by provider (code or part of its name), share type and status', async () => {
    const load = async (sp: Record<string, string>) => codes((await loadCatalog(database, leader, parseCatalogParams(sp), NOW)).rows);
    expect(await load({ provider: 'GAT' })).toEqual(['R1', 'R2', 'R3']);
    expect(await load({ provider: '民政' })).toEqual(['R4', 'R6']);
    expect(await load({ shareType: 'none' })).toEqual(['R4']);
    expect(await load({ status: 'withdrawn' })).toEqual(['R5']);
    expect(await load({ provider: 'GAT', shareType: 'unconditional' })).toEqual(['R1', 'R3']);
    expect(await load({ shareType: 'bogus' })).toHaveLength(6); // an unknown value is no filter
  });

  it('shows a department user the whole catalog, and no one without ledgers:view', async () => {
    expect((await loadCatalog(database, mzt, parseCatalogParams({}), NOW)).total).toBe(6);
    await expect(loadCatalog(database, user('security'), parseCatalogParams({}), NOW)).rejects.toMatchObject({ status: 403 });
  });
});

describe('/requests', () => {
  it('shows each clock: 剩余 N 个工作日 / 今日到期 / 已超期 N 个工作日 / 按期 / 超期', async () => {
    const view = await loadRequests(database, leader, parseRequestsParams({}), NOW);
    const rows = new Map(view.requests!.rows.map((r) => [r.request, r]));
    const text = (r: RequestLine, which: 'replyClock' | 'deliveryClock') => clockText(r[which], zh).text;
    expect(text(rows.get('Q-SOON')!, 'replyClock')).toBe('剩余 2 个工作日');
    expect(text(rows.get('Q-TODAY')!, 'replyClock')).toBe('今日到期');
    expect(text(rows.get('Q-LATE')!, 'replyClock')).toBe('已超期 2 个工作日');
    expect(text(rows.get('Q-DELIVERED')!, 'replyClock')).toBe('按期');
    expect(text(rows.get('Q-DELIVERED')!, 'deliveryClock')).toBe('超期');
    expect(text(rows.get('Q-AWAIT')!, 'deliveryClock')).toBe('已超期 6 个工作日');
    expect(rows.get('Q-REFUSED')!.deliveryClock).toBeNull();
    expect(clockText(rows.get('Q-SOON')!.replyClock, en).text).toBe('2 working days left');
    const html = renderToStaticMarkup(createElement(RequestsTable, { rows: view.requests!.rows, locale: 'zh-CN', t: zh, caption: 'x' }));
    expect(html).toContain('已超期 2 个工作日');
    expect(html).toContain('data-clock="overdue"');
  });

  it('filters by provider, consumer, state and overdue in SQL', async () => {
    const load = async (sp: Record<string, string>) => ids((await loadRequests(database, leader, parseRequestsParams(sp), NOW)).requests!.rows);
    expect(await load({ provider: 'GAT' })).toEqual(['Q-DELIVERED', 'Q-LATE', 'Q-PLATFORM', 'Q-SOON', 'Q-TODAY']);
    expect(await load({ consumer: '统计' })).toEqual(['Q-TODAY']);
    expect(await load({ state: 'pending' })).toEqual(['Q-LATE', 'Q-SOON', 'Q-TODAY']);
    expect(await load({ state: 'delivered' })).toEqual(['Q-DELIVERED', 'Q-PLATFORM']);
    expect(await load({ state: 'conditional' })).toEqual(['Q-AWAIT']); // delivered ones are 'delivered'
    expect(await load({ state: 'refused' })).toEqual(['Q-REFUSED']);
    expect(await load({ state: 'open' })).toEqual(['Q-AWAIT', 'Q-LATE', 'Q-SOON', 'Q-TODAY']);
    expect(await load({ overdue: '1' })).toEqual(['Q-AWAIT', 'Q-LATE']);
    expect(await load({ overdue: '1', provider: 'GAT' })).toEqual(['Q-LATE']);
  });

  it('pages with LIMIT/OFFSET, newest first, and counts every matching row', async () => {
    const first = await requestRows(database, { today: '2026-11-18', limit: 3, offset: 0 });
    const second = await requestRows(database, { today: '2026-11-18', limit: 3, offset: 3 });
    expect(first.total).toBe(7);
    expect(first.rows.map((r) => r.request)).toEqual(['Q-TODAY', 'Q-SOON', 'Q-LATE']);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.request)).size).toBe(6);
  });

  it('shows a department user only the rows it is a party to', async () => {
    const view = await loadRequests(database, user('department', 'STJ', 13), parseRequestsParams({}), NOW);
    expect(view.party).toBe('STJ');
    expect(ids(view.requests!.rows)).toEqual(['Q-AWAIT', 'Q-TODAY']);
    const objections = await loadRequests(database, user('department', 'STJ', 13), parseRequestsParams({ tab: 'objections' }), NOW);
    expect(objections.objections!.rows.map((o) => o.objection)).toEqual(['O-DONE']);
  });

  it('lists objections with their clocks and filters', async () => {
    const view = await loadRequests(database, leader, parseRequestsParams({ tab: 'objections' }), NOW);
    const rows = new Map(view.objections!.rows.map((o) => [o.objection, o]));
    expect(clockText(rows.get('O-OPEN')!.clock, zh).text).toBe('剩余 5 个工作日');
    expect(clockText(rows.get('O-DONE')!.clock, zh).text).toBe('按期');
    const open = await loadRequests(database, leader, parseRequestsParams({ tab: 'objections', state: 'open' }), NOW);
    expect(open.objections!.rows.map((o) => o.objection)).toEqual(['O-OPEN']);
    const overdue = await loadRequests(database, leader, parseRequestsParams({ tab: 'objections', overdue: '1' }), NOW);
    expect(overdue.objections!.total).toBe(0);
  });
});

describe("a department's page", () => {
  it('lists its open items as provider, most urgent first, and what it asked of others', async () => {
    const view = (await loadDepartmentLedger(database, gat, 'GAT', NOW))!;
    expect(view.providerRequests.rows.map((r) => r.request)).toEqual(['Q-LATE', 'Q-TODAY', 'Q-SOON']);
    expect(view.providerObjections.rows.map((o) => o.objection)).toEqual(['O-OPEN']);
    expect(view.consumerRequests.rows.map((r) => r.request)).toEqual(['Q-REFUSED']);
    expect(view.canSubmit).toBe(true);
    expect((await loadDepartmentLedger(database, leader, 'GAT', NOW))!.canSubmit).toBe(false);
    expect(await loadDepartmentLedger(database, mzt, 'GAT', NOW)).toBeNull();
  });

  it('offers the rating only for a delivered request without a platform rating', async () => {
    const view = (await loadDepartmentLedger(database, mzt, 'MZT', NOW))!;
    const rows = new Map(view.consumerRequests.rows.map((r) => [r.request, r]));
    expect([...rows.values()].filter(rateable).map((r) => r.request)).toEqual(['Q-DELIVERED']);
    expect(view.resources.map((r) => r.resource).sort()).toEqual(['R1', 'R2']);
  });
});

async function auditRows(action: string) {
  return database.db.select().from(auditLog).where(eq(auditLog.action, action));
}

async function generation(period: string): Promise<number> {
  const [row] = await database.query<{ generation: string }>('select generation from score_generations where period = $1', [period]);
  return row ? Number(row.generation) : 0;
}

describe('a consumer rates what it received', () => {
  it('stores the rating as a consumer submission, keeps the row before, audits it and marks the delivery month stale', async () => {
    const before = await generation('2026-11');
    await rateRequest(database, { principal: mzt, now: NOW }, { request: 'Q-DELIVERED', rating: 5 });
    const [row] = await database.db.select().from(sharingRequests).where(eq(sharingRequests.request, 'Q-DELIVERED'));
    expect(row).toMatchObject({ rating: 5, ratingSource: 'consumer' });
    const history = await database.db.select().from(ledgerHistory).where(and(eq(ledgerHistory.ledger, 'request'), eq(ledgerHistory.itemId, 'Q-DELIVERED')));
    expect(history).toHaveLength(1);
    expect(history[0].row).toMatchObject({ rating: null });
    const audit = await auditRows('request.rate');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].payload)).toMatchObject({ request: 'Q-DELIVERED', rating: 5, source: 'consumer' });
    expect(await generation('2026-11')).toBeGreaterThan(before); // delivered 2026-11-02 Beijing time
    expect(await generation('2026-Q4')).toBeGreaterThan(0);
    // The label on the pages.
    const view = (await loadDepartmentLedger(database, leader, 'MZT', NOW))!;
    const html = renderToStaticMarkup(createElement(RequestsTable, { rows: view.consumerRequests.rows, locale: 'zh-CN', t: zh, caption: 'x' }));
    expect(html).toContain('使用方提交');
  });

  it('refuses anyone but the consumer, an undelivered request, a platform rating and a rating outside 1–5', async () => {
    await expect(rateRequest(database, { principal: gat, now: NOW }, { request: 'Q-DELIVERED', rating: 3 })).rejects.toMatchObject({ status: 403 });
    await expect(rateRequest(database, { principal: admin, now: NOW }, { request: 'Q-DELIVERED', rating: 3 })).rejects.toMatchObject({ status: 403 });
    await expect(rateRequest(database, { principal: mzt, now: NOW }, { request: 'Q-SOON', rating: 3 })).rejects.toMatchObject({ status: 409 });
    await expect(rateRequest(database, { principal: mzt, now: NOW }, { request: 'Q-PLATFORM', rating: 3 })).rejects.toMatchObject({ status: 409 });
    await expect(rateRequest(database, { principal: mzt, now: NOW }, { request: 'Q-DELIVERED', rating: 6 })).rejects.toMatchObject({ status: 400 });
    await expect(rateRequest(database, { principal: mzt, now: NOW }, { request: 'Q-NONE', rating: 3 })).rejects.toMatchObject({ status: 404 });
    const [platform] = await database.db.select().from(sharingRequests).where(eq(sharingRequests.request, 'Q-PLATFORM'));
    expect(platform).toMatchObject({ rating: 4, ratingSource: 'platform' });
  });
});

describe('a consumer files an objection', () => {
  it('stores it as a consumer submission with its id and due day, audited, and marks the due month stale', async () => {
    const before = await generation('2026-12');
    const filed = await fileObjection(database, { principal: mzt, now: NOW }, { resource: 'R1', kind: 'accuracy', note: '户籍地址与实际不符' });
    const again = await fileObjection(database, { principal: mzt, now: NOW }, { resource: 'R2', kind: 'other', note: '字段缺失' });
    expect(filed.objection).toBe('C-MZT-20261118100000-1');
    expect(again.objection).toBe('C-MZT-20261118100000-2');
    expect(filed.dueOn).toBe(objectionDueOn(NOW, await loadWorkCalendar(database)));
    expect(filed.dueOn).toBe('2026-12-02');
    const [row] = await database.db.select().from(dataObjections).where(eq(dataObjections.objection, filed.objection));
    expect(row).toMatchObject({ consumer: 'MZT', provider: 'GAT', source: 'consumer', outcome: 'pending', resolvedAt: null, createdBy: mzt.kind === 'user' ? mzt.username : '' });
    const audit = await auditRows('objection.file');
    expect(audit.map((a) => a.target)).toEqual([`objection:${filed.objection}`, `objection:${again.objection}`]);
    expect(await generation('2026-12')).toBeGreaterThan(before);
    const view = await loadRequests(database, gat, parseRequestsParams({ tab: 'objections', state: 'open' }), NOW);
    expect(view.objections!.rows.find((o) => o.objection === filed.objection)?.source).toBe('consumer');
  });

  it("refuses one's own resource, an unknown or withdrawn one, a bad kind, no note, and bureau roles", async () => {
    const file = (principal: Principal, input: Partial<{ resource: string; kind: string; note: string }>) =>
      fileObjection(database, { principal, now: NOW }, { resource: 'R1', kind: 'accuracy', note: '问题', ...input });
    await expect(file(gat, {})).rejects.toMatchObject({ status: 400 });
    await expect(file(mzt, { resource: 'R404' })).rejects.toMatchObject({ status: 404 });
    await expect(file(mzt, { resource: 'R5' })).rejects.toMatchObject({ status: 409 });
    await expect(file(mzt, { kind: 'bogus' })).rejects.toMatchObject({ status: 400 });
    await expect(file(mzt, { note: '  ' })).rejects.toMatchObject({ status: 400 });
    await expect(file(admin, {})).rejects.toMatchObject({ status: 403 });
    await expect(file(leader, {})).rejects.toMatchObject({ status: 403 });
  });
});

describe('an appeal naming a ledger row (条例 art. 28)', () => {
  it('is refused for a row of another provider, an unknown row, half a reference or a row due outside the period', async () => {
    const appeal = (principal: Principal, ledgerKind: 'request' | 'objection' | null, ledgerId: string | null) =>
      fileAppeal(database, { principal, now: NOW }, { period: '2026-10', department: principal.kind === 'user' ? principal.departmentCode! : '', reason: '已按期答复', ledgerKind, ledgerId });
    await expect(appeal(mzt, 'request', 'Q-DELIVERED')).rejects.toMatchObject({ status: 422 }); // GAT provides it
    await expect(appeal(gat, 'request', 'Q-NONE')).rejects.toMatchObject({ status: 422 });
    await expect(appeal(gat, 'request', null)).rejects.toMatchObject({ status: 400 });
    await expect(appeal(gat, null, 'Q-DELIVERED')).rejects.toMatchObject({ status: 400 });
    await expect(appeal(gat, 'request', 'Q-SOON')).rejects.toMatchObject({ status: 422 }); // due in November
  });

  it('is stored beside the row, and its decision shows on /requests and the department page', async () => {
    const filed = await fileAppeal(database, { principal: gat, now: NOW }, { period: '2026-10', department: 'GAT', reason: '10 月 30 日已交付，平台漏记', ledgerKind: 'request', ledgerId: 'Q-DELIVERED' });
    expect(filed).toMatchObject({ ledgerKind: 'request', ledgerId: 'Q-DELIVERED', indicator: null });
    // An open appeal on the total is another target: not a duplicate of the ledger appeal.
    await fileAppeal(database, { principal: gat, now: NOW }, { period: '2026-10', department: 'GAT', reason: '总分有误' });
    await expect(fileAppeal(database, { principal: gat, now: NOW }, { period: '2026-10', department: 'GAT', reason: '再次', ledgerKind: 'request', ledgerId: 'Q-DELIVERED' })).rejects.toMatchObject({ status: 409 });
    let view = await loadRequests(database, leader, parseRequestsParams({ provider: 'GAT', state: 'delivered' }), NOW);
    expect(view.requests!.rows.find((r) => r.request === 'Q-DELIVERED')!.appeal).toMatchObject({ status: 'open' });
    const before = await generation('2026-10');
    await decideAppeal(database, { principal: admin, now: NOW }, filed.id, { decision: 'accept', reason: '交付回执核实无误' });
    expect(await generation('2026-10')).toBeGreaterThan(before);
    view = await loadRequests(database, leader, parseRequestsParams({ provider: 'GAT', state: 'delivered' }), NOW);
    const line = view.requests!.rows.find((r) => r.request === 'Q-DELIVERED')!;
    expect(line.appeal).toMatchObject({ status: 'accepted' });
    const html = renderToStaticMarkup(createElement(RequestsTable, { rows: [line], locale: 'zh-CN', t: zh, caption: 'x' }));
    expect(html).toContain('申诉已支持：按期计');
    // The platform's row itself is untouched.
    const [row] = await database.db.select().from(sharingRequests).where(eq(sharingRequests.request, 'Q-DELIVERED'));
    expect(row.deliveredAt).toEqual(at('2026-11-02T03:00:00Z'));
    const [stored] = await database.db.select().from(appeals).where(eq(appeals.id, filed.id));
    expect(stored).toMatchObject({ ledgerKind: 'request', ledgerId: 'Q-DELIVERED', status: 'accepted' });
  });

  it('is accepted by POST /api/v1/appeals with ledgerKind and ledgerId', async () => {
    const officer = await createTestUser(database, 'department', { department: 'GAT' });
    const cookie = await sessionCookie(database, officer);
    const post = (body: unknown) => postAppeal(requestAs('/api/v1/appeals', { cookie }, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
    const ok = await post({ period: '2026-10', reason: '异议已按期处理', ledgerKind: 'objection', ledgerId: 'O-DONE' });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ ledgerKind: 'objection', ledgerId: 'O-DONE', department: 'GAT' });
    const bad = await post({ period: '2026-10', reason: '不是本部门的记录', ledgerKind: 'request', ledgerId: 'Q-REFUSED' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Q-REFUSED');
    expect((await post({ period: '2026-10', reason: 'x', ledgerKind: 'flag', ledgerId: 'a' })).status).toBe(400);
  });
});
