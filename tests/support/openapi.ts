// Helpers for the OpenAPI tests: the route files under app/api/v1 as OpenAPI paths, the
// documented example requests as Requests, and checking an answer against the
// document's schema for its status (ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses).
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export const API_DIR = path.resolve('app/api/v1');
export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export interface RouteFile {
  /** /api/v1/appeals/{id}/decision */
  path: string;
  file: string;
}

/** Every route.ts under app/api/v1, with its URL in OpenAPI's {param} form. */
export function apiRouteFiles(dir = API_DIR): RouteFile[] {
  const found: RouteFile[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...apiRouteFiles(full));
    else if (/^route\.(ts|tsx|js)$/.test(entry.name)) {
      const segments = path.relative(API_DIR, dir).split(path.sep).filter(Boolean);
      found.push({ path: ['/api/v1', ...segments.map((s) => s.replace(/^\[(\w+)\]$/, '{$1}'))].join('/'), file: full });
    }
  }
  return found;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- an OpenAPI document is walked as plain JSON */
export type OpenApiDoc = any;

export interface ExampleRequest {
  name: string;
  pathValues: Record<string, string>;
  request: Request;
}

/** The operation's named examples (from its parameters and request body) as Requests to this app. */
export function exampleRequests(doc: OpenApiDoc, apiPath: string, method: string, headers: Record<string, string>): ExampleRequest[] {
  const op = doc.paths[apiPath][method];
  const parameters: any[] = op.parameters ?? [];
  const content: Record<string, any> = op.requestBody?.content ?? {};
  const names = new Set<string>();
  for (const p of parameters) Object.keys(p.examples ?? {}).forEach((n) => names.add(n));
  for (const media of Object.values(content)) Object.keys(media.examples ?? {}).forEach((n) => names.add(n));
  if (names.size === 0) names.add('(no parameters)');
  return [...names].map((name) => {
    const valueOf = (where: string, param: string) => parameters.find((p) => p.in === where && p.name === param)?.examples?.[name]?.value;
    const pathValues: Record<string, string> = {};
    const url = apiPath.replace(/\{(\w+)\}/g, (_, param: string) => {
      pathValues[param] = String(valueOf('path', param));
      return encodeURIComponent(pathValues[param]);
    });
    const query = new URLSearchParams();
    for (const p of parameters.filter((p) => p.in === 'query')) {
      const value = valueOf('query', p.name);
      if (value !== undefined) query.set(p.name, String(value));
    }
    const init: RequestInit = { method: method.toUpperCase(), headers: { ...headers } };
    const bodyType = Object.keys(content).find((type) => content[type].examples?.[name]);
    if (bodyType) {
      const value = content[bodyType].examples[name].value;
      init.body = typeof value === 'string' ? value : JSON.stringify(value);
      (init.headers as Record<string, string>)['content-type'] = bodyType;
    }
    const search = query.size ? `?${query}` : '';
    return { name, pathValues, request: new Request(`http://localhost:3000${url}${search}`, init) };
  });
}

/** Validates a JSON answer against the document's schema for the operation and status. */
export function responseChecker(doc: OpenApiDoc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const withFormats = ((addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats) as typeof addFormats;
  withFormats(ajv);
  ajv.addSchema({ $id: 'openapi', components: doc.components });
  return (apiPath: string, method: string, status: number, mediaType: string, body: unknown): string[] => {
    const response = doc.paths[apiPath][method].responses[String(status)];
    if (!response) return [`status ${status} is not documented`];
    const media = response.content?.[mediaType];
    if (!media) return [`${mediaType} is not documented for ${status}`];
    if (mediaType !== 'application/json') return [];
    const schema = JSON.parse(JSON.stringify(media.schema).replaceAll('"#/components/', '"openapi#/components/'));
    const validate = ajv.compile(schema);
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  };
}
