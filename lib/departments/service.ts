// Departments (the bureau manages them): list, create, rename, re-parent, activate.
// Every change is checked with can() like every other service, audited in its
// transaction and makes cached scores stale, since the
// set of departments scored (active ones) or their names in the results change.
import { z } from 'zod';
import type { Database, Session } from '../../db/types';
import { appendAudit } from '../audit/log';
import { can } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { ApiError, conflict, forbidden, notFound } from '../http/errors';
import { zhCN } from '../i18n/zh-CN';
import { markEverythingChanged } from '../scores/freshness';

const errors = zhCN.adminDepartments.errors;

export const DEPARTMENT_CODE = /^[A-Za-z0-9_-]{1,32}$/;

export interface DepartmentRow {
  code: string;
  name: string;
  parentCode: string | null;
  level: string;
  active: boolean;
}

export const LEVELS = ['province', 'city', 'county'] as const;

export const departmentInput = z.object({
  code: z.string().trim().regex(DEPARTMENT_CODE, errors.codeFormat),
  name: z.string().trim().min(1, errors.nameRequired).max(100, errors.nameTooLong),
  parentCode: z.string().trim().regex(DEPARTMENT_CODE).nullable().default(null),
  level: z.enum(LEVELS).default('province'),
});

export const departmentUpdate = departmentInput.omit({ code: true }).extend({ active: z.boolean() });

export async function listDepartments(session: Session): Promise<DepartmentRow[]> {
  const rows = await session.query<{ code: string; name: string; parent_code: string | null; level: string; active: boolean }>(
    'select code, name, parent_code, level, active from departments order by active desc, code',
  );
  return rows.map((r) => ({ code: r.code, name: r.name, parentCode: r.parent_code, level: r.level, active: r.active }));
}

async function assertParent(tx: Session, code: string, parentCode: string | null) {
  if (!parentCode) return;
  if (parentCode === code) throw new ApiError(422, 'invalid_parent', { key: 'adminDepartments.errors.parentIsSelf' });
  const [parent] = await tx.query('select 1 from departments where code = $1', [parentCode]);
  if (!parent) throw new ApiError(422, 'invalid_parent', { key: 'adminDepartments.errors.unknownParent', values: { parent: parentCode } });
}

function assertCan(actor: Principal) {
  if (!can(actor, 'departments:manage')) throw forbidden();
}

export async function createDepartment(database: Database, actor: Principal, input: z.input<typeof departmentInput>, ip: string | null = null): Promise<DepartmentRow> {
  assertCan(actor);
  const d = departmentInput.parse(input);
  return database.transaction(async (tx) => {
    const [existing] = await tx.query('select 1 from departments where code = $1', [d.code]);
    if (existing) throw conflict('adminDepartments.errors.codeTaken', { code: d.code });
    await assertParent(tx, d.code, d.parentCode);
    await tx.query('insert into departments (code, name, parent_code, level) values ($1, $2, $3, $4)', [d.code, d.name, d.parentCode, d.level]);
    await markEverythingChanged(tx);
    await appendAudit(tx, { actor, action: 'department.create', target: d.code, outcome: 'success', ip, payload: d });
    return { ...d, active: true };
  });
}

export async function updateDepartment(database: Database, actor: Principal, code: string, input: z.input<typeof departmentUpdate>, ip: string | null = null): Promise<DepartmentRow> {
  assertCan(actor);
  const d = departmentUpdate.parse(input);
  return database.transaction(async (tx) => {
    const [before] = await tx.query<{ name: string; active: boolean }>('select name, active from departments where code = $1', [code]);
    if (!before) throw notFound('adminDepartments.errors.notFound', { code });
    await assertParent(tx, code, d.parentCode);
    await tx.query('update departments set name = $2, parent_code = $3, level = $4, active = $5 where code = $1', [code, d.name, d.parentCode, d.level, d.active]);
    await markEverythingChanged(tx);
    await appendAudit(tx, { actor, action: 'department.update', target: code, outcome: 'success', ip, payload: { before, after: d } });
    return { code, ...d };
  });
}
