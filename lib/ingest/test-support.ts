// Fixtures for the ingest, matrix and scores tests: a few departments, the default
// scheme stored as version 1, bearer tokens, and requests shaped like a client's.
import type { Database } from '../../db/types';
import { createToken } from '../auth/tokens';
import type { Scope } from '../auth/principal';
import { defaultScheme, schemeHash } from '../scoring';

export const DEPARTMENTS: Array<[string, string]> = [
  ['GAT', '公安厅'],
  ['MZT', '民政厅'],
  ['RST', '人力资源和社会保障厅'],
  ['SWJ', '税务局'],
];

export async function seedBasics(database: Database, departments = DEPARTMENTS): Promise<void> {
  const values = departments.map((_, i) => `($${i * 2 + 1}, $${i * 2 + 2})`).join(', ');
  await database.query(`insert into departments (code, name) values ${values}`, departments.flat());
  await database.query(`insert into schemes (version, name, body, hash, created_by) values (1, $1, $2::jsonb, $3, 'test')`, [
    defaultScheme.name,
    JSON.stringify(defaultScheme),
    schemeHash(defaultScheme),
  ]);
}

export async function bearer(database: Database, scopes: Scope[], departmentCode: string | null = null): Promise<string> {
  const { secret } = await createToken(database, { name: `test ${scopes.join(' ')} ${departmentCode ?? ''}`, scopes, departmentCode }, 'test');
  return secret;
}

export function uploadRequest(
  kind: 'metrics' | 'events',
  body: string | object,
  options: { token?: string; key?: string; contentType?: string } = {},
): Request {
  const headers: Record<string, string> = { 'content-type': options.contentType ?? (typeof body === 'string' ? 'text/csv' : 'application/json') };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.key) headers['idempotency-key'] = options.key;
  return new Request(`http://localhost/api/v1/${kind}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

export const getRequest = (path: string, token?: string) =>
  new Request(`http://localhost${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
