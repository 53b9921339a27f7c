// The OpenAPI 3.1 document of /api/v1, generated with zod-openapi from the operations
// table (operations.ts), whose schemas are the ones the route handlers parse with.
// Descriptions come from the i18n catalogs, in the language asked for.
import { z } from 'zod';
import { createDocument, createSchema, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import { KIND_SPECS, MAX_BYTES, MAX_ROWS, type IngestKind } from '../ingest/kinds';
import { ROW_SCHEMAS } from '../ingest/rows';
import { errorShape } from '../http/errors';
import { messages, type Locale } from '../i18n';
import { sessionCookieName } from '../auth/session-token';
import { rolesFor, scopesFor } from './access';
import { OPERATIONS, type ApiOperation, type RequestExample } from './operations';

export const OPENAPI_VERSION = '3.1.0';
const API_VERSION = '1.0.0';

const acceptedBatch = z
  .object({ batchId: z.string(), rows: z.number().int().min(1), replayed: z.boolean() })
  .meta({ id: 'AcceptedBatch', example: { batchId: '2f0c8a6e-4a53-4f57-9a59-4d1f6d1e7b10', rows: 2, replayed: false } });

const FILE_TYPES = { csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

type Doc = ReturnType<typeof createDocument>;
type Text = ReturnType<typeof messages>['apiDocs'];

/**
 * The CSV columns of an upload kind, from the same zod row schema the batch is checked
 * with; `required`: the header must have it (the parser's KIND_SPECS: a ledger's header
 * has every column, its optional cells left empty).
 */
export function csvColumns(kind: IngestKind): Array<{ name: string; required: boolean }> {
  const { schema } = createSchema(ROW_SCHEMAS[kind], { io: 'input' } as never);
  const required = new Set<string>(KIND_SPECS[kind].required);
  return Object.keys((schema as { properties: object }).properties).map((name) => ({ name, required: required.has(name) }));
}

function uploadBody(kind: IngestKind, t: Text, examples: ApiOperation['examples']) {
  const named = (type: string) =>
    Object.fromEntries(Object.entries(examples).filter(([, e]) => e.contentType === type).map(([name, e]) => [name, { summary: t.examples[name as keyof Text['examples']], value: e.body }]));
  const columns = csvColumns(kind);
  return {
    required: true,
    content: {
      'text/csv': {
        schema: z.string().meta({ description: t.csvBody, 'x-csv-columns': columns, 'x-max-rows': MAX_ROWS, 'x-max-bytes': MAX_BYTES }),
        examples: named('text/csv'),
      },
      'application/json': {
        schema: z.object({ rows: z.array(ROW_SCHEMAS[kind]).min(1).max(MAX_ROWS) }),
        examples: named('application/json'),
      },
    },
  };
}

function jsonBody(schema: z.ZodType, t: Text, examples: ApiOperation['examples']) {
  const named = Object.fromEntries(
    Object.entries(examples)
      .filter(([, e]) => e.body !== undefined)
      .map(([name, e]) => [name, { summary: t.examples[name as keyof Text['examples']], value: e.body }]),
  );
  return { content: { 'application/json': { schema, ...(Object.keys(named).length ? { examples: named } : {}) } } };
}

function successResponse(op: ApiOperation, t: Text) {
  const answer = op.answer;
  if (answer.kind === 'file') {
    return {
      '200': {
        description: t.exportFile,
        content: {
          [FILE_TYPES.csv]: { schema: z.string() },
          [FILE_TYPES.xlsx]: { schema: z.string().meta({ contentMediaType: FILE_TYPES.xlsx, contentEncoding: 'binary' }) },
        },
      },
    };
  }
  const schema = answer.kind === 'upload' ? acceptedBatch : answer.schema;
  return { [String(answer.status)]: { description: t.status[String(answer.status) as '200' | '201'], content: { 'application/json': { schema } } } };
}

function errorResponses(op: ApiOperation, t: Text) {
  return Object.fromEntries(
    op.errors.map((status) => [
      String(status),
      {
        description: t.status[String(status) as keyof Text['status']],
        ...(status === 429 ? { headers: { 'Retry-After': { description: 'seconds', schema: { type: 'integer' as const } } } } : {}),
        content: { 'application/json': { schema: errorShape } },
      },
    ]),
  );
}

function accessNote(op: ApiOperation, t: Text): string {
  if (!op.action) return '';
  const scopes = scopesFor(op.action);
  const roles = rolesFor(op.action).map((g) => (g.ownDepartmentOnly ? `${g.role} (own department)` : g.role));
  return `\n\n**Bearer scopes**: ${scopes.length ? scopes.map((s) => `\`${s}\``).join(', ') : '—'}  \n**${t.roles}**: ${roles.join(', ')}`;
}

function operationObject(op: ApiOperation, t: Text): ZodOpenApiOperationObject {
  const text = t.operations[op.id];
  const scopes = op.action ? scopesFor(op.action) : [];
  // A session is offered only where some role may act (events: the platform's unbound token alone).
  const viaSession = op.action ? rolesFor(op.action).length > 0 : false;
  const security: Array<Record<string, string[]>> = [...(scopes.length ? [{ bearerToken: scopes }] : []), ...(viaSession ? [{ session: [] }] : [])];
  const body = op.body === undefined ? undefined : 'upload' in op.body ? uploadBody(op.body.upload, t, op.examples) : jsonBody(op.body as z.ZodType, t, op.examples);
  return {
    operationId: op.id,
    tags: [t.tags[op.tag]],
    summary: text.summary,
    description: text.description + accessNote(op, t),
    security,
    ...(op.action ? { 'x-permission': op.action, 'x-roles': rolesFor(op.action) } : {}),
    requestParams: {
      ...(op.pathParams ? { path: op.pathParams } : {}),
      ...(op.query ? { query: op.query } : {}),
      ...(op.body && 'upload' in op.body ? { header: z.object({ 'Idempotency-Key': z.string().regex(/^[\x21-\x7e]{1,255}$/).optional().meta({ description: t.idempotencyKey, example: 'metrics-2026-10-chunk-1' }) }) } : {}),
    },
    ...(body ? { requestBody: body } : {}),
    responses: { ...successResponse(op, t), ...errorResponses(op, t) },
  };
}

/** Adds each example's value to the parameter it names, under the example's name. */
function addParameterExamples(doc: Doc, t: Text) {
  for (const op of OPERATIONS) {
    const parameters = (doc.paths?.[op.path]?.[op.method]?.parameters ?? []) as Array<{ name: string; in: string; examples?: object }>;
    for (const parameter of parameters) {
      const where = parameter.in === 'path' ? 'path' : parameter.in === 'query' ? 'query' : null;
      if (!where) continue;
      const examples = Object.entries(op.examples as Record<string, RequestExample>)
        .filter(([, e]) => e[where]?.[parameter.name] !== undefined)
        .map(([name, e]) => [name, { summary: t.examples[name as keyof Text['examples']], value: e[where]![parameter.name] }]);
      if (examples.length) parameter.examples = Object.fromEntries(examples);
    }
  }
}

export function buildOpenApiDocument(locale: Locale = 'zh-CN'): Doc {
  const t = messages(locale).apiDocs;
  const paths: ZodOpenApiPathsObject = {};
  for (const op of OPERATIONS) paths[op.path] = { ...paths[op.path], [op.method]: operationObject(op, t) };
  const doc = createDocument({
    openapi: OPENAPI_VERSION,
    info: { title: t.title, version: API_VERSION, description: t.intro },
    servers: [{ url: '/' }],
    tags: Object.values(t.tags).map((name) => ({ name })),
    components: {
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer', description: t.bearer },
        session: { type: 'apiKey', in: 'cookie', name: sessionCookieName(), description: t.session },
      },
    },
    paths,
  });
  addParameterExamples(doc, t);
  return doc;
}
