// Idempotency-Key with Stripe's semantics, scoped to the caller; concurrency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from './support/db';
import { POST as postEvents } from '@/app/api/v1/events/route';
import { POST as postMetrics } from '@/app/api/v1/metrics/route';
import { bearer, seedBasics, uploadRequest } from '@/lib/ingest/test-support';
import type { Database } from '@/db/types';

let database: Database;
let token: string;
let other: string;

beforeAll(async () => {
  database = await useTestDatabase();
  await seedBasics(database);
  token = await bearer(database, ['metrics:write', 'events:write']);
  other = await bearer(database, ['metrics:write', 'events:write']);
});
afterAll(() => database.close());

const CSV = 'date,provider,consumer,resource,calls,records,failures\n2026-09-01,GAT,MZT,r1,10,100,1\n2026-09-02,GAT,MZT,r1,20,200,0\n';

const send = async (body: string, key: string, as = token) => {
  const response = await postEvents(uploadRequest('events', body, { token: as, key }));
  return { status: response.status, body: await response.json() };
};
const batchCount = async (key: string) =>
  (await database.query<{ n: number }>(`select count(*)::int as n from ingest_batches where idempotency_key = $1`, [key]))[0].n;

describe('Idempotency-Key', () => {
  it('replays the first response for the same key and body, storing nothing twice', async () => {
    const first = await send(CSV, 'k-replay');
    const again = await send(CSV, 'k-replay');
    expect(first).toMatchObject({ status: 201, body: { replayed: false } });
    expect(again).toEqual({ status: 201, body: { ...first.body, replayed: true } });
    expect(await batchCount('k-replay')).toBe(1);
    const [{ n }] = await database.query<{ n: number }>('select count(*)::int as n from sharing_events');
    expect(n).toBe(2);
  });

  it('refuses the same key with another body: 409', async () => {
    const r = await send(CSV.replace('10,100,1', '11,100,1'), 'k-replay');
    expect(r).toMatchObject({ status: 409, body: { error: 'idempotency_conflict', message: '该 Idempotency-Key 已用于另一份内容不同的数据，请换用新的键' } });
  });

  it('is scoped to the caller: another token may use the same key', async () => {
    const r = await send(CSV, 'k-replay', other);
    expect(r).toMatchObject({ status: 201, body: { replayed: false } });
    expect(await batchCount('k-replay')).toBe(2);
  });

  it('treats the same body sent to the other endpoint as another body', async () => {
    const response = await postMetrics(uploadRequest('metrics', CSV, { token, key: 'k-replay' }));
    expect(response.status).toBe(409);
  });

  it('does not bind a key to a rejected batch: the corrected body goes through under the same key', async () => {
    const bad = await send(CSV.replace('10,100,1', '-1,100,1'), 'k-fix');
    expect(bad.status).toBe(422);
    const fixed = await send(CSV.replace('2026-09-01', '2026-09-03'), 'k-fix');
    expect(fixed).toMatchObject({ status: 201, body: { replayed: false } });
  });

  it('stores one batch for 50 concurrent requests with one key; the others replay it', async () => {
    const body = CSV.replace(/r1/g, 'concurrent');
    const results = await Promise.all(Array.from({ length: 50 }, () => send(body, 'k-50')));
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(results.filter((r) => !r.body.replayed)).toHaveLength(1);
    expect(new Set(results.map((r) => r.body.batchId)).size).toBe(1);
    expect(await batchCount('k-50')).toBe(1);
    const [{ n }] = await database.query<{ n: number }>(`select count(*)::int as n from sharing_events where resource = 'concurrent'`);
    expect(n).toBe(2);
  });
});
