// Bodies built to hurt (issue #12 items 1, 2, 13): the row limit ends the parse, ragged
// and truncated rows are row errors, control characters are row errors, other work
// gets turns while a large body is read, and an upload over the byte limit is refused
// however it is sent. Speed itself is measured by scripts/bench/ingest-abuse.ts.
import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from './support/db';
import { createTestUser, requestAs, sessionCookie } from './support/auth';
import { POST as postMetrics } from '@/app/api/v1/metrics/route';
import { POST as postEvents } from '@/app/api/v1/events/route';
import { POST as check } from '@/app/admin/ingest/check/route';
import type { Database } from '@/db/types';
import { MAX_BYTES, MAX_ROWS, readUpload } from '@/lib/ingest';
import { LISTED_RAGGED_ROWS } from '@/lib/ingest/rows';
import { parseUpload } from '@/lib/ingest/parse';
import { bearer, seedBasics, uploadRequest } from '@/lib/ingest/test-support';
import { config } from '@/proxy';

let database: Database;
let token: string;

beforeAll(async () => {
  database = await useTestDatabase();
  await seedBasics(database);
  token = await bearer(database, ['metrics:write', 'events:write']);
});
afterAll(() => database.close());

const EVENT_HEADER = 'date,provider,consumer,resource,calls,records,failures';
const METRIC_HEADER = 'department,period,indicator,value,note';
const csv = (text: string) => ({ format: 'csv' as const, text, idempotencyKey: null });

async function send(kind: 'metrics' | 'events', body: string | object) {
  const response = await (kind === 'metrics' ? postMetrics : postEvents)(uploadRequest(kind, body, { token }));
  return { status: response.status, body: await response.json() };
}
const storedRows = async () => {
  const [{ n }] = await database.query<{ n: number }>('select (select count(*) from indicator_values) + (select count(*) from sharing_events) as n');
  return Number(n);
};

describe('the row limit ends the parse', () => {
  it(`answers 413 at row ${MAX_ROWS + 1} without reading what follows`, async () => {
    // What follows the limit is malformed: a parser that read the whole body first would say 400.
    const rows = Array.from({ length: MAX_ROWS + 1 }, (_, i) => `2026-09-01,GAT,MZT,"r${i}",1,1,0`).join('\n');
    const parse = parseUpload('events', csv(`${EVENT_HEADER}\n${rows}\n"never closed`));
    await expect(parse).rejects.toMatchObject({ status: 413 });
  });

  it('answers a 5 MB body of ragged lines (quoted header, so no fast path) with 413 and stores nothing', async () => {
    const body = `"date",provider,consumer,resource,calls\n${',\n'.repeat(2_600_000)}`;
    expect(await send('events', body)).toMatchObject({ status: 413, body: { error: 'payload_too_large' } });
    expect(await storedRows()).toBe(0);
  });

  it('gives other work turns while a large body is parsed and its rows are shaped', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `2026-09-01,GAT,MZT,r${i},1,1,0`).join('\n');
    let turns = 0;
    let counting = true;
    const tick = () => {
      turns++;
      if (counting) setImmediate(tick);
    };
    setImmediate(tick);
    const parsed = await parseUpload('events', csv(`${EVENT_HEADER}\n${rows}\n`));
    counting = false;
    expect(parsed).toHaveLength(40_000);
    expect(turns).toBeGreaterThanOrEqual(10);
  });
});

describe('rows with the wrong number of columns', () => {
  it(`are one row error each, the first ${LISTED_RAGGED_ROWS} listed and all counted`, async () => {
    const good = '2026-09-01,GAT,MZT,r,1,1,0';
    const body = [EVENT_HEADER, good, ...Array.from({ length: 150 }, () => ','), '"2026-09-01","GAT","MZT","quoted",1,1,0', '2026-09-01,GAT,MZT,s,1,1,0,extra'].join('\n');
    const r = await send('events', body);
    expect(r.status).toBe(422);
    expect(r.body.message).toContain('151 行');
    expect(r.body.errors).toHaveLength(LISTED_RAGGED_ROWS);
    expect(r.body.errors[0]).toEqual({ row: 3, column: '', message: expect.stringContaining('本行有 2 列，表头有 7 列') });
    expect(await storedRows()).toBe(0);
  });

  it('refuses a final row cut short (no final newline, columns missing) instead of storing its part', async () => {
    // The row crossing a cut: `calls` 987654321 arrived as 98765 and records, failures were lost.
    const body = `${EVENT_HEADER}\n2026-09-01,GAT,MZT,r1,5,5,0\n2026-09-02,GAT,MZT,r2,98765`;
    const r = await send('events', body);
    expect(r).toMatchObject({ status: 422, body: { errors: [{ row: 3, message: expect.stringContaining('本行有 5 列，表头有 7 列') }] } });
    expect(await storedRows()).toBe(0);
  });

  it('are refused the same way by the upload page’s dry run', async () => {
    const cookie = await sessionCookie(database, await createTestUser(database, 'admin'));
    const request = requestAs('/admin/ingest/check?kind=metrics', { cookie }, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: `${METRIC_HEADER}\n,\n` });
    const response = await check(request);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ errors: [{ row: 2, message: expect.stringContaining('表头有 5 列') }] });
  });
});

describe('control characters in a cell', () => {
  it('are a 422 naming the row and column, recorded and audited like any refused batch', async () => {
    const before = await database.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'ingest.events' and outcome = 'failure'`);
    const r = await send('events', `${EVENT_HEADER}\n2026-09-01,GAT,MZT,ok,1,1,0\n2026-09-01,GAT,MZT,bad\u0000id,1,1,0\n`);
    expect(r).toMatchObject({ status: 422, body: { errors: [{ row: 3, column: 'resource', message: expect.stringContaining('U+0000') }] } });
    const after = await database.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'ingest.events' and outcome = 'failure'`);
    expect(after[0].n).toBe(before[0].n + 1);
    const [batch] = await database.query<{ status_code: number }>('select status_code from ingest_batches where id = $1', [r.body.batchId]);
    expect(Number(batch.status_code)).toBe(422);
  });

  it('are refused in JSON cells too (row = index in rows), but a note may hold a tab and a line break', async () => {
    const rows = [
      { department: 'GAT', period: '2026-09', indicator: 'completeness_rate', value: 0.9, note: 'a\tb\nc' },
      { department: 'MZT', period: '2026-09', indicator: 'completeness_rate', value: 0.9, note: 'nul\u0000' },
      { department: 'RST\u0007', period: '2026-09', indicator: 'completeness_rate', value: 0.9 },
      { department: 'SWJ', period: '2026-09', indicator: 'completeness\tx', value: 0.9 },
    ];
    const r = await send('metrics', { rows });
    expect(r.status).toBe(422);
    expect(r.body.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [2, 'note'],
      [3, 'department'],
      [4, 'indicator'],
    ]);
    expect(await send('metrics', { rows: rows.slice(0, 1) })).toMatchObject({ status: 201 });
    const [stored] = await database.query<{ note: string }>(`select note from indicator_values where department_code = 'GAT'`);
    expect(stored.note).toBe('a\tb\nc');
  });
});

describe('an upload over the byte limit', () => {
  it('is refused while reading a chunked body without Content-Length, reading at most one more limit’s worth', async () => {
    const chunk = new TextEncoder().encode(`2026-09-01,GAT,MZT,r,987654321,1,0\n`.repeat(2000));
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
        if (pulled > 4 * MAX_BYTES) controller.close();
      },
    });
    const request = new Request('http://localhost/api/v1/events', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(request.headers.get('content-length')).toBeNull();
    const response = await postEvents(request);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(2 * MAX_BYTES + 3 * chunk.byteLength);
    expect(await storedRows()).toBe(1); // only the metric row stored above
  });

  it('reaches its handler whole: the proxy, which would buffer and cut it at 10 MB, does not run on upload routes', () => {
    const runs = (url: string) => unstable_doesMiddlewareMatch({ config, url });
    for (const path of ['/api/v1/metrics', '/api/v1/events', '/api/v1/events/', '/admin/ingest/check']) expect(runs(path), path).toBe(false);
    for (const path of ['/api/v1/scores', '/api/v1/periods/2026-09/publish', '/admin/ingest', '/rankings', '/api/v1/eventsx']) expect(runs(path), path).toBe(true);
  });

  it('is refused by the reader at one byte over the limit, and read whole at the limit', async () => {
    const stream = (size: number) =>
      new Request('http://localhost/api/v1/events', {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: new ReadableStream({
          start(c) {
            c.enqueue(new Uint8Array(size).fill(0x61));
            c.close();
          },
        }),
        duplex: 'half',
      } as RequestInit);
    await expect(readUpload(stream(MAX_BYTES + 1))).rejects.toMatchObject({ status: 413 });
    expect((await readUpload(stream(MAX_BYTES))).text).toHaveLength(MAX_BYTES);
  });
});
