// The score cache behind GET /api/v1/scores: computed on first read, served from
// the cache, recomputed after a batch or a scheme change, redacted per caller.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from './support/db';
import { GET as getScores } from '@/app/api/v1/scores/route';
import { GET as getDepartment } from '@/app/api/v1/scores/[department]/route';
import { GET as getPeriods } from '@/app/api/v1/periods/route';
import { GET as getPeriodOne } from '@/app/api/v1/periods/[period]/route';
import { POST as postMetrics } from '@/app/api/v1/metrics/route';
import { bearer, getRequest, seedBasics, uploadRequest } from '@/lib/ingest/test-support';
import { markEverythingChanged, recomputePeriod } from '@/lib/scores';
import { schemeHash, selfReportedScheme as defaultScheme } from '@/lib/scoring'; // the fixture stores the self-reported scheme (v1)
import type { Database } from '@/db/types';
import { fill, messages } from '@/lib/i18n';
import { markStale, staleness } from './support/scores';

let database: Database;
let reader: string;
let gatReader: string;
let writer: string;

const METRICS = ['department,period,indicator,value']
  .concat(['GAT', 'MZT', 'RST', 'SWJ'].flatMap((d, i) => [`${d},2026-08,accuracy_rate,${0.6 + i / 10}`, `${d},2026-08,resources_published,${10 * (i + 1)}`]))
  .join('\n');

beforeAll(async () => {
  database = await useTestDatabase();
  await seedBasics(database);
  reader = await bearer(database, ['scores:read']);
  gatReader = await bearer(database, ['scores:read'], 'GAT');
  writer = await bearer(database, ['metrics:write', 'events:write']);
  const r = await postMetrics(uploadRequest('metrics', METRICS, { token: writer }));
  expect(r.status).toBe(201);
  await database.query(`insert into sharing_events (day, provider, consumer, resource, calls, records, failures) values
    ('2026-08-03', 'SWJ', 'GAT', 'r', 500, 5000, 5), ('2026-08-03', 'SWJ', 'MZT', 'r', 500, 5000, 5)`);
});
afterAll(() => database.close());

const json = async (response: Response) => ({ status: response.status, body: await response.json() });
const scores = (period: string, token = reader) => getScores(getRequest(`/api/v1/scores?period=${period}`, token)).then(json);
const detail = (department: string, period: string, token = reader) =>
  getDepartment(getRequest(`/api/v1/scores/${department}?period=${period}`, token), { params: Promise.resolve({ department }) }).then(json);

describe('GET /api/v1/scores', () => {
  it('computes on first read and answers in the contract shape, in rank order', async () => {
    const r = await scores('2026-08');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ period: '2026-08', status: 'open', scheme: { id: expect.any(Number), version: 1, hash: schemeHash(defaultScheme) } });
    expect(r.body).not.toHaveProperty('snapshotHash');
    expect(r.body.departments.map((d: { department: string }) => d.department)).toEqual(['SWJ', 'RST', 'MZT', 'GAT']);
    expect(Object.keys(r.body.departments[0]).sort()).toEqual(
      // Engine version 2 adds the peer group, the method interval and the cost of missing data (docs/api.md).
      ['department', 'name', 'rank', 'total', 'dimensions', 'penalty', 'tier', 'tierName', 'rankInterval', 'recommendations', 'group', 'methodInterval', 'missingCost'].sort(),
    );
    expect(r.body.departments.map((d: { rank: number }) => d.rank)).toEqual([1, 2, 3, 4]);
  });

  it('serves the cache while nothing changed', async () => {
    const first = await scores('2026-08');
    const second = await scores('2026-08');
    expect(second.body.computedAt).toBe(first.body.computedAt);
  });

  it('recomputes after a batch touches the period: scores change', async () => {
    const before = await scores('2026-Q3');
    const gatBefore = before.body.departments.find((d: { department: string }) => d.department === 'GAT');
    const r = await postMetrics(uploadRequest('metrics', 'department,period,indicator,value\nGAT,2026-08,accuracy_rate,1\nGAT,2026-08,resources_published,500\n', { token: writer }));
    expect(r.status).toBe(201);
    expect((await staleness(database)).find((r) => r.period === '2026-Q3')?.stale).toBe(true);
    const after = await scores('2026-Q3');
    expect(after.body.computedAt).not.toBe(before.body.computedAt);
    const gatAfter = after.body.departments.find((d: { department: string }) => d.department === 'GAT');
    expect(gatAfter.total).toBeGreaterThan(gatBefore.total);
    expect((await staleness(database)).find((r) => r.period === '2026-Q3')?.stale).toBe(false);
  });

  it('recomputes when a new scheme version is stored', async () => {
    const before = await scores('2026-08');
    const changed = { ...defaultScheme, name: '第二版', penaltyCap: 5 };
    await database.query(`insert into schemes (version, name, body, hash, created_by) values (2, $1, $2::jsonb, $3, 'test')`, [
      changed.name,
      JSON.stringify(changed),
      schemeHash(changed),
    ]);
    await database.transaction((tx) => markEverythingChanged(tx)); // what saving a scheme does (lib/schemes)
    const after = await scores('2026-08');
    expect(after.body.scheme).toMatchObject({ version: 2, hash: schemeHash(changed) });
    expect(after.body.computedAt).not.toBe(before.body.computedAt);
  });

  it('shows a department-bound caller every rank, total and tier, and only its own detail', async () => {
    const r = await scores('2026-08', gatReader);
    for (const entry of r.body.departments) {
      if (entry.department === 'GAT') expect(entry).toHaveProperty('dimensions');
      else expect(Object.keys(entry).sort()).toEqual(['department', 'name', 'rank', 'tier', 'tierName', 'total']);
    }
  });

  it('400 for a malformed period, 404 for an unknown one, 401 without credentials', async () => {
    expect(await scores('2026-13')).toMatchObject({ status: 400, body: { error: 'bad_request', message: expect.stringMatching(/2026-13/) } });
    expect(await scores('2019-01')).toMatchObject({ status: 404, body: { message: '考核期 2019-01 不存在或尚无数据' } });
    expect((await getScores(getRequest('/api/v1/scores?period=2026-08'))).status).toBe(401);
  });

  it('says what every other endpoint says of a malformed or unknown period (one check: lib/periods/rows.ts)', async () => {
    const t = messages('zh-CN');
    expect((await scores('2026-13')).body.message).toBe(fill(t.cycle.errors.badPeriod, { period: '2026-13' }));
    expect((await scores('2019-01')).body.message).toBe(fill(t.cycle.errors.unknownPeriod, { period: '2019-01' }));
  });
});

describe('GET /api/v1/scores/{department}', () => {
  it('gives indicators and levers', async () => {
    const r = await detail('GAT', '2026-08');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ period: '2026-08', department: 'GAT', name: '公安厅' });
    expect(r.body.indicators.accuracy_rate).toEqual({ value: 1, score: expect.any(Number), weight: expect.any(Number), points: expect.any(Number) });
    expect(r.body.indicators.catalog_timeliness_rate.value).toBeNull();
    expect(r.body.levers.length).toBeLessThanOrEqual(3);
  });

  it('403 for another department’s detail, 404 for an unknown department', async () => {
    expect((await detail('GAT', '2026-08', gatReader)).status).toBe(200);
    expect(await detail('MZT', '2026-08', gatReader)).toMatchObject({ status: 403, body: { message: '只能查看本部门的得分明细' } });
    expect(await detail('NOPE', '2026-08')).toMatchObject({ status: 404, body: { message: '部门 NOPE 不存在' } });
  });
});

describe('recompute', () => {
  it('computes once under concurrent readers of a stale period', async () => {
    await markStale(database, ['2026']);
    const results = await Promise.all(Array.from({ length: 5 }, () => scores('2026')));
    expect(new Set(results.map((r) => r.body.computedAt)).size).toBe(1);
  });

  it('recomputePeriod reports what it did', async () => {
    const summary = await recomputePeriod(database, '2026-Q3');
    expect(summary).toMatchObject({ period: '2026-Q3', departments: 4, scheme: { version: 2 }, inputHash: expect.stringMatching(/^sha256:/) });
  });

  it('keeps a finalized period’s cache frozen', async () => {
    const before = await scores('2026-Q3');
    await database.query(`update periods set status = 'finalized', snapshot_hash = 'sha256:abc' where code = '2026-Q3'`);
    await markStale(database, ['2026-Q3']);
    const after = await scores('2026-Q3');
    expect(after.body).toMatchObject({ status: 'finalized', snapshotHash: 'sha256:abc', computedAt: before.body.computedAt });
    await expect(recomputePeriod(database, '2026-Q3')).rejects.toMatchObject({ status: 409, code: 'period_locked' });
  });
});

describe('GET /api/v1/periods', () => {
  it('lists periods with data, newest first; one period by code', async () => {
    await database.query(`insert into periods (code, kind, starts_on, ends_on) values ('2025-01', 'month', '2025-01-01', '2025-01-31')`);
    const list = await json(await getPeriods(getRequest('/api/v1/periods', reader)));
    expect(list.body.periods.map((p: { period: string }) => p.period)).toEqual(['2026', '2026-Q3', '2026-08']);
    expect(list.body.periods[1]).toMatchObject({ kind: 'quarter', status: 'finalized', snapshotHash: 'sha256:abc' });
    const one = await json(await getPeriodOne(getRequest('/api/v1/periods/2026-08', reader), { params: Promise.resolve({ period: '2026-08' }) }));
    expect(one.body).toMatchObject({ period: '2026-08', kind: 'month', status: 'open', appealDeadline: null });
    const missing = await getPeriodOne(getRequest('/api/v1/periods/2030-01', reader), { params: Promise.resolve({ period: '2030-01' }) });
    expect(missing.status).toBe(404);
  });
});
