'use server';
// Server actions for /admin/departments: the one action wrapper (lib/edge/action.ts), one service call.
import { z } from 'zod';
import { field, runAction, type ActionState } from '@/lib/edge/action';
import { createDepartment, LEVELS, updateDepartment } from '@/lib/departments/service';

const REFRESH = ['/admin/departments'];
const fields = { name: field.text, parentCode: field.optional, level: z.enum(LEVELS) };
const created = z.object({ code: field.text, ...fields });
const updated = z.object({ code: field.text, ...fields, active: field.optional.transform((v) => v === 'on') });

export async function createDepartmentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction({ action: 'departments:manage', refresh: REFRESH, schema: created, form }, async ({ input, database, ctx, t }) => {
    await createDepartment(database, ctx.principal, input, ctx.ip);
    return { ok: t.adminDepartments.created };
  });
}

export async function updateDepartmentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction({ action: 'departments:manage', refresh: REFRESH, schema: updated, form }, async ({ input: { code, ...change }, database, ctx, t }) => {
    await updateDepartment(database, ctx.principal, code, change, ctx.ip);
    return { ok: t.adminDepartments.saved };
  });
}
