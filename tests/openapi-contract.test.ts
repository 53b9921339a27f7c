// Contract test: every example request the OpenAPI document gives is sent to the route
// handler it documents (in-process, as in the other integration tests), with the
// credentials the document asks for (a token with the documented scope where there is
// one), and the answer must be a documented status whose schema it matches. The same
// request without credentials must be the documented 401. State the examples need
// (published periods, a second appeal) is arranged here, in the order below.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDatabase } from '@/db/client';
import type { Database } from '@/db/types';
import { fileAppeal } from '@/lib/appeals/service';
import { resetRateLimits } from '@/lib/http/rate-limit';
import { buildOpenApiDocument, OPERATIONS, type ApiOperation } from '@/lib/openapi';
import { publishPeriod } from '@/lib/assessment/service';
import { ADMIN, at, departmentUser, seedCycleProvince } from '@/lib/periods/test-support';
import type { Scope } from '@/lib/auth/principal';
import { createTestToken, createTestUser, sessionCookie } from './support/auth';
import { useTestDatabase } from './support/db';
import { apiRouteFiles, exampleRequests, responseChecker, type OpenApiDoc } from './support/openapi';

const doc: OpenApiDoc = buildOpenApiDocument('zh-CN');
const check = responseChecker(doc);

/** Examples that show a refusal, and the status each documents. */
const REFUSALS: Record<string, number> = { invalidRows: 422, badPeriod: 400, unknownPeriod: 404 };
/** Operations whose example acts for the caller's own department (filing an appeal, asking for an exemption). */
const AS_DEPARTMENT = new Set(['fileAppeal', 'requestExemption']);
/** The order the examples run in: each leaves the state the next one needs. */
const ORDER = [
  'uploadMetrics', 'uploadEvents', 'uploadCatalog', 'uploadRequests', 'uploadObjections', 'listScores', 'getDepartmentScore', 'listIntegrityFlags', 'listPeriods', 'getPeriod',
  'publishPeriod', 'withdrawPeriod', 'recordIncident', 'listIncidents', 'requestExemption', 'decideExemption',
  'fileAppeal', 'listAppeals', 'decideAppeal', 'finalizePeriod', 'verifyPeriod', 'exportAssessment', 'getOpenApiDocument',
];

let database: Database;
let adminCookie: string;
let departmentCookie: string;
const tokens = new Map<Scope, string>();

beforeAll(async () => {
  database = await useTestDatabase();
  await seedCycleProvince(database);
  adminCookie = await sessionCookie(database, await createTestUser(database, 'admin'));
  departmentCookie = await sessionCookie(database, await createTestUser(database, 'department', { department: 'GAT' }));
  for (const scope of ['metrics:write', 'events:write', 'ledger:write', 'scores:read', 'scores:export'] as const) tokens.set(scope, (await createTestToken(database, [scope])).secret);
  // 2026-07: published long ago, its appeal window over, ready to finalize; 2026-09: published now, open for appeals.
  await publishPeriod(database, { principal: ADMIN, now: at('2026-10-09 10:00') }, '2026-07');
  await publishPeriod(database, { principal: ADMIN }, '2026-09');
});
afterAll(async () => {
  setDatabase(undefined);
  await database.close();
});

function credentials(op: ApiOperation): Record<string, string> {
  const security = doc.paths[op.path][op.method].security as Array<Record<string, string[]>>;
  if (security.length === 0) return {};
  const scope = security.find((s) => s.bearerToken)?.bearerToken[0] as Scope | undefined;
  if (scope && !AS_DEPARTMENT.has(op.id)) return { authorization: `Bearer ${tokens.get(scope)}` };
  return { cookie: AS_DEPARTMENT.has(op.id) ? departmentCookie : adminCookie };
}

async function handlerFor(op: ApiOperation) {
  const file = apiRouteFiles().find((r) => r.path === op.path)!.file;
  const mod = (await import(/* @vite-ignore */ file)) as Record<string, (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>>;
  return mod[op.method.toUpperCase()];
}

async function answerOf(response: Response): Promise<{ mediaType: string; body: unknown }> {
  const mediaType = (response.headers.get('content-type') ?? '').split(';')[0].trim();
  if (mediaType === 'application/json') return { mediaType, body: await response.json() };
  return { mediaType, body: new Uint8Array(await response.arrayBuffer()) };
}

it('runs every documented operation', () => {
  expect([...ORDER].sort()).toEqual(OPERATIONS.map((o) => o.id).sort());
});

describe('every documented example gets a documented answer', () => {
  for (const id of ORDER) {
    const op = OPERATIONS.find((o) => o.id === id)!;
    it(`${op.method.toUpperCase()} ${op.path} (${id})`, async () => {
      resetRateLimits();
      const handler = await handlerFor(op);
      const examples = exampleRequests(doc, op.path, op.method, credentials(op));
      expect(examples.length).toBeGreaterThan(0);
      if (op.action) {
        // The document promises a 401 in the error shape to a caller without credentials.
        const [first] = exampleRequests(doc, op.path, op.method, {});
        const anonymous = await handler(first.request, { params: Promise.resolve(first.pathValues) });
        expect(anonymous.status).toBe(401);
        const answer = await answerOf(anonymous);
        expect(check(op.path, op.method, 401, answer.mediaType, answer.body)).toEqual([]);
      }
      for (const example of examples) {
        const response = await handler(example.request, { params: Promise.resolve(example.pathValues) });
        const answer = await answerOf(response);
        const label = `${id} / ${example.name}: ${response.status} ${answer.mediaType} ${answer.mediaType === 'application/json' ? JSON.stringify(answer.body).slice(0, 300) : ''}`;
        expect(response.status, label).toBe(REFUSALS[example.name] ?? ('status' in op.answer ? op.answer.status : 200));
        expect(check(op.path, op.method, response.status, answer.mediaType, answer.body), label).toEqual([]);
        if (answer.body instanceof Uint8Array) expect(answer.body.byteLength, label).toBeGreaterThan(0);
      }
      if (id === 'fileAppeal') {
        // decideAppeal's second example rejects appeal 2: file it.
        await fileAppeal(database, { principal: departmentUser('GAT') }, { period: '2026-09', department: 'GAT', indicator: 'accuracy_rate', reason: '第二项申诉' });
      }
    });
  }
});
