// Bulk writes of a generated province (lib/demo/seed.ts decides what): COPY for the big
// tables, the typed builder for the few rows of the rest. Call inside one transaction.
import { sql } from 'drizzle-orm';
import { departments, incidents, schemes, type NewDepartmentRow, type NewIncidentRow, type NewSchemeRow } from '../schema';
import type { Session } from '../types';
import { csvLines } from './csv-line';

export async function isEmpty(session: Session): Promise<boolean> {
  return (await session.db.$count(departments)) === 0;
}

export interface DemoRows {
  departments: Array<Required<Pick<NewDepartmentRow, 'code' | 'name' | 'parentCode' | 'level' | 'peerGroup'>>>;
  scheme: NewSchemeRow;
  /** A later version in force from its effective_from (the demo's ledger scheme). */
  laterScheme?: NewSchemeRow;
  users: Array<{ username: string; passwordHash: string; role: string; departmentCode: string | null }>;
  /** [department, month, indicator, value] */
  metrics: Array<[string, string, string, number]>;
  incidents: Array<Omit<NewIncidentRow, 'decidedAt'> & { decided: boolean }>;
}

/** Everything but the sharing events; the metric values are tagged as batch `seed`. */
export async function writeDemoRows(tx: Session, rows: DemoRows): Promise<void> {
  const d = rows.departments;
  await tx.copyCsv('departments', ['code', 'name', 'parent_code', 'level', 'peer_group'], csvLines(d.map((r) => [r.code, r.name, r.parentCode, r.level, r.peerGroup])));
  await tx.db.insert(schemes).values(rows.scheme);
  if (rows.laterScheme) await tx.db.insert(schemes).values(rows.laterScheme);
  const now = new Date().toISOString();
  const users = rows.users.map((u) => [u.username, u.username, u.passwordHash, u.role, u.departmentCode, now]);
  await tx.copyCsv('users', ['username', 'display_name', 'password_hash', 'role', 'department_code', 'password_changed_at'], csvLines(users));
  await tx.copyCsv('indicator_values', ['department_code', 'period', 'indicator', 'value', 'batch_id'], csvLines(rows.metrics.map((m) => [...m, 'seed'])));
  if (rows.incidents.length) {
    await tx.db.insert(incidents).values(rows.incidents.map(({ decided, ...i }) => ({ ...i, decidedAt: decided ? sql`now()` : null })));
  }
}

/** COPYs header-less event CSV (day,provider,consumer,resource,calls,records,failures). */
export async function copyEventCsv(tx: Session, csv: string): Promise<void> {
  await tx.copyCsv('sharing_events', ['day', 'provider', 'consumer', 'resource', 'calls', 'records', 'failures'], csv);
}

/** COPYs the demo ledgers (lib/demo/ledgers.ts row shapes): catalog versions, requests, objections. */
export async function copyLedgerRows(
  tx: Session,
  rows: { catalog: unknown[][]; requests: unknown[][]; objections: unknown[][] },
): Promise<void> {
  const cells = (r: unknown[][]) => csvLines(r as Array<Array<string | number | null>>);
  if (rows.catalog.length) {
    await tx.copyCsv('catalog_versions', ['resource', 'provider', 'name', 'share_type', 'legal_basis', 'update_cycle', 'published_on', 'updated_on', 'status', 'superseded_at'], cells(rows.catalog));
  }
  if (rows.requests.length) {
    await tx.copyCsv(
      'sharing_requests',
      ['request', 'consumer', 'provider', 'resource', 'purpose', 'submitted_at', 'replied_at', 'decision', 'reason', 'delivered_at', 'rating', 'rating_source', 'reply_due_on', 'delivery_due_on'],
      cells(rows.requests),
    );
  }
  if (rows.objections.length) {
    await tx.copyCsv('data_objections', ['objection', 'consumer', 'provider', 'resource', 'kind', 'submitted_at', 'resolved_at', 'outcome', 'note', 'source', 'due_on'], cells(rows.objections));
  }
}

/** Fresh statistics, so the period matrix gets good plans at once (PGlite never autovacuums). */
export async function analyze(session: Session): Promise<void> {
  await session.query('analyze');
}
