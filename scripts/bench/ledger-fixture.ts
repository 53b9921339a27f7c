// The ledger ingest benchmarks' data (ledger-ingest.ts, ledger-ingest-anatomy.ts): 200
// departments, a catalog of 2,000 resources, and N distinct sharing requests submitted
// January–October 2026 in a realistic mix of states, deterministic.
import { createWriteStream } from 'node:fs';
import { migrateDatabase } from '../../db/migrate';
import type { Database } from '../../db/types';
import { createToken } from '../../lib/auth/tokens';
import { defaultScheme, schemeHash } from '../../lib/scoring';

export const DEPARTMENTS = 200;
const RESOURCES_PER_DEPARTMENT = 10;
export const REQUEST_HEADER = 'request,consumer,provider,resource,purpose,submitted_at,replied_at,decision,reason,delivered_at,rating\n';
const code = (i: number) => `D${String(i).padStart(4, '0')}`;
const iso = (ms: number) => new Date(ms).toISOString();

/** Request number i as a CSV line: 30 % pending, 10 % refused, 20 % approved or conditional, 40 % delivered (most rated); a fifth without a resource. */
export function requestLine(i: number): string {
  const p = i % DEPARTMENTS;
  const provider = code(p);
  const consumer = code((i * 7 + 3) % DEPARTMENTS); // never the provider (6i ≢ −3 mod 200)
  const resource = i % 5 === 0 ? '' : `${provider}-R${i % RESOURCES_PER_DEPARTMENT}`;
  const submitted = Date.UTC(2026, i % 10, 1 + ((i >> 4) % 28), 1 + (i % 8), i % 60);
  const state = i % 10;
  let replied = '';
  let decision = 'pending';
  let reason = '';
  let delivered = '';
  let rating = '';
  if (state >= 3) {
    replied = iso(submitted + 86_400_000 * (1 + (i % 12)));
    decision = state === 3 ? 'refused' : state % 2 ? 'conditional' : 'approved';
    if (state === 3) reason = '涉及个人信息，须先签订数据使用协议';
  }
  if (state >= 6) {
    delivered = iso(submitted + 86_400_000 * (15 + (i % 20)));
    if (state <= 8) rating = String(1 + (i % 5));
  }
  return `REQ-${i},${consumer},${provider},${resource},核验与业务协同,${iso(submitted)},${replied},${decision},${reason},${delivered},${rating}\n`;
}

/** Requests `from` … `to` − 1 as one CSV body with its header. */
export function requestsCsv(from: number, to: number): string {
  const lines = [REQUEST_HEADER];
  for (let i = from; i < to; i++) lines.push(requestLine(i));
  return lines.join('');
}

export async function writeRequestsFile(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(REQUEST_HEADER);
  let buffer = '';
  for (let i = 0; i < rows; i++) {
    buffer += requestLine(i);
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once('drain', () => r()));
      buffer = '';
    }
  }
  out.end(buffer);
  await new Promise<void>((r) => out.on('finish', () => r()));
}

/** The catalog as a CSV body: 10 resources per department, a third unconditional. */
export function catalogCsv(): string {
  const lines = ['resource,provider,name,share_type,legal_basis,update_cycle,published_on,updated_on,status'];
  for (let p = 0; p < DEPARTMENTS; p++) {
    for (let r = 0; r < RESOURCES_PER_DEPARTMENT; r++) lines.push(`${code(p)}-R${r},${code(p)},资源 ${r},${r % 3 === 0 ? 'unconditional' : 'conditional'},,daily,2025-06-01,2025-06-01,active`);
  }
  return lines.join('\n') + '\n';
}

/** Migrates, adds the departments and the default scheme; returns a platform token's secret (ledger:write). */
export async function seedLedgerBench(database: Database): Promise<string> {
  await migrateDatabase(database);
  const codes = Array.from({ length: DEPARTMENTS }, (_, i) => code(i));
  await database.query(`insert into departments (code, name) select unnest($1::text[]), unnest($1::text[]) || ' 部门'`, [codes]);
  await database.query(`insert into schemes (version, name, body, hash, created_by) values (1, $1, $2::jsonb, $3, 'bench')`, [defaultScheme.name, JSON.stringify(defaultScheme), schemeHash(defaultScheme)]);
  return (await createToken(database, { name: 'bench', scopes: ['ledger:write'] }, 'bench')).secret;
}
