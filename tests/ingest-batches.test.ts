// Accepted batches: what is stored, history of replaced values, upserted events,
// period rows, stale scores, all-or-nothing, audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from './support/db';
import { POST as postMetrics } from '@/app/api/v1/metrics/route';
import { POST as postEvents } from '@/app/api/v1/events/route';
import { bearer, seedBasics, uploadRequest } from '@/lib/ingest/test-support';
import type { Database } from '@/db/types';
import { staleness } from './support/scores';

let database: Database;
let token: string;

beforeAll(async () => {
  database = await useTestDatabase();
  await seedBasics(database);
  token = await bearer(database, ['metrics:write', 'events:write']);
});
afterAll(() => database.close());

const send = async (kind: 'metrics' | 'events', body: string | object, key?: string) => {
  const response = await (kind === 'metrics' ? postMetrics : postEvents)(uploadRequest(kind, body, { token, key }));
  return { status: response.status, body: await response.json() };
};

describe('metrics', () => {
  it('stores a CSV batch, replaces a value keeping the earlier one in history', async () => {
    const first = await send('metrics', 'department,period,indicator,value,note\nGAT,2026-09,accuracy_rate,0.9,初报\nMZT,2026-09,accuracy_rate,0.8,\n');
    expect(first).toMatchObject({ status: 201, body: { rows: 2, replayed: false, batchId: expect.any(String) } });
    const second = await send('metrics', { rows: [{ department: 'GAT', period: '2026-09', indicator: 'accuracy_rate', value: 0.95, note: '更正' }] });
    expect(second.status).toBe(201);
    const rows = await database.query<{ value: number; note: string | null; current: boolean; batch_id: string }>(
      `select value, note, superseded_at is null as current, batch_id from indicator_values where department_code = 'GAT' order by id`,
    );
    expect(rows).toEqual([
      { value: 0.9, note: '初报', current: false, batch_id: first.body.batchId },
      { value: 0.95, note: '更正', current: true, batch_id: second.body.batchId },
    ]);
  });

  it('adds no history when a value is sent again unchanged', async () => {
    await send('metrics', 'department,period,indicator,value\nMZT,2026-09,accuracy_rate,0.8\n');
    const [{ n }] = await database.query<{ n: number }>(`select count(*)::int as n from indicator_values where department_code = 'MZT'`);
    expect(n).toBe(1);
  });

  it('creates the month, quarter and year period rows', async () => {
    const codes = (await database.query<{ code: string }>('select code from periods order by code')).map((p) => p.code);
    expect(codes).toEqual(['2026', '2026-09', '2026-Q3']);
  });
});

describe('events', () => {
  it('upserts by (date, provider, consumer, resource)', async () => {
    const csv = 'date,provider,consumer,resource,calls,records,failures\n2026-08-01,GAT,MZT,人口库,100,5000,2\n2026-08-01,GAT,RST,人口库,7,,\n';
    expect((await send('events', csv)).status).toBe(201);
    const replaced = await send('events', 'date,provider,consumer,resource,calls\n2026-08-01,GAT,MZT,人口库,120\n');
    const rows = await database.query('select provider, consumer, resource, calls, records, failures, batch_id from sharing_events order by consumer');
    expect(rows).toEqual([
      { provider: 'GAT', consumer: 'MZT', resource: '人口库', calls: 120, records: 0, failures: 0, batch_id: replaced.body.batchId },
      { provider: 'GAT', consumer: 'RST', resource: '人口库', calls: 7, records: 0, failures: 0, batch_id: expect.any(String) },
    ]);
  });
});

describe('all or nothing', () => {
  it('stores nothing when the last of 10,000 good rows is bad', async () => {
    const before = await database.query<{ n: number }>('select count(*)::int as n from sharing_events');
    const good = Array.from({ length: 10_000 }, (_, i) => `2026-07-${String((i % 28) + 1).padStart(2, '0')},GAT,MZT,r${i},10,10,0`);
    const r = await send('events', `date,provider,consumer,resource,calls,records,failures\n${good.join('\n')}\n2026-07-01,GAT,MZT,last,-5,0,0\n`);
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([{ row: 10_002, column: 'calls', message: '调用次数应为不小于 0 的整数，实际为“-5”' }]);
    expect(await database.query('select count(*)::int as n from sharing_events')).toEqual(before);
    expect(await database.query(`select 1 from periods where code = '2026-07'`)).toEqual([]);
  });

  it('stores all 10,000 when they are all good', async () => {
    const good = Array.from({ length: 10_000 }, (_, i) => `2026-07-${String((i % 28) + 1).padStart(2, '0')},GAT,MZT,r${i},10,10,0`);
    const r = await send('events', `date,provider,consumer,resource,calls,records,failures\n${good.join('\n')}\n`);
    expect(r).toMatchObject({ status: 201, body: { rows: 10_000 } });
    const [{ n }] = await database.query<{ n: number }>(`select count(*)::int as n from sharing_events where batch_id = $1`, [r.body.batchId]);
    expect(n).toBe(10_000);
  });
});

describe('bookkeeping', () => {
  it('records every accepted batch with its months and audits it in the same transaction', async () => {
    const batches = await database.query<{ id: string; status: string; rows: number; periods: string[] }>(
      `select id, status, rows, periods from ingest_batches where status = 'accepted' order by created_at`,
    );
    expect(batches.length).toBe(6);
    expect(batches[0]).toMatchObject({ rows: 2, periods: ['2026-09'] });
    const audited = await database.query<{ target: string }>(`select target from audit_log where action like 'ingest.%' and outcome = 'success'`);
    expect(audited.map((a) => a.target).sort()).toEqual(batches.map((b) => b.id).sort());
  });

  it('marks the cached scores of the month, its quarter and its year stale', async () => {
    await database.query(
      `insert into period_scores (period, scheme_id, input_hash, generation, computed_at, summary)
       select code, 0, 'x', coalesce((select generation from score_generations g where g.period = code), 0), now(), '{}'::jsonb from (values ('2026-09'), ('2026-Q3'), ('2026'), ('2026-08'), ('2026-Q4')) as p(code)`,
    );
    await send('metrics', 'department,period,indicator,value\nRST,2026-09,accuracy_rate,0.7\n');
    expect(await staleness(database)).toEqual([
      { period: '2026', stale: true },
      { period: '2026-08', stale: false },
      { period: '2026-09', stale: true },
      { period: '2026-Q3', stale: true },
      { period: '2026-Q4', stale: false },
    ]);
  });
});

describe('event corrections (issue #12 item 10)', () => {
  const HEADER = 'date,provider,consumer,resource,calls,records,failures\n';
  const history = () =>
    database.query('select consumer, calls, records, failures, batch_id, superseded_by from sharing_event_history where resource = $1 order by id', ['社保库']);

  it('replace the stored row and keep the earlier values in history, with the batch that wrote them and the one that replaced them', async () => {
    const platform = await send('events', `${HEADER}2026-07-01,GAT,RST,社保库,987654321,1000,12\n2026-07-01,GAT,MZT,社保库,5,5,0\n`);
    const correction = await send('events', `${HEADER}2026-07-01,GAT,RST,社保库,100000,1000,0\n`);
    expect(correction.status).toBe(201);
    const [current] = await database.query(`select calls, failures, batch_id from sharing_events where consumer = 'RST' and resource = '社保库'`);
    expect(current).toEqual({ calls: 100000, failures: 0, batch_id: correction.body.batchId });
    expect(await history()).toEqual([
      { consumer: 'RST', calls: 987654321, records: 1000, failures: 12, batch_id: platform.body.batchId, superseded_by: correction.body.batchId },
    ]);
    const [audit] = await database.query<{ payload: string }>(`select payload from audit_log where target = $1`, [correction.body.batchId]);
    expect(JSON.parse(audit.payload)).toMatchObject({ replaced: 1 });
  });

  it('add no history for a row sent again unchanged, and one entry per further change', async () => {
    await send('events', `${HEADER}2026-07-01,GAT,RST,社保库,100000,1000,0\n2026-07-01,GAT,MZT,社保库,5,5,0\n`);
    expect(await history()).toHaveLength(1);
    await send('events', `${HEADER}2026-07-01,GAT,RST,社保库,100001,1000,0\n`);
    expect((await history()).map((h) => (h as { calls: number }).calls)).toEqual([987654321, 100000]);
  });
});
