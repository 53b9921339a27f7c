// The chunked uploader against the real route handlers behind a local HTTP server:
// chunking, retries on 5xx, resuming after a crash without double counting, and
// rejected chunks reported with file row numbers.
import http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from './support/db';
import { POST as postEvents } from '@/app/api/v1/events/route';
import { bearer, seedBasics } from '@/lib/ingest/test-support';
import { csvChunks } from '@/lib/ingest/uploader/chunks';
import { ChunkSendError } from '@/lib/ingest/uploader/send';
import { uploadFile } from '@/lib/ingest/uploader/upload-file';
import type { Database } from '@/db/types';

let database: Database;
let token: string;
let server: http.Server;
let url: string;
/** Decides per request whether the server fails it instead of answering: 'ok' | '503' | 'drop'. */
let fault: (n: number) => 'ok' | '503' | 'drop' = () => 'ok';
let requests = 0;

beforeAll(async () => {
  database = await useTestDatabase();
  await seedBasics(database);
  token = await bearer(database, ['events:write']);
  server = http.createServer(async (req, res) => {
    const n = ++requests;
    const body: Buffer[] = [];
    for await (const part of req) body.push(part as Buffer);
    const what = fault(n);
    if (what === 'drop') return res.destroy();
    if (what === '503') return res.writeHead(503).end('{"error":"unavailable"}');
    const request = new Request(`http://localhost${req.url}`, { method: 'POST', headers: req.headers as Record<string, string>, body: Buffer.concat(body) });
    const response = await postEvents(request);
    res.writeHead(response.status, { 'content-type': 'application/json' }).end(await response.text());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  server.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

const dir = mkdtempSync(path.join(tmpdir(), 'ss-uploader-'));
function eventsFile(name: string, rows: number, edit: (line: string, i: number) => string = (l) => l): string {
  const lines = Array.from({ length: rows }, (_, i) => edit(`2026-06-${String((i % 28) + 1).padStart(2, '0')},GAT,MZT,${name}-${i},10,100,1`, i));
  const file = path.join(dir, `${name}.csv`);
  writeFileSync(file, `date,provider,consumer,resource,calls,records,failures\n${lines.join('\n')}\n`);
  return file;
}
const options = (file: string) => ({ file, kind: 'events' as const, url, token, chunkRows: 100, concurrency: 2, retries: 3, backoffMs: 5 });
const count = async (prefix: string) =>
  (await database.query<{ n: number }>(`select count(*)::int as n from sharing_events where resource like $1`, [`${prefix}-%`]))[0].n;

describe('chunks', () => {
  it('keep under the byte budget, repeat the header, and map rows back to the file', async () => {
    const file = eventsFile('split', 250);
    const chunks = [];
    for await (const c of csvChunks(file, 100, 3000)) chunks.push(c);
    expect(chunks.every((c) => Buffer.byteLength(c.csv) <= 3000)).toBe(true);
    expect(chunks.every((c) => c.csv.startsWith('date,provider,'))).toBe(true);
    expect(chunks.reduce((n, c) => n + c.rows, 0)).toBe(250);
    expect(chunks[0].fileRows[0]).toBe(2);
    expect(chunks[1].fileRows[0]).toBe(chunks[0].rows + 2);
  });
});

describe('uploadFile', () => {
  it('uploads every chunk, retrying a 503', async () => {
    requests = 0;
    fault = (n) => (n === 2 ? '503' : 'ok');
    const summary = await uploadFile(options(eventsFile('retry', 450)));
    expect(summary).toMatchObject({ chunks: 5, stored: 5, replayed: 0, rows: 450, rejected: [] });
    expect(await count('retry')).toBe(450);
  });

  it('resumes after a crash: what arrived replays, nothing counts twice', async () => {
    const file = eventsFile('resume', 1000);
    requests = 0;
    fault = (n) => (n > 4 ? 'drop' : 'ok'); // the connection dies after four chunks
    await expect(uploadFile({ ...options(file), retries: 0, concurrency: 1 })).rejects.toBeInstanceOf(ChunkSendError);
    expect(await count('resume')).toBe(400);
    fault = () => 'ok';
    const summary = await uploadFile(options(file));
    expect(summary).toMatchObject({ chunks: 10, stored: 6, replayed: 4, rows: 1000 });
    expect(await count('resume')).toBe(1000);
    const [{ n }] = await database.query<{ n: number }>(`select count(*)::int as n from ingest_batches where idempotency_key like $1`, [`sha256:${summary.sha256}:%`]);
    expect(n).toBe(10);
  });

  it('reports rejected chunks with the file’s row numbers and stores the others', async () => {
    fault = () => 'ok';
    const file = eventsFile('bad', 300, (line, i) => (i === 149 ? line.replace(',10,100,1', ',-10,100,1') : line));
    const summary = await uploadFile(options(file));
    expect(summary.stored).toBe(2);
    expect(summary.rejected).toEqual([
      { chunk: 1, status: 422, error: 'validation_failed', message: '1 行数据未通过校验，整批未保存', errors: [{ row: 151, column: 'calls', message: '调用次数应为不小于 0 的整数，实际为“-10”' }] },
    ]);
    expect(await count('bad')).toBe(200);
  });
});
