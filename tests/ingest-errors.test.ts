// Every way a batch can be refused (CONTRACT.md §3), through the route handlers,
// each with its status, its rows and its own message; and nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from './support/db';
import { POST as postMetrics } from '@/app/api/v1/metrics/route';
import { POST as postEvents } from '@/app/api/v1/events/route';
import { POST as check } from '@/app/admin/ingest/check/route';
import { messages } from '@/lib/i18n';
import { createTestUser, requestAs, sessionCookie } from './support/auth';
import { bearer, seedBasics, uploadRequest } from '@/lib/ingest/test-support';
import { MAX_ROWS } from '@/lib/ingest';
import { hashToken } from '@/lib/auth/tokens';
import type { Database } from '@/db/types';

let database: Database;
let admin: string; // metrics + events, no department
let gat: string; // bound to GAT
let readOnly: string;

beforeAll(async () => {
  database = await useTestDatabase();
  await seedBasics(database);
  admin = await bearer(database, ['metrics:write', 'events:write']);
  gat = await bearer(database, ['metrics:write'], 'GAT');
  readOnly = await bearer(database, ['scores:read']);
});
afterAll(() => database.close());

const metrics = async (body: string | object, options: Parameters<typeof uploadRequest>[2] = {}) => {
  const response = await postMetrics(uploadRequest('metrics', body, { token: admin, ...options }));
  return { status: response.status, body: await response.json() };
};
const events = async (body: string | object, options: Parameters<typeof uploadRequest>[2] = {}) => {
  const response = await postEvents(uploadRequest('events', body, { token: admin, ...options }));
  return { status: response.status, body: await response.json() };
};
const stored = async () => {
  const [{ n }] = await database.query<{ n: number }>('select (select count(*) from indicator_values) + (select count(*) from sharing_events) as n');
  return Number(n);
};

const METRIC_HEADER = 'department,period,indicator,value\n';
const EVENT_HEADER = 'date,provider,consumer,resource,calls,records,failures\n';

describe('requests refused before the rows are read', () => {
  it('401 without credentials, 401 with an unknown token', async () => {
    expect((await postMetrics(uploadRequest('metrics', METRIC_HEADER))).status).toBe(401);
    expect((await metrics(METRIC_HEADER, { token: 'ss_not-a-token' })).status).toBe(401);
  });

  it('403 for a token without the scope', async () => {
    const r = await metrics(`${METRIC_HEADER}GAT,2026-09,completeness_rate,0.9\n`, { token: readOnly });
    expect(r).toMatchObject({ status: 403, body: { error: 'forbidden' } });
  });

  it('415 for a content type other than CSV or JSON', async () => {
    const r = await metrics('department=GAT', { contentType: 'application/x-www-form-urlencoded' });
    expect(r).toMatchObject({ status: 415, body: { error: 'unsupported_media_type' } });
    expect(r.body.message).toMatch(/text\/csv/);
  });

  it('400 for malformed JSON, a body without rows, a header missing columns, unknown columns, an empty body', async () => {
    expect(await metrics('{"rows": [', { contentType: 'application/json' })).toMatchObject({ status: 400, body: { message: expect.stringMatching(/^JSON 格式错误/) } });
    expect(await metrics({ data: [] })).toMatchObject({ status: 400, body: { message: expect.stringContaining('{"rows": [...]}') } });
    expect(await metrics('department,period,value\nGAT,2026-09,1\n')).toMatchObject({ status: 400, body: { message: expect.stringMatching(/缺少列：indicator/) } });
    expect(await metrics('department,period,indicator,value,colour\n')).toMatchObject({ status: 400, body: { message: expect.stringMatching(/无法识别的列：colour/) } });
    expect(await metrics('')).toMatchObject({ status: 400, body: { message: expect.stringMatching(/请求体为空/) } });
    expect(await metrics(METRIC_HEADER)).toMatchObject({ status: 400 });
    expect(await metrics(`${METRIC_HEADER}GAT,"2026-09,x\n`)).toMatchObject({ status: 400, body: { message: expect.stringMatching(/^CSV 格式错误/) } });
  });

  it('400 for a malformed Idempotency-Key', async () => {
    expect(await metrics(METRIC_HEADER, { key: 'has space' })).toMatchObject({ status: 400, body: { message: expect.stringMatching(/Idempotency-Key/) } });
  });

  it(`413 for more than ${MAX_ROWS} rows`, async () => {
    const rows = Array.from({ length: MAX_ROWS + 1 }, (_, i) => `2026-09-01,GAT,MZT,r${i},1,1,0`).join('\n');
    const r = await events(EVENT_HEADER + rows);
    expect(r).toMatchObject({ status: 413, body: { error: 'payload_too_large', message: expect.stringContaining('50000') } });
    expect(await stored()).toBe(0);
  });

  it('413 for a body over 10 MB, refused while reading', async () => {
    const r = await events(EVENT_HEADER + 'x'.repeat(10 * 1024 * 1024 + 1));
    expect(r).toMatchObject({ status: 413, body: { message: expect.stringMatching(/10 MB/) } });
  });
});

describe('422: every bad row in one answer, with spreadsheet row numbers', () => {
  it('names each metric problem with its own message', async () => {
    const csv =
      METRIC_HEADER +
      'GAT,2026-09,completeness_rate,0.97\n' + // row 2: fine
      'ZZZ,2026-09,completeness_rate,0.9\n' + // 3: unknown department
      'GA T,2026-09,completeness_rate,0.9\n' + // 4: malformed department code
      'GAT,2026-09,no_such_thing,1\n' + // 5: unknown indicator
      'GAT,2026-09,calls_served,100\n' + // 6: derived from events
      'GAT,2026-09,accuracy_rate,97\n' + // 7: a rate above 1
      'GAT,2026-09,resources_published,-3\n' + // 8: a negative count
      'GAT,2026-09,scenarios_supported,2.5\n' + // 9: a count that is not whole
      'GAT,2099-01,accuracy_rate,0.9\n' + // 10: a future month
      'GAT,2026-Q3,accuracy_rate,0.9\n' + // 11: not a month
      'GAT,2026-09,completeness_rate,0.5\n' + // 12: duplicate of row 2
      '\n' + // 13: a blank line still counts as a row
      'GAT,2026-09,satisfaction_score,abc\n' + // 14: not a number
      'GAT,2026-09,satisfaction_score,120\n'; // 15: a score above 100
    const r = await metrics(csv);
    expect(r.status).toBe(422);
    expect(r.body.error).toBe('validation_failed');
    expect(r.body.message).toBe('12 行数据未通过校验，整批未保存');
    const byRow = Object.fromEntries(r.body.errors.map((e: { row: number; column: string; message: string }) => [e.row, e]));
    expect(byRow[3]).toMatchObject({ column: 'department', message: '部门“ZZZ”不存在，请先在部门管理中添加' });
    expect(byRow[4]).toMatchObject({ column: 'department', message: expect.stringMatching(/格式不正确/) });
    expect(byRow[5]).toMatchObject({ column: 'indicator', message: '指标“no_such_thing”不在当前评价方案中' });
    expect(byRow[6]).toMatchObject({ column: 'indicator', message: '指标 calls_served 由共享调用记录自动计算，不能直接填报' });
    expect(byRow[7]).toMatchObject({ column: 'value', message: expect.stringMatching(/是比率，应为 0 到 1 之间的小数.*实际为 97/) });
    expect(byRow[8]).toMatchObject({ column: 'value', message: expect.stringMatching(/是计数，应为不小于 0 的整数，实际为 -3/) });
    expect(byRow[9]).toMatchObject({ column: 'value', message: expect.stringMatching(/是计数.*2\.5/) });
    expect(byRow[10]).toMatchObject({ column: 'period', message: '考核期 2099-01 尚未开始，不能提交未来月份的数据' });
    expect(byRow[11]).toMatchObject({ column: 'period', message: expect.stringMatching(/^考核期“2026-Q3”格式不正确：应为月份/) });
    expect(byRow[12]).toMatchObject({ column: 'indicator', message: expect.stringMatching(/^与第 2 行重复/) });
    expect(byRow[13]).toBeUndefined();
    expect(byRow[14]).toMatchObject({ column: 'value', message: '数值“abc”不是数字' });
    expect(byRow[15]).toMatchObject({ column: 'value', message: expect.stringMatching(/是分值，应在 0 到 100 之间/) });
    expect(byRow[2]).toBeUndefined();
    expect(await stored()).toBe(0);
  });

  it('names each event problem, and numbers JSON rows from 1', async () => {
    const r = await events({
      rows: [
        { date: '2026-09-01', provider: 'GAT', consumer: 'MZT', resource: 'r1', calls: 10 },
        { date: '2026-09-31', provider: 'GAT', consumer: 'MZT', resource: 'r1', calls: 10 },
        { date: '2099-01-01', provider: 'GAT', consumer: 'MZT', resource: 'r1', calls: 10 },
        { date: '2026-09-02', provider: 'GAT', consumer: 'NOPE', resource: 'r1', calls: 10 },
        { date: '2026-09-02', provider: 'GAT', consumer: 'MZT', resource: 'r1', calls: -1 },
        { date: '2026-09-02', provider: 'GAT', consumer: 'MZT', resource: 'r2', calls: 5, failures: 6 },
        { date: '2026-09-01', provider: 'GAT', consumer: 'MZT', resource: 'r1', calls: 3 },
        { provider: 'GAT', consumer: 'MZT', resource: 'r1', calls: 3 },
      ],
    });
    expect(r.status).toBe(422);
    const messages = r.body.errors.map((e: { row: number; column: string; message: string }) => `${e.row} ${e.column} ${e.message}`);
    expect(messages).toEqual([
      '2 date 日期“2026-09-31”格式不正确：应为 YYYY-MM-DD，如 2026-10-08',
      '3 date 日期 2099-01-01 晚于今天，不能提交未来的调用记录',
      '4 consumer 使用方“NOPE”不存在，请先在部门管理中添加',
      '5 calls 调用次数应为不小于 0 的整数，实际为“-1”',
      '6 failures 失败次数（6）不能大于调用次数（5）',
      '7 resource 与第 1 行重复：同一日期、提供方、使用方和资源在一批数据中只能出现一次',
      '8 date 缺少日期',
    ]);
    expect(await stored()).toBe(0);
  });
});

describe('403: a department-bound token writing another department', () => {
  it('lists the other departments’ metric rows', async () => {
    const r = await metrics(`${METRIC_HEADER}GAT,2026-09,accuracy_rate,0.9\nMZT,2026-09,accuracy_rate,0.9\n`, { token: gat });
    expect(r.status).toBe(403);
    expect(r.body.message).toBe('只能提交本部门（GAT）的数据：1 行属于其他部门，整批未保存');
    expect(r.body.errors).toEqual([{ row: 3, column: 'department', message: '只能提交本部门（GAT）的数据，本行部门为 MZT' }]);
  });

  it('may not write events at all, not even its own department\'s (only the platform does: docs/security.md)', async () => {
    // A bound token holding events:write can no longer be issued; one made before that rule is refused all the same.
    await expect(bearer(database, ['events:write'], 'GAT')).rejects.toThrow(/events:write/);
    const legacy = await bearer(database, ['events:write']);
    await database.query(`update api_tokens set department_code = 'GAT' where token_hash = $1`, [hashToken(legacy)]);
    const before = await database.query('select 1 from sharing_events');
    const r = await events(`${EVENT_HEADER}2026-09-01,GAT,MZT,r1,5,5,0\n`, { token: legacy });
    expect(r.status).toBe(403);
    expect((await database.query('select 1 from sharing_events')).length).toBe(before.length);
  });
});

describe('409: finalized periods', () => {
  it('refuses a finalized month and a month inside a finalized quarter', async () => {
    await database.query(
      `insert into periods (code, kind, starts_on, ends_on, status) values
         ('2026-05', 'month', '2026-05-01', '2026-05-31', 'finalized'),
         ('2026-Q1', 'quarter', '2026-01-01', '2026-03-31', 'finalized')`,
    );
    const r = await metrics(`${METRIC_HEADER}GAT,2026-05,accuracy_rate,0.9\nGAT,2026-02,accuracy_rate,0.9\nGAT,2026-09,accuracy_rate,0.9\n`);
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ error: 'period_locked', message: '考核期 2026-05、2026-Q1 已定稿，数据不可再修改，整批未保存' });
    expect(r.body.errors.map((e: { row: number }) => e.row)).toEqual([2, 3]);
    const e = await events(`${EVENT_HEADER}2026-05-03,GAT,MZT,r9,5,5,0\n`);
    expect(e).toMatchObject({ status: 409, body: { error: 'period_locked' } });
  });
});

describe('409: a finalization racing a batch', () => {
  it('refuses the batch when the period is finalized while the batch is in flight', async () => {
    await database.query(
      `insert into periods (code, kind, starts_on, ends_on) values ('2026-04', 'month', '2026-04-01', '2026-04-30')`,
    );
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const finalizing = database.transaction(async (tx) => {
      await tx.query(`select code from periods where code = '2026-04' for update`);
      await tx.query(`update periods set status = 'finalized' where code = '2026-04'`);
      await held; // the batch arrives while the finalization holds the row
    });
    const upload = metrics(`${METRIC_HEADER}GAT,2026-04,accuracy_rate,0.9\n`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await finalizing;
    expect(await upload).toMatchObject({ status: 409, body: { error: 'period_locked', message: expect.stringContaining('2026-04') } });
    expect(await database.query(`select 1 from indicator_values where period = '2026-04'`)).toEqual([]);
  });
});

describe('rejected batches', () => {
  it('are recorded and audited, storing nothing', async () => {
    const rejected = await database.query<{ n: number }>(`select count(*)::int as n from ingest_batches where status = 'rejected'`);
    const audited = await database.query<{ n: number }>(`select count(*)::int as n from audit_log where action like 'ingest.%' and outcome = 'failure'`);
    expect(rejected[0].n).toBeGreaterThanOrEqual(9);
    expect(audited[0].n).toBe(rejected[0].n);
    const [one] = await database.query<{ status_code: number; response: { errors: unknown[]; errorCount: number } }>(
      `select status_code, response from ingest_batches where status = 'rejected' and status_code = 422 order by created_at limit 1`,
    );
    expect(one.response.errorCount).toBe(12);
  });
});

describe("the upload page's dry run (/admin/ingest/check)", () => {
  it("answers in the reader's language, from the lang cookie", async () => {
    const cookie = await sessionCookie(database, await createTestUser(database, 'admin'));
    const dryRun = async (lang: string | null) => {
      const request = requestAs('/admin/ingest/check?kind=metrics', { cookie: lang ? `${cookie}; lang=${lang}` : cookie }, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: '' });
      const response = await check(request);
      return { status: response.status, body: (await response.json()) as { message: string } };
    };
    expect(await dryRun('en')).toMatchObject({ status: 400, body: { message: messages('en').ingest.errors.emptyBody } });
    expect(await dryRun(null)).toMatchObject({ status: 400, body: { message: messages('zh-CN').ingest.errors.emptyBody } });
  });
});
