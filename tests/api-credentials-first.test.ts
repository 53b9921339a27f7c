// JSON routes check the caller (credentials, then permission) before they read the
// body (issue #12 item 13): an unauthenticated or unauthorized request never gets
// its body read, let alone parsed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from './support/db';
import { createTestToken } from './support/auth';
import { POST as publish } from '@/app/api/v1/periods/[period]/publish/route';
import { POST as withdraw } from '@/app/api/v1/periods/[period]/withdraw/route';
import { POST as recordIncident } from '@/app/api/v1/incidents/route';
import { POST as requestExemption } from '@/app/api/v1/incidents/[id]/exemption/route';
import { POST as decideExemption } from '@/app/api/v1/incidents/[id]/exemption/decision/route';
import { POST as fileAppeal } from '@/app/api/v1/appeals/route';
import { POST as decideAppeal } from '@/app/api/v1/appeals/[id]/decision/route';
import type { Database } from '@/db/types';

let database: Database;
let readOnly: string;

beforeAll(async () => {
  database = await useTestDatabase();
  readOnly = (await createTestToken(database, ['scores:read'])).secret;
});
afterAll(() => database.close());

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const ROUTES: Array<[string, Handler, Record<string, string>]> = [
  ['/api/v1/periods/2026-09/publish', publish as Handler, { period: '2026-09' }],
  ['/api/v1/periods/2026-09/withdraw', withdraw as Handler, { period: '2026-09' }],
  ['/api/v1/incidents', recordIncident as Handler, {}],
  ['/api/v1/incidents/1/exemption', requestExemption as Handler, { id: '1' }],
  ['/api/v1/incidents/1/exemption/decision', decideExemption as Handler, { id: '1' }],
  ['/api/v1/appeals', fileAppeal as Handler, {}],
  ['/api/v1/appeals/1/decision', decideAppeal as Handler, { id: '1' }],
];

/** A JSON request whose body records whether anyone read it. */
function watchedRequest(path: string, token?: string) {
  const watch = { read: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      watch.read = true;
      controller.enqueue(new TextEncoder().encode('{"reason": "x"}'));
      controller.close();
    },
  }, { highWaterMark: 0 }); // pulled only when read
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const request = new Request(`http://localhost${path}`, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
  return { request, watch };
}

describe('credentials before the body', () => {
  it.each(ROUTES)('%s: 401 without credentials, body unread', async (path, handler, params) => {
    const { request, watch } = watchedRequest(path);
    const response = await handler(request, { params: Promise.resolve(params) });
    expect(response.status).toBe(401);
    expect(watch.read).toBe(false);
  });

  it.each(ROUTES)('%s: 403 for a token without the permission, body unread', async (path, handler, params) => {
    const { request, watch } = watchedRequest(path, readOnly);
    const response = await handler(request, { params: Promise.resolve(params) });
    expect(response.status).toBe(403);
    expect(watch.read).toBe(false);
  });
});
