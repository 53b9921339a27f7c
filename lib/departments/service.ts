// Departments (the bureau manages them): list, create, rename, re-parent, activate.
// Every change is checked with can() like every other service, audited in its
// transaction and makes cached scores stale, since the
// set of departments scored (active ones) or their names in the results change.
import { z } from 'zod';
import { departmentExists, getDepartment, insertDepartment, listDepartmentRows, updateDepartmentRow, type DepartmentListing } from '../../db/queries/departments';
import type { Database, Session } from '../../db/types';
import { appendAudit } from '../audit/log';
import { can } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { ApiError, conflict, forbidden, notFound } from '../http/errors';
import { zhCN } from '../i18n/zh-CN';
import { markEverythingChanged } from '../scores/freshness';

const errors = zhCN.adminDepartments.errors;

export const DEPARTMENT_CODE = /^[A-Za-z0-9_-]{1,32}$/;

export type DepartmentRow = DepartmentListing;

export const LEVELS = ['province', 'city', 'county'] as const;

export const departmentInput = z.object({
  code: z.string().trim().regex(DEPARTMENT_CODE, errors.codeFormat),
  name: z.string().trim().min(1, errors.nameRequired).max(100, errors.nameTooLong),
  parentCode: z.string().trim().regex(DEPARTMENT_CODE).nullable().default(null),
  level: z.enum(LEVELS).default('province'),
});

export const departmentUpdate = departmentInput.omit({ code: true }).extend({ active: z.boolean() });

export const listDepartments = listDepartmentRows;

async function assertParent(tx: Session, code: string, parentCode: string | null) {
  if (!parentCode) return;
  if (parentCode === code) throw new ApiError(422, 'invalid_parent', { key: 'adminDepartments.errors.parentIsSelf' });
  if (!(await departmentExists(tx, parentCode))) throw new ApiError(422, 'invalid_parent', { key: 'adminDepartments.errors.unknownParent', values: { parent: parentCode } });
}

function assertCan(actor: Principal) {
  if (!can(actor, 'departments:manage')) throw forbidden();
}

export async function createDepartment(database: Database, actor: Principal, input: z.input<typeof departmentInput>, ip: string | null = null): Promise<DepartmentRow> {
  assertCan(actor);
  const d = departmentInput.parse(input);
  return database.transaction(async (tx) => {
    if (await departmentExists(tx, d.code)) throw conflict('adminDepartments.errors.codeTaken', { code: d.code });
    await assertParent(tx, d.code, d.parentCode);
    await insertDepartment(tx, d);
    await markEverythingChanged(tx);
    await appendAudit(tx, { actor, action: 'department.create', target: d.code, outcome: 'success', ip, payload: d });
    return { ...d, peerGroup: null, active: true };
  });
}

export async function updateDepartment(database: Database, actor: Principal, code: string, input: z.input<typeof departmentUpdate>, ip: string | null = null): Promise<DepartmentRow> {
  assertCan(actor);
  const d = departmentUpdate.parse(input);
  return database.transaction(async (tx) => {
    const row = await getDepartment(tx, code);
    if (!row) throw notFound('adminDepartments.errors.notFound', { code });
    const before = { name: row.name, active: row.active };
    await assertParent(tx, code, d.parentCode);
    await updateDepartmentRow(tx, code, d);
    await markEverythingChanged(tx);
    await appendAudit(tx, { actor, action: 'department.update', target: code, outcome: 'success', ip, payload: { before, after: d } });
    return { code, peerGroup: row.peerGroup, ...d };
  });
}
