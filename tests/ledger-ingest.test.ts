// The ledgers' write path (docs/ingest.md "Ledgers"): POST /api/v1/catalog, /requests and
// /objections through the route handlers — every bad input → 422 naming each bad row with
// nothing stored, the versioned catalog read back as of a past day, a request's states
// moving forward and never back, due days on the working-day calendar, idempotency, and
// only the platform's unbound token may write.
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as postCatalog } from '@/app/api/v1/catalog/route';
import { POST as postRequests } from '@/app/api/v1/requests/route';
import { POST as postObjections } from '@/app/api/v1/objections/route';
import { POST as postMetrics } from '@/app/api/v1/metrics/route';
import type { Database } from '@/db/types';
import { bearer, seedBasics, uploadRequest } from '@/lib/ingest/test-support';
import { uploadFile } from '@/lib/ingest/uploader/upload-file';
import { CLI } from '@/lib/auth/principal';
import { removeWorkCalendarDay, setWorkCalendarDay } from '@/lib/ledgers/calendar-change';
import { addWorkingDays } from '@/lib/periods/calendar';
import { hasHolidays, loadWorkCalendar } from '@/lib/periods/calendar-service';
import { createTestToken } from './support/auth';
import { useTestDatabase } from './support/db';

/** The catalog as it stood on `day`: per resource, its latest version with updated_on <= day. */
const catalogOn = (database: Database, day: string) =>
  database.query<{ resource: string; share_type: string; updated_on: string }>(
    `select distinct on (resource) resource, share_type, to_char(updated_on, 'YYYY-MM-DD') as updated_on
     from catalog_versions where updated_on <= $1::date order by resource, updated_on desc, id desc`,
    [day],
  );

let database: Database;
let platform: string;

beforeAll(async () => {
  database = await useTestDatabase();
  await seedBasics(database);
  platform = await bearer(database, ['ledger:write']);
});
afterAll(() => database.close());

const HANDLERS = { catalog: postCatalog, requests: postRequests, objections: postObjections };
type Kind = keyof typeof HANDLERS;

async function send(kind: Kind, body: string | object, options: { token?: string; key?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': typeof body === 'string' ? 'text/csv' : 'application/json', authorization: `Bearer ${options.token ?? platform}` };
  if (options.key) headers['idempotency-key'] = options.key;
  const response = await HANDLERS[kind](new Request(`http://localhost/api/v1/${kind}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) }));
  return { status: response.status, body: await response.json() };
}

const CATALOG = 'resource,provider,name,share_type,legal_basis,update_cycle,published_on,updated_on,status\n';
const REQUESTS = 'request,consumer,provider,resource,purpose,submitted_at,replied_at,decision,reason,delivered_at,rating\n';
const OBJECTIONS = 'objection,consumer,provider,resource,kind,submitted_at,resolved_at,outcome,note\n';

const count = async (table: string) => Number((await database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n);
const request = async (id: string) => (await database.query<Record<string, unknown>>(`select *, to_char(reply_due_on, 'YYYY-MM-DD') as reply_due, to_char(delivery_due_on, 'YYYY-MM-DD') as delivery_due from sharing_requests where request = $1`, [id]))[0];
const rowsOf = (body: { errors?: Array<{ row: number; column: string; message: string }> }) => (body.errors ?? []).map((e) => `${e.row}:${e.column}`);

describe('the catalog', () => {
  it('stores versions: a later row for a resource supersedes the current one, and the catalog on a past day reads back', async () => {
    const first = await send('catalog', `${CATALOG}GAT-POP,GAT,人口基础信息,conditional,,daily,2026-01-05,2026-01-05,active\nMZT-MAR,MZT,婚姻登记信息,unconditional,,daily,2026-02-01,2026-02-01,active\n`);
    expect(first).toMatchObject({ status: 201, body: { rows: 2, replayed: false } });
    const second = await send('catalog', `${CATALOG}GAT-POP,GAT,人口基础信息,unconditional,,daily,2026-01-05,2026-10-15,active\n`);
    expect(second.status).toBe(201);
    expect(await count('catalog_versions')).toBe(3);
    const [{ current }] = await database.query<{ current: number }>(`select count(*)::int as current from catalog_versions where resource = 'GAT-POP' and superseded_at is null`);
    expect(current).toBe(1);
    const september = await catalogOn(database, '2026-09-30');
    expect(september.find((r) => r.resource === 'GAT-POP')).toMatchObject({ share_type: 'conditional', updated_on: '2026-01-05' });
    expect((await catalogOn(database, '2026-10-15')).find((r) => r.resource === 'GAT-POP')).toMatchObject({ share_type: 'unconditional' });
    expect((await catalogOn(database, '2026-01-31')).map((r) => r.resource)).toEqual(['GAT-POP']);
    // The same row again adds no version.
    expect((await send('catalog', `${CATALOG}GAT-POP,GAT,人口基础信息,unconditional,,daily,2026-01-05,2026-10-15,active\n`)).status).toBe(201);
    expect(await count('catalog_versions')).toBe(3);
  });

  it('refuses every bad row with its row number and stores nothing', async () => {
    const before = await count('catalog_versions');
    const r = await send(
      'catalog',
      CATALOG +
        'RST-SOC,RST,社保参保信息,none,,monthly,2026-03-01,2026-03-01,active\n' + // 2: none without a legal basis
        'X-1,NOPE,未知部门资源,conditional,,daily,2026-03-01,2026-03-01,active\n' + // 3: unknown provider
        'X-2,SWJ,纳税信息,sometimes,,daily,2026-03-01,2026-03-01,active\n' + // 4: bad share type
        'GAT-POP,GAT,人口基础信息,conditional,,daily,2026-01-05,2026-09-01,active\n' + // 5: older than the current version
        'X-3,SWJ,纳税信息,conditional,,daily,2026-03-01,2026-03-01,active\n' +
        'X-3,SWJ,纳税信息,conditional,,daily,2026-03-01,2026-03-01,active\n', // 7: twice in the batch
    );
    expect(r.status).toBe(422);
    expect(rowsOf(r.body)).toEqual(['2:legal_basis', '3:provider', '4:share_type', '5:updated_on', '7:resource']);
    expect(r.body.errors[0].message).toMatch(/依据/);
    expect(await count('catalog_versions')).toBe(before);
    expect((await send('catalog', `${CATALOG}RST-SOC,RST,社保参保信息,none,《社会保险法》第八十一条,monthly,2026-03-01,2026-03-01,active\n`)).status).toBe(201);
  });

  it('takes exactly the header of docs/ingest.md', async () => {
    const r = await send('catalog', 'resource,provider,name,share_type,update_cycle,published_on,updated_on,status\nA,GAT,n,conditional,daily,2026-01-01,2026-01-01,active\n');
    expect(r).toMatchObject({ status: 400, body: { error: 'bad_request' } });
    expect(r.body.message).toMatch(/legal_basis/);
  });
});

describe('requests', () => {
  it('computes the reply clock from the share type on the submission day and the delivery clock from an approving reply', async () => {
    // GAT-POP is conditional until 2026-10-15, unconditional from then on.
    const r = await send(
      'requests',
      REQUESTS +
        'REQ-A,MZT,GAT,GAT-POP,低保核验,2026-11-02T09:00:00+08:00,,pending,,,\n' + // unconditional: 1 working day
        'REQ-B,MZT,GAT,GAT-POP,低保核验,2026-10-12T09:00:00+08:00,,pending,,,\n' + // conditional then: 10
        'REQ-C,SWJ,MZT,,需求：婚姻状况批量核验,2026-11-02T10:00:00+08:00,,pending,,,\n', // a need not in the catalog: 10
    );
    expect(r).toMatchObject({ status: 201, body: { rows: 3 } });
    expect(await request('REQ-A')).toMatchObject({ reply_due: '2026-11-03', delivery_due: null, decision: 'pending' });
    expect(await request('REQ-B')).toMatchObject({ reply_due: '2026-10-26' });
    expect(await request('REQ-C')).toMatchObject({ reply_due: '2026-11-16', resource: null });
  });

  it('moves a request forward through its states, keeping each earlier state in history', async () => {
    expect((await send('requests', `${REQUESTS}REQ-A,MZT,GAT,GAT-POP,低保核验,2026-11-02T09:00:00+08:00,2026-11-03T16:00:00+08:00,approved,,,\n`)).status).toBe(201);
    expect(await request('REQ-A')).toMatchObject({ decision: 'approved', delivery_due: '2026-12-01' });
    const delivered = await send('requests', { rows: [{ request: 'REQ-A', consumer: 'MZT', provider: 'GAT', resource: 'GAT-POP', purpose: '低保核验', submitted_at: '2026-11-02T09:00:00+08:00', replied_at: '2026-11-03T16:00:00+08:00', decision: 'approved', delivered_at: '2026-11-20T10:00:00+08:00', rating: 4 }] });
    expect(delivered.status).toBe(201);
    expect(await request('REQ-A')).toMatchObject({ rating: 4, rating_source: 'platform' });
    const history = await database.query<{ row: { decision: string } }>(`select row from ledger_history where ledger = 'request' and item_id = 'REQ-A' order by id`);
    expect(history.map((h) => h.row.decision)).toEqual(['pending', 'approved']);
  });

  it('refuses going back, changed parties and every inconsistent row, naming each, storing nothing', async () => {
    const before = await database.query(`select * from sharing_requests order by request`);
    const historyBefore = await count('ledger_history');
    const r = await send(
      'requests',
      REQUESTS +
        'REQ-A,MZT,GAT,GAT-POP,低保核验,2026-11-02T09:00:00+08:00,,pending,,,\n' + // 2: going back (replied_at cleared)
        'REQ-B,SWJ,GAT,GAT-POP,低保核验,2026-10-12T09:00:00+08:00,,pending,,,\n' + // 3: the consumer changed
        'REQ-D,MZT,NOPE,,核验,2026-11-02T09:00:00+08:00,,pending,,,\n' + // 4: unknown provider
        'REQ-E,MZT,GAT,NO-SUCH,核验,2026-11-02T09:00:00+08:00,,pending,,,\n' + // 5: unknown resource
        'REQ-F,MZT,GAT,GAT-POP,核验,2026-11-02T09:00:00+08:00,2026-11-01T09:00:00+08:00,approved,,,\n' + // 6: reply before submission
        'REQ-G,MZT,GAT,GAT-POP,核验,2026-11-02T09:00:00+08:00,,pending,,2026-11-05T09:00:00+08:00,\n' + // 7: delivery without approval
        'REQ-H,MZT,GAT,GAT-POP,核验,2026-11-02T09:00:00+08:00,2026-11-03T09:00:00+08:00,refused,,,\n' + // 8: refusal without a reason
        'REQ-I,MZT,GAT,GAT-POP,核验,2026-11-02T09:00:00+08:00,2026-11-03T09:00:00+08:00,approved,,2026-11-04T09:00:00+08:00,6\n' + // 9: rating outside 1–5
        'REQ-J,MZT,GAT,GAT-POP,核验,2026-11-02T09:00:00+08:00,2026-11-03T09:00:00+08:00,approved,,,5\n' + // 10: rating without delivery
        'REQ-K,MZT,GAT,GAT-POP,核验,2026-11-02T09:00:00+08:00,2026-11-05T09:00:00+08:00,approved,,2026-11-04T09:00:00+08:00,\n' + // 11: delivery before reply
        'REQ-L,MZT,GAT,GAT-POP,核验,2026-11-02T09:00:00+08:00,,approved,,,\n' + // 12: decided without replied_at
        'REQ-M,MZT,GAT,GAT-POP,核验,2026-11-02 09:00,,pending,,,\n' + // 13: no offset
        'REQ-N,MZT,GAT,GAT-POP,核验,2026-11-02T09:00:00+08:00,,pending,,,\n' +
        'REQ-N,MZT,GAT,GAT-POP,核验,2026-11-02T09:00:00+08:00,,pending,,,\n' + // 15: twice in one batch
        'REQ-O,MZT,RST,GAT-POP,核验,2026-11-02T09:00:00+08:00,,pending,,,\n', // 16: the resource is GAT's
    );
    expect(r.status).toBe(422);
    expect(r.body.error).toBe('validation_failed');
    expect(rowsOf(r.body)).toEqual([
      '2:replied_at', '2:delivered_at', '2:rating', '3:consumer', '4:provider', '5:resource', '6:replied_at', '7:delivered_at', '8:reason', '9:rating',
      '10:rating', '11:delivered_at', '12:replied_at', '13:submitted_at', '15:request', '16:resource',
    ]);
    expect(await database.query(`select * from sharing_requests order by request`)).toEqual(before);
    expect(await count('ledger_history')).toBe(historyBefore + 0);
    const [{ rejected }] = await database.query<{ rejected: number }>(`select count(*)::int as rejected from ingest_batches where kind = 'requests' and status = 'rejected'`);
    expect(rejected).toBeGreaterThan(0);
  });

  it('refuses clearing a platform rating and a decision back to pending', async () => {
    const r = await send(
      'requests',
      REQUESTS +
        'REQ-A,MZT,GAT,GAT-POP,低保核验,2026-11-02T09:00:00+08:00,2026-11-03T16:00:00+08:00,approved,,2026-11-20T10:00:00+08:00,\n' +
        'REQ-C,SWJ,MZT,,需求：婚姻状况批量核验,2026-11-02T10:00:00+08:00,,pending,,,\n',
    );
    expect(r.status).toBe(422);
    expect(rowsOf(r.body)).toEqual(['2:rating']);
  });

  it("replaces a consumer's own rating with the platform's and keeps it otherwise", async () => {
    await database.query(`update sharing_requests set rating = 2, rating_source = 'consumer' where request = 'REQ-A'`);
    const same = 'REQ-A,MZT,GAT,GAT-POP,低保核验,2026-11-02T09:00:00+08:00,2026-11-03T16:00:00+08:00,approved,,2026-11-20T10:00:00+08:00,';
    expect((await send('requests', `${REQUESTS}${same}\n`)).status).toBe(201);
    expect(await request('REQ-A')).toMatchObject({ rating: 2, rating_source: 'consumer' });
    expect((await send('requests', `${REQUESTS}${same}5\n`)).status).toBe(201);
    expect(await request('REQ-A')).toMatchObject({ rating: 5, rating_source: 'platform' });
  });

  it('replays a batch sent again under the same Idempotency-Key and refuses the key with another body', async () => {
    const body = `${REQUESTS}REQ-P,RST,GAT,GAT-POP,就业核验,2026-11-09T09:00:00+08:00,,pending,,,\n`;
    const first = await send('requests', body, { key: 'req-p-1' });
    expect(first.status).toBe(201);
    const again = await send('requests', body, { key: 'req-p-1' });
    expect(again).toMatchObject({ status: 201, body: { batchId: first.body.batchId, replayed: true } });
    expect((await send('requests', body.replace('就业核验', '社保核验'), { key: 'req-p-1' })).status).toBe(409);
  });

  it('marks the periods of the due days stale', async () => {
    const generation = async (period: string) => Number((await database.query<{ g: number }>(`select coalesce(max(generation), 0) as g from score_generations where period = $1`, [period]))[0].g);
    const before = await generation('2026-11');
    const beforeDecember = await generation('2026-12');
    expect((await send('requests', `${REQUESTS}REQ-Q,RST,GAT,GAT-POP,就业核验,2026-11-10T09:00:00+08:00,2026-11-10T15:00:00+08:00,approved,,,\n`)).status).toBe(201);
    expect(await generation('2026-11')).toBeGreaterThan(before); // reply due 2026-11-11
    expect(await generation('2026-12')).toBeGreaterThan(beforeDecember); // delivery due 2026-12-08
    expect(await generation('2026-Q4')).toBeGreaterThan(0);
  });
});

describe('objections', () => {
  it('stores an objection with its due day, replaces a consumer submission with the platform row, refuses bad rows', async () => {
    await database.query(
      `insert into data_objections (objection, consumer, provider, resource, kind, submitted_at, outcome, source, due_on, created_by)
       values ('OBJ-1', 'MZT', 'GAT', 'GAT-POP', 'accuracy', '2026-11-02T09:00:00+08:00', 'pending', 'consumer', '2026-11-16', 'user:9')`,
    );
    const ok = await send('objections', `${OBJECTIONS}OBJ-1,MZT,GAT,GAT-POP,completeness,2026-11-02T10:00:00+08:00,2026-11-06T10:00:00+08:00,corrected,已补全\n`);
    expect(ok.status).toBe(201);
    const [row] = await database.query<Record<string, unknown>>(`select *, to_char(due_on, 'YYYY-MM-DD') as due from data_objections where objection = 'OBJ-1'`);
    expect(row).toMatchObject({ source: 'platform', kind: 'completeness', outcome: 'corrected', due: '2026-11-16', created_by: null });
    const [kept] = await database.query<{ row: { source: string } }>(`select row from ledger_history where ledger = 'objection' and item_id = 'OBJ-1'`);
    expect(kept.row.source).toBe('consumer');

    const bad = await send(
      'objections',
      OBJECTIONS +
        'OBJ-2,MZT,GAT,GAT-POP,accuracy,2026-11-05T10:00:00+08:00,2026-11-04T10:00:00+08:00,rejected,\n' + // 2: resolved before submission
        'OBJ-3,MZT,GAT,GAT-POP,accuracy,2026-11-05T10:00:00+08:00,,corrected,\n' + // 3: an outcome without resolved_at
        'OBJ-4,MZT,GAT,GAT-POP,accuracy,2026-11-05T10:00:00+08:00,2026-11-06T10:00:00+08:00,pending,\n' + // 4: resolved but pending
        'OBJ-5,MZT,GAT,NOPE,accuracy,2026-11-05T10:00:00+08:00,,pending,\n' + // 5: unknown resource
        'OBJ-1,MZT,GAT,GAT-POP,completeness,2026-11-02T10:00:00+08:00,,pending,\n', // 6: going back
    );
    expect(bad.status).toBe(422);
    expect(rowsOf(bad.body)).toEqual(['2:resolved_at', '3:resolved_at', '4:resolved_at', '5:resource', '6:resolved_at']);
    expect(await count('data_objections')).toBe(1);
  });
});

describe('who may write the ledgers', () => {
  it('refuses a department-bound token holding ledger:write (403) and a token without the scope', async () => {
    const { secret: bound } = await createTestToken(database, ['ledger:write'], 'GAT');
    const body = `${CATALOG}GAT-NEW,GAT,新资源,conditional,,daily,2026-11-01,2026-11-01,active\n`;
    expect(await send('catalog', body, { token: bound })).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect((await send('catalog', body, { token: await bearer(database, ['events:write']) })).status).toBe(403);
    expect(await count("catalog_versions where resource = 'GAT-NEW'")).toBe(0);
  });

  it("refuses (409 central_value) a department replacing a metric value the platform's unbound token wrote, naming the rows", async () => {
    const central = await bearer(database, ['metrics:write']);
    const gat = await bearer(database, ['metrics:write'], 'GAT');
    const metrics = async (body: string, token: string) => {
      const response = await postMetrics(uploadRequest('metrics', body, { token }));
      return { status: response.status, body: await response.json() };
    };
    const header = 'department,period,indicator,value\n';
    expect((await metrics(`${header}GAT,2026-10,completeness_rate,0.9\n`, central)).status).toBe(201);
    expect((await metrics(`${header}GAT,2026-10,accuracy_rate,0.8\n`, gat)).status).toBe(201);
    const r = await metrics(`${header}GAT,2026-10,accuracy_rate,0.85\nGAT,2026-10,completeness_rate,0.99\n`, gat);
    expect(r).toMatchObject({ status: 409, body: { error: 'central_value' } });
    expect(rowsOf(r.body)).toEqual(['3:value']);
    const values = await database.query<{ indicator: string; value: number }>(`select indicator, value from indicator_values where department_code = 'GAT' and superseded_at is null order by indicator`);
    expect(values).toEqual([{ indicator: 'accuracy_rate', value: 0.8 }, { indicator: 'completeness_rate', value: 0.9 }]);
    // The same value again replaces nothing; its own values the department may correct.
    expect((await metrics(`${header}GAT,2026-10,completeness_rate,0.9\nGAT,2026-10,accuracy_rate,0.85\n`, gat)).status).toBe(201);
    // The platform itself may still correct its value.
    expect((await metrics(`${header}GAT,2026-10,completeness_rate,0.95\n`, central)).status).toBe(201);
  });

  it('cannot issue a department-bound token with ledger:write', async () => {
    await expect(bearer(database, ['ledger:write'], 'GAT')).rejects.toThrow(/ledger:write/);
  });
});

describe('a calendar change moves the clocks', () => {
  it('recomputes the due days a new holiday spans, in the same transaction, marks their periods stale, and moves them back when it goes', async () => {
    const due = async () =>
      Object.fromEntries(
        (
          await database.query<{ id: string; due: string; delivery: string | null }>(
            `select request as id, to_char(reply_due_on, 'YYYY-MM-DD') as due, to_char(delivery_due_on, 'YYYY-MM-DD') as delivery from sharing_requests
             union all select objection, to_char(due_on, 'YYYY-MM-DD'), null from data_objections order by 1`,
          )
        ).map((r) => [r.id, [r.due, r.delivery]]),
      );
    const generation = async () => Number((await database.query<{ g: number }>(`select coalesce(max(generation), 0) as g from score_generations where period = '2026-11'`))[0].g);
    const before = await due();
    expect(before['REQ-C']).toEqual(['2026-11-16', null]);
    expect(before['OBJ-1']).toEqual(['2026-11-16', null]);
    expect(before['REQ-A']).toEqual(['2026-11-03', '2026-12-01']);
    const staleBefore = await generation();

    await setWorkCalendarDay(database, { principal: CLI }, { day: '2026-11-10', kind: 'holiday', name: '测试假日' });
    const after = await due();
    expect(after['REQ-C']).toEqual(['2026-11-17', null]); // submitted 11-02: the holiday is inside its ten days
    expect(after['OBJ-1']).toEqual(['2026-11-17', null]);
    expect(after['REQ-A']).toEqual(['2026-11-03', '2026-12-02']); // replied 11-03: delivery moves, the reply (due 11-03) does not
    expect(after['REQ-Q']).toEqual(before['REQ-Q']); // submitted and replied on 11-10 itself: the day of submission never counts
    expect(await generation()).toBeGreaterThan(staleBefore);
    const [{ kept }] = await database.query<{ kept: number }>(`select count(*)::int as kept from ledger_history where superseded_by = 'calendar:2026-11-10'`);
    expect(kept).toBeGreaterThanOrEqual(3);

    await removeWorkCalendarDay(database, { principal: CLI }, '2026-11-10');
    expect(await due()).toEqual(before);
  });
});

describe('past the end of the calendar', () => {
  it('counts Monday–Friday and tells the admin pages that next year has no holidays yet', async () => {
    expect(await hasHolidays(database, 2026)).toBe(true);
    expect(await hasHolidays(database, 2027)).toBe(false);
    // 2027-01-01 is a Friday: with no 2027 holidays listed it is a working day.
    expect(addWorkingDays('2026-12-31', 1, await loadWorkCalendar(database))).toBe('2027-01-01');
  });
});

describe('the chunked uploader (cli ingest --kind requests)', () => {
  it('uploads a requests file in chunks to /api/v1/requests and resumes without storing anything twice', async () => {
    const server = http.createServer(async (req, res) => {
      const body: Buffer[] = [];
      for await (const part of req) body.push(part as Buffer);
      const kind = req.url!.replace('/api/v1/', '') as Kind;
      const response = await HANDLERS[kind](new Request(`http://localhost${req.url}`, { method: 'POST', headers: req.headers as Record<string, string>, body: Buffer.concat(body) }));
      res.writeHead(response.status, { 'content-type': 'application/json' }).end(await response.text());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const dir = mkdtempSync(path.join(tmpdir(), 'ss-ledger-upload-'));
    try {
      const file = path.join(dir, 'requests.csv');
      const lines = Array.from({ length: 250 }, (_, i) => `UP-${i},RST,SWJ,,纳税证明核验,2026-11-${String((i % 20) + 1).padStart(2, '0')}T09:00:00+08:00,,pending,,,`);
      writeFileSync(file, `${REQUESTS}${lines.join('\n')}\n`);
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      const options = { file, kind: 'requests' as const, url, token: platform, chunkRows: 100, concurrency: 2, retries: 0, backoffMs: 5 };
      expect(await uploadFile(options)).toMatchObject({ rows: 250, chunks: 3, stored: 3, rejected: [] });
      expect(await count("sharing_requests where request like 'UP-%'")).toBe(250);
      expect(await uploadFile(options)).toMatchObject({ stored: 0, replayed: 3 });
    } finally {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the example files (docs/ingest.md "Ledgers")', () => {
  it('are accepted as they stand', async () => {
    for (const kind of ['catalog', 'requests', 'objections'] as const) {
      const r = await send(kind, readFileSync(path.join('examples', `${kind}.csv`), 'utf8'));
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
  });
});
