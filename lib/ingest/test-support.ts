// Fixtures for the ingest, matrix and scores tests: a few departments, the self-reported
// scheme (the defaults' version 1, where every non-events indicator is a metric) stored as
// version 1, bearer tokens, and requests shaped like a client's.
import { departments as departmentsTable, schemes } from '../../db/schema';
import type { Database } from '../../db/types';
import { createToken } from '../auth/tokens';
import type { Scope } from '../auth/principal';
import { schemeHash, selfReportedScheme } from '../scoring';

export const DEPARTMENTS: Array<[string, string]> = [
  ['GAT', '公安厅'],
  ['MZT', '民政厅'],
  ['RST', '人力资源和社会保障厅'],
  ['SWJ', '税务局'],
];

export async function seedBasics(database: Database, departments = DEPARTMENTS): Promise<void> {
  await database.db.insert(departmentsTable).values(departments.map(([code, name]) => ({ code, name })));
  await database.db.insert(schemes).values({ version: 1, name: selfReportedScheme.name, body: selfReportedScheme, hash: schemeHash(selfReportedScheme), createdBy: 'test' });
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
