// Every /api/v1 operation as data: its route, the permission it asks can() for, the
// zod schemas its handler parses (imported from where the handler imports them), the
// shape it answers, every status it can answer, and example requests. document.ts
// turns this into OpenAPI; tests/openapi-*.test.ts check it against the route files
// and the live answers.
import { z } from 'zod';
import type { Action } from '../auth/permissions';
import type { IngestKind } from '../ingest/kinds';
import { appealShape } from '../appeals/present';
import { incidentShape } from '../incidents/present';
import { integrityShape } from '../integrity/present';
import { periodShape } from '../periods/present';
import { appealBody, appealListQuery, decisionBody } from '../appeals/http';
import { exemptionDecisionBody, exemptionRequestBody, incidentBody, incidentListQuery } from '../incidents/http';
import { exportQuery } from '../export/http';
import { departmentPathParams, idParams } from '../http/request';
import { periodParams, publishBody, withdrawBody } from '../periods/http';
import { departmentScoreShape, periodListShape, periodScoresShape } from '../scores/shapes';
import type { zhCN } from '../i18n/zh-CN';

export type OperationId = keyof typeof zhCN.apiDocs.operations;
export type Tag = keyof typeof zhCN.apiDocs.tags;
export type ExampleName = keyof typeof zhCN.apiDocs.examples;
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

/** One example request: the values of its parameters and its body. */
export interface RequestExample {
  path?: Record<string, string>;
  query?: Record<string, string>;
  /** A JSON body, or CSV text for an upload. */
  body?: unknown;
  contentType?: 'application/json' | 'text/csv';
}

export type Answer =
  | { kind: 'json'; status: 200 | 201; schema: z.ZodType }
  | { kind: 'upload'; status: 201 }
  | { kind: 'file' };

export interface ApiOperation {
  id: OperationId;
  method: 'get' | 'post';
  /** The OpenAPI path: app/api/v1/a/[b]/route.ts is /api/v1/a/{b}. */
  path: string;
  tag: Tag;
  /** The action the handler asks can() for; null for a public route. */
  action: Action | null;
  pathParams?: z.ZodObject;
  query?: z.ZodObject;
  /** A JSON body schema, or an upload (CSV or JSON rows) of a kind. */
  body?: z.ZodType | { upload: IngestKind };
  answer: Answer;
  /** Every error status the route can answer besides 500. */
  errors: ErrorStatus[];
  examples: Partial<Record<ExampleName, RequestExample>>;
}

// Every handler answers these: no or bad credentials, the per-caller budget, and can().
const GUARDED: ErrorStatus[] = [401, 403, 429];
const JSON_BODY: ErrorStatus[] = [400, 415];

const correction = z.object({ batchId: z.string(), month: z.string(), indicator: z.string(), previous: z.number().nullable(), value: z.number() });
const decidedAppeal = appealShape.extend({ correction: correction.nullable() }).meta({ id: 'DecidedAppeal' });
const finalized = periodShape.extend({ departments: z.number().int() }).meta({ id: 'FinalizedPeriod' });
const snapshotCheck = z
  .object({
    ok: z.boolean(),
    period: z.string(),
    storedHash: z.string(),
    periodHash: z.string().nullable(),
    recomputedHash: z.string(),
    changedDepartments: z.array(z.string()),
    engineVersion: z.number().int().meta({ description: 'The scoring engine version that made the snapshot and recomputed it (docs/scoring.md, "Engine versions")' }),
    problem: z.string().nullable(),
  })
  .meta({ id: 'SnapshotCheck' });

/** GET /api/v1/openapi.json?lang=: the language of the descriptions (default zh-CN). */
export const openApiQuery = z.object({ lang: z.enum(['zh-CN', 'en']).optional() });

const metricCsv = 'department,period,indicator,value,note\nGAT,2026-10,completeness_rate,0.97,\nMZT,2026-10,completeness_rate,0.91,季度抽检\n';
const eventCsv = 'date,provider,consumer,resource,calls,records,failures\n2026-10-09,GAT,MZT,GAT-R1,120,5000,0\n2026-10-09,MZT,GAT,MZT-R1,80,1200,2\n';

// The ledgers' headers (docs/ingest.md "Ledgers"), for their examples below.
const CATALOG_HEADER = 'resource,provider,name,share_type,legal_basis,update_cycle,published_on,updated_on,status\n';
const REQUEST_HEADER = 'request,consumer,provider,resource,purpose,submitted_at,replied_at,decision,reason,delivered_at,rating\n';
const OBJECTION_HEADER = 'objection,consumer,provider,resource,kind,submitted_at,resolved_at,outcome,note\n';

export const OPERATIONS: ApiOperation[] = [
  {
    id: 'uploadMetrics',
    method: 'post',
    path: '/api/v1/metrics',
    tag: 'ingest',
    action: 'metrics:write',
    body: { upload: 'metrics' },
    answer: { kind: 'upload', status: 201 },
    errors: [400, 401, 403, 409, 413, 415, 422, 429],
    examples: {
      csv: { body: metricCsv, contentType: 'text/csv' },
      json: { body: { rows: [{ department: 'GAT', period: '2026-10', indicator: 'accuracy_rate', value: 0.95 }] }, contentType: 'application/json' },
      invalidRows: { body: 'department,period,indicator,value\nGAT,2026-13,completeness_rate,abc\n', contentType: 'text/csv' },
    },
  },
  {
    id: 'uploadEvents',
    method: 'post',
    path: '/api/v1/events',
    tag: 'ingest',
    action: 'events:write',
    body: { upload: 'events' },
    answer: { kind: 'upload', status: 201 },
    errors: [400, 401, 403, 409, 413, 415, 422, 429],
    examples: {
      csv: { body: eventCsv, contentType: 'text/csv' },
      json: { body: { rows: [{ date: '2026-10-10', provider: 'RST', consumer: 'GAT', resource: 'RST-R1', calls: 40 }] }, contentType: 'application/json' },
      invalidRows: { body: 'date,provider,consumer,resource,calls\n2026-02-30,GAT,MZT,GAT-R1,-1\n', contentType: 'text/csv' },
    },
  },
  ...ledgerUploads(),
  {
    id: 'listScores',
    method: 'get',
    path: '/api/v1/scores',
    tag: 'scores',
    action: 'scores:read',
    query: periodParams,
    answer: { kind: 'json', status: 200, schema: periodScoresShape },
    errors: [400, ...GUARDED, 404],
    examples: { ok: { query: { period: '2026-Q3' } }, badPeriod: { query: { period: '2026-13' } }, unknownPeriod: { query: { period: '2019-01' } } },
  },
  {
    id: 'getDepartmentScore',
    method: 'get',
    path: '/api/v1/scores/{department}',
    tag: 'scores',
    action: 'scores:detail',
    pathParams: departmentPathParams,
    query: periodParams,
    answer: { kind: 'json', status: 200, schema: departmentScoreShape },
    errors: [400, ...GUARDED, 404],
    examples: { ok: { path: { department: 'GAT' }, query: { period: '2026-Q3' } }, unknownPeriod: { path: { department: 'GAT' }, query: { period: '2019-01' } } },
  },
  {
    id: 'exportAssessment',
    method: 'get',
    path: '/api/v1/export',
    tag: 'scores',
    action: 'export',
    query: exportQuery,
    answer: { kind: 'file' },
    errors: [400, ...GUARDED, 404, 409],
    examples: { ok: { query: { period: '2026-07', format: 'csv' } }, xlsx: { query: { period: '2026-07', format: 'xlsx' } } },
  },
  {
    id: 'listPeriods',
    method: 'get',
    path: '/api/v1/periods',
    tag: 'periods',
    action: 'periods:read',
    answer: { kind: 'json', status: 200, schema: periodListShape },
    errors: GUARDED,
    examples: { ok: {} },
  },
  {
    id: 'getPeriod',
    method: 'get',
    path: '/api/v1/periods/{period}',
    tag: 'periods',
    action: 'periods:read',
    pathParams: periodParams,
    answer: { kind: 'json', status: 200, schema: periodShape },
    errors: [400, ...GUARDED, 404],
    examples: { ok: { path: { period: '2026-Q3' } }, badPeriod: { path: { period: '2026-Q5' } }, unknownPeriod: { path: { period: '2019-01' } } },
  },
  {
    id: 'publishPeriod',
    method: 'post',
    path: '/api/v1/periods/{period}/publish',
    tag: 'periods',
    action: 'periods:manage',
    pathParams: periodParams,
    body: publishBody,
    answer: { kind: 'json', status: 200, schema: periodShape },
    errors: [...JSON_BODY, ...GUARDED, 404, 409],
    examples: { ok: { path: { period: '2026-08' }, body: { appealDays: 5 } } },
  },
  {
    id: 'withdrawPeriod',
    method: 'post',
    path: '/api/v1/periods/{period}/withdraw',
    tag: 'periods',
    action: 'periods:manage',
    pathParams: periodParams,
    body: withdrawBody,
    answer: { kind: 'json', status: 200, schema: periodShape },
    errors: [...JSON_BODY, ...GUARDED, 404, 409],
    examples: { ok: { path: { period: '2026-08' }, body: { reason: '数据有误，重新公示 / Data corrected, publishing again' } } },
  },
  {
    id: 'finalizePeriod',
    method: 'post',
    path: '/api/v1/periods/{period}/finalize',
    tag: 'periods',
    action: 'periods:manage',
    pathParams: periodParams,
    answer: { kind: 'json', status: 200, schema: finalized },
    errors: [400, ...GUARDED, 404, 409],
    examples: { ok: { path: { period: '2026-07' } } },
  },
  {
    id: 'verifyPeriod',
    method: 'post',
    path: '/api/v1/periods/{period}/verify',
    tag: 'periods',
    action: 'periods:read',
    pathParams: periodParams,
    answer: { kind: 'json', status: 200, schema: snapshotCheck },
    errors: [400, ...GUARDED, 404, 409],
    examples: { ok: { path: { period: '2026-07' } } },
  },
  {
    id: 'listIntegrityFlags',
    method: 'get',
    path: '/api/v1/integrity',
    tag: 'integrity',
    action: 'integrity:read',
    query: periodParams,
    answer: { kind: 'json', status: 200, schema: integrityShape },
    errors: [400, 404, ...GUARDED],
    examples: { ok: { query: { period: '2026-09' } } },
  },
  {
    id: 'listAppeals',
    method: 'get',
    path: '/api/v1/appeals',
    tag: 'appeals',
    action: 'appeals:read',
    query: appealListQuery,
    answer: { kind: 'json', status: 200, schema: z.object({ appeals: z.array(appealShape) }).meta({ id: 'AppealList' }) },
    errors: [400, ...GUARDED],
    examples: { ok: { query: { period: '2026-09', status: 'open' } } },
  },
  {
    id: 'fileAppeal',
    method: 'post',
    path: '/api/v1/appeals',
    tag: 'appeals',
    action: 'appeals:create',
    body: appealBody,
    answer: { kind: 'json', status: 201, schema: appealShape },
    errors: [...JSON_BODY, ...GUARDED, 404, 409, 422],
    examples: {
      ok: { body: { period: '2026-09', indicator: 'completeness_rate', reason: '9 月完整率按旧口径统计 / September completeness was counted the old way', evidence: '整改报告 2026-10-12' } },
    },
  },
  {
    id: 'decideAppeal',
    method: 'post',
    path: '/api/v1/appeals/{id}/decision',
    tag: 'appeals',
    action: 'appeals:decide',
    pathParams: idParams,
    body: decisionBody,
    answer: { kind: 'json', status: 200, schema: decidedAppeal },
    errors: [...JSON_BODY, ...GUARDED, 404, 409, 422],
    examples: {
      accept: { path: { id: '1' }, body: { decision: 'accept', reason: '核实无误 / Verified', correction: { month: '2026-09', value: 0.98 } } },
      reject: { path: { id: '2' }, body: { decision: 'reject', reason: '证据不足 / Not enough evidence' } },
    },
  },
  {
    id: 'listIncidents',
    method: 'get',
    path: '/api/v1/incidents',
    tag: 'incidents',
    action: 'incidents:read',
    query: incidentListQuery,
    answer: { kind: 'json', status: 200, schema: z.object({ incidents: z.array(incidentShape) }).meta({ id: 'IncidentList' }) },
    errors: [400, ...GUARDED],
    examples: { ok: { query: { department: 'GAT', period: '2026-Q3' } } },
  },
  {
    id: 'recordIncident',
    method: 'post',
    path: '/api/v1/incidents',
    tag: 'incidents',
    action: 'incidents:manage',
    body: incidentBody,
    answer: { kind: 'json', status: 201, schema: incidentShape },
    errors: [...JSON_BODY, ...GUARDED, 404, 409],
    examples: { ok: { body: { department: 'GAT', occurredOn: '2026-09-15', kind: 'quality', points: 2, description: '数据集字段缺失 / Missing fields in a dataset' } } },
  },
  {
    id: 'requestExemption',
    method: 'post',
    path: '/api/v1/incidents/{id}/exemption',
    tag: 'incidents',
    action: 'exemptions:request',
    pathParams: idParams,
    body: exemptionRequestBody,
    answer: { kind: 'json', status: 200, schema: incidentShape },
    errors: [...JSON_BODY, ...GUARDED, 404, 409],
    examples: { ok: { path: { id: '1' }, body: { justification: '上游系统升级导致，已按规定报备 / Caused by a reported upstream upgrade' } } },
  },
  {
    id: 'decideExemption',
    method: 'post',
    path: '/api/v1/incidents/{id}/exemption/decision',
    tag: 'incidents',
    action: 'exemptions:decide',
    pathParams: idParams,
    body: exemptionDecisionBody,
    answer: { kind: 'json', status: 200, schema: incidentShape },
    errors: [...JSON_BODY, ...GUARDED, 404, 409],
    examples: { grant: { path: { id: '1' }, body: { grant: true, reason: '符合容错免责条件 / Meets the exemption rules' } } },
  },
  {
    id: 'getOpenApiDocument',
    method: 'get',
    path: '/api/v1/openapi.json',
    tag: 'meta',
    action: null,
    query: openApiQuery,
    answer: { kind: 'json', status: 200, schema: z.looseObject({ openapi: z.string(), info: z.object({ title: z.string(), version: z.string() }).loose(), paths: z.record(z.string(), z.unknown()) }) },
    errors: [],
    examples: { ok: { query: { lang: 'en' } } },
  },
];

// The ledgers (docs/ingest.md "Ledgers"): the platform's unbound token with ledger:write.

function ledgerUploads(): ApiOperation[] {
  const upload = (id: OperationId, kind: IngestKind, examples: ApiOperation['examples']): ApiOperation => ({
    id,
    method: 'post',
    path: `/api/v1/${kind}`,
    tag: 'ingest',
    action: 'ledger:write',
    body: { upload: kind },
    answer: { kind: 'upload', status: 201 },
    errors: [400, 401, 403, 409, 413, 415, 422, 429],
    examples,
  });
  return [
    upload('uploadCatalog', 'catalog', {
      csv: {
        body: `${CATALOG_HEADER}GAT-R1,GAT,人口基础信息,conditional,,daily,2026-01-05,2026-10-08,active\nMZT-R2,MZT,婚姻登记信息,none,《婚姻登记条例》第十八条,monthly,2026-02-01,2026-10-08,active\n`,
        contentType: 'text/csv',
      },
      json: { body: { rows: [{ resource: 'RST-R1', provider: 'RST', name: '社保参保信息', share_type: 'unconditional', update_cycle: 'daily', published_on: '2026-03-01', updated_on: '2026-10-08', status: 'active' }] }, contentType: 'application/json' },
      invalidRows: { body: `${CATALOG_HEADER}SWJ-R1,SWJ,纳税信息,none,,monthly,2026-03-01,2026-10-08,active\n`, contentType: 'text/csv' },
    }),
    upload('uploadRequests', 'requests', {
      csv: {
        body:
          `${REQUEST_HEADER}REQ-2026-0001,MZT,GAT,GAT-R1,低保资格核验,2026-10-09T09:30:00+08:00,2026-10-12T15:00:00+08:00,approved,,2026-10-20T10:00:00+08:00,5\n` +
          'REQ-2026-0002,SWJ,RST,,需求：灵活就业人员名单,2026-10-12T11:00:00+08:00,,pending,,,\n',
        contentType: 'text/csv',
      },
      json: {
        body: { rows: [{ request: 'REQ-2026-0002', consumer: 'SWJ', provider: 'RST', purpose: '需求：灵活就业人员名单', submitted_at: '2026-10-12T11:00:00+08:00', replied_at: '2026-10-13T09:00:00+08:00', decision: 'refused', reason: '涉及个人信息，须先签订数据使用协议' }] },
        contentType: 'application/json',
      },
      invalidRows: { body: `${REQUEST_HEADER}REQ-2026-0003,MZT,GAT,GAT-R1,核验,2026-10-09T09:30:00+08:00,,pending,,2026-10-20T10:00:00+08:00,\n`, contentType: 'text/csv' },
    }),
    upload('uploadObjections', 'objections', {
      csv: { body: `${OBJECTION_HEADER}OBJ-2026-0001,MZT,GAT,GAT-R1,accuracy,2026-10-14T10:00:00+08:00,2026-10-20T16:00:00+08:00,corrected,户籍地址已更正\n`, contentType: 'text/csv' },
      json: { body: { rows: [{ objection: 'OBJ-2026-0002', consumer: 'RST', provider: 'GAT', resource: 'GAT-R1', kind: 'timeliness', submitted_at: '2026-10-15T09:00:00+08:00', outcome: 'pending' }] }, contentType: 'application/json' },
      invalidRows: { body: `${OBJECTION_HEADER}OBJ-2026-0003,MZT,GAT,GAT-R1,accuracy,2026-10-14T10:00:00+08:00,2026-10-13T16:00:00+08:00,rejected,\n`, contentType: 'text/csv' },
    }),
  ];
}
