// The OpenAPI document (lib/openapi): it covers every route file and method under
// app/api/v1, is a valid OpenAPI 3.1 document in both languages, lists the upload
// columns the parser expects, reads the scopes off can(), and is the same document the
// route serves and the CLI prints.
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it, vi } from 'vitest';
import { GET as openApiRoute } from '@/app/api/v1/openapi.json/route';
import { INGEST_KINDS, KIND_SPECS } from '@/lib/ingest/kinds';
import { buildOpenApiDocument, csvColumns, OPERATIONS, scopesFor } from '@/lib/openapi';
import openapiCommand from '@/scripts/commands/openapi';
import { UsageError } from '@/scripts/commands/_shared';
import { apiRouteFiles, METHODS, responseChecker, type OpenApiDoc } from './support/openapi';

const doc: OpenApiDoc = buildOpenApiDocument('zh-CN');

describe('coverage', () => {
  it('documents every route file and every method it exports under app/api/v1, and nothing else', async () => {
    const routes = apiRouteFiles();
    expect(routes.length).toBeGreaterThan(15);
    const onDisk: string[] = [];
    for (const route of routes) {
      const mod = (await import(/* @vite-ignore */ route.file)) as Record<string, unknown>;
      for (const method of METHODS) if (typeof mod[method] === 'function') onDisk.push(`${method} ${route.path}`);
    }
    const documented = Object.entries(doc.paths).flatMap(([p, item]) => Object.keys(item as object).map((m) => `${m.toUpperCase()} ${p}`));
    expect(onDisk.filter((r) => !documented.includes(r)), 'add these to lib/openapi/operations.ts').toEqual([]);
    expect(documented.filter((r) => !onDisk.includes(r)), 'documented, but no route file exports them').toEqual([]);
  });

  it('documents 401 and 429 wherever a caller is needed, and the error shape for every error', () => {
    for (const op of OPERATIONS) {
      const responses = doc.paths[op.path][op.method].responses;
      if (op.action) expect(Object.keys(responses), op.id).toEqual(expect.arrayContaining(['401', '403', '429']));
      for (const [status, response] of Object.entries(responses as Record<string, { content?: Record<string, { schema: unknown }> }>)) {
        if (Number(status) >= 400) expect(response.content?.['application/json']?.schema, `${op.id} ${status}`).toEqual({ $ref: '#/components/schemas/Error' });
      }
    }
    expect(doc.paths['/api/v1/metrics'].post.responses['429'].headers['Retry-After']).toBeDefined();
  });
});

describe('validity', () => {
  it('is a valid OpenAPI 3.1 document, in Chinese and in English', async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const validator = new Validator();
      const result = await validator.validate(JSON.parse(JSON.stringify(buildOpenApiDocument(locale))));
      expect(result.errors ?? [], locale).toEqual([]);
      expect(result.valid).toBe(true);
      expect(validator.version).toBe('3.1');
    }
  });

  it('describes the operations in the language asked for', () => {
    const en = buildOpenApiDocument('en');
    expect(doc.paths['/api/v1/metrics'].post.summary).toBe('报送指标值');
    expect(en.paths!['/api/v1/metrics']!.post!.summary).toBe('Upload indicator values');
    expect(en.info.title).toBe('Sharescore HTTP API');
  });
});

describe('uploads', () => {
  it('lists the CSV columns of each kind from its row schema, as the parser expects them', () => {
    for (const kind of INGEST_KINDS) {
      const columns = csvColumns(kind);
      expect(columns.filter((c) => c.required).map((c) => c.name)).toEqual([...KIND_SPECS[kind].required]);
      expect(columns.filter((c) => !c.required).map((c) => c.name)).toEqual([...KIND_SPECS[kind].optional]);
      const body = doc.paths[`/api/v1/${kind}`].post.requestBody.content;
      expect(body['text/csv'].schema).toMatchObject({ type: 'string', 'x-csv-columns': columns });
      expect(Object.keys(body['application/json'].schema.properties.rows.items.properties)).toEqual(columns.map((c) => c.name));
    }
  });

  it('documents the Idempotency-Key header on every ingest route', () => {
    for (const kind of INGEST_KINDS) {
      const header = doc.paths[`/api/v1/${kind}`].post.parameters.find((p: { in: string }) => p.in === 'header');
      expect(header).toMatchObject({ name: 'Idempotency-Key', schema: { type: 'string' } });
      expect(header.required ?? false).toBe(false);
    }
  });
});

describe('security', () => {
  it('asks for the bearer scopes that can() grants, or a session where no scope does', () => {
    expect(doc.components.securitySchemes.bearerToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/api/v1/metrics'].post.security).toEqual([{ bearerToken: ['metrics:write'] }, { session: [] }]);
    expect(doc.paths['/api/v1/scores'].get.security).toEqual([{ bearerToken: ['scores:read'] }, { session: [] }]);
    expect(doc.paths['/api/v1/export'].get.security).toEqual([{ bearerToken: ['scores:export'] }, { session: [] }]);
    expect(doc.paths['/api/v1/appeals/{id}/decision'].post.security).toEqual([{ session: [] }]);
    expect(doc.paths['/api/v1/openapi.json'].get.security).toEqual([]);
    // Only the platform's unbound token writes events (issue #12 item 10): no role, so no session.
    expect(doc.paths['/api/v1/events'].post.security).toEqual([{ bearerToken: ['events:write'] }]);
    expect(doc.paths['/api/v1/events'].post['x-roles']).toEqual([]);
    // The ledgers likewise (docs/ingest.md "Ledgers").
    for (const kind of ['catalog', 'requests', 'objections']) expect(doc.paths[`/api/v1/${kind}`].post.security).toEqual([{ bearerToken: ['ledger:write'] }]);
    for (const op of OPERATIONS.filter((o) => o.action)) {
      const security = doc.paths[op.path][op.method].security as Array<Record<string, string[]>>;
      expect(security.find((s) => s.bearerToken)?.bearerToken ?? [], op.id).toEqual(scopesFor(op.action!));
      // Everything is reachable by some role or some token.
      expect(doc.paths[op.path][op.method]['x-roles'].length + scopesFor(op.action!).length, op.id).toBeGreaterThan(0);
    }
  });

  it('marks a role that may act only on its own department', () => {
    expect(doc.paths['/api/v1/appeals'].post['x-roles']).toEqual([
      { role: 'admin', ownDepartmentOnly: false },
      { role: 'department', ownDepartmentOnly: true },
    ]);
  });
});

describe('served and printed', () => {
  it('GET /api/v1/openapi.json answers the document, in the language asked for; a bad language is a 400', async () => {
    const zh = await openApiRoute(new Request('http://localhost/api/v1/openapi.json'));
    expect(zh.status).toBe(200);
    expect(await zh.json()).toEqual(JSON.parse(JSON.stringify(doc)));
    const en = await openApiRoute(new Request('http://localhost/api/v1/openapi.json?lang=en'));
    expect((await en.json()).info.title).toBe('Sharescore HTTP API');
    const bad = await openApiRoute(new Request('http://localhost/api/v1/openapi.json?lang=fr'));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'bad_request' });
  });

  it('npm run cli -- openapi prints the same document; --lang en in English; another language is bad usage', async () => {
    const print = async (args: string[]) => {
      const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
      try {
        expect(await openapiCommand.run(args)).toBe(0);
        return JSON.parse(write.mock.calls.map((c) => String(c[0])).join(''));
      } finally {
        write.mockRestore();
      }
    };
    expect(await print([])).toEqual(JSON.parse(JSON.stringify(doc)));
    expect((await print(['--lang', 'en'])).info.title).toBe('Sharescore HTTP API');
    await expect(openapiCommand.run(['--lang', 'fr'])).rejects.toBeInstanceOf(UsageError);
  });
});

describe('the contract checker', () => {
  it('refuses an answer missing a field, with an extra field, or with an undocumented status', () => {
    const check = responseChecker(doc);
    const period = { period: '2026-Q3', kind: 'quarter', status: 'open', startsOn: '2026-07-01', endsOn: '2026-09-30', publishedAt: null, appealDeadline: null, finalizedAt: null, finalizedBy: null, snapshotHash: null };
    expect(check('/api/v1/periods/{period}', 'get', 200, 'application/json', period)).toEqual([]);
    const { status: _status, ...withoutStatus } = period;
    expect(check('/api/v1/periods/{period}', 'get', 200, 'application/json', withoutStatus)).not.toEqual([]);
    expect(check('/api/v1/periods/{period}', 'get', 200, 'application/json', { ...period, secret: 1 })).not.toEqual([]);
    expect(check('/api/v1/periods/{period}', 'get', 200, 'application/json', { ...period, publishedAt: 'yesterday' })).not.toEqual([]);
    expect(check('/api/v1/periods/{period}', 'get', 413, 'application/json', {})).toEqual(['status 413 is not documented']);
    expect(check('/api/v1/periods/{period}', 'get', 404, 'application/json', { error: 'not_found', message: '周期不存在' })).toEqual([]);
  });
});
