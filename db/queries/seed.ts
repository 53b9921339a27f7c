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

/** Fresh statistics, so the period matrix gets good plans at once (PGlite never autovacuums). */
export async function analyze(session: Session): Promise<void> {
  await session.query('analyze');
}
