'use server';
// Server actions for /admin/departments: authorize with can(), one service call, refresh.
import { revalidatePath } from 'next/cache';
import { getDatabase } from '@/db/client';
import { actionFailure, requestIp, type ActionState } from '@/lib/auth/action-support';
import { authorizeAction } from '@/lib/auth/guard';
import { createDepartment, updateDepartment } from '@/lib/departments/service';
import { getI18n } from '@/lib/i18n/server';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const orNull = (v: string) => (v === '' ? null : v);

async function run(work: (actor: Parameters<typeof createDepartment>[1], ip: string | null) => Promise<string>): Promise<ActionState> {
  const i18n = await getI18n();
  const { t } = i18n;
  const auth = await authorizeAction('departments:manage');
  if (!auth.ok) return { error: t.errors.forbidden };
  try {
    const ok = await work(auth.user.principal, await requestIp());
    revalidatePath('/admin/departments');
    return { ok };
  } catch (err) {
    return actionFailure(err, i18n, auth.user.principal, '/admin/departments');
  }
}

export async function createDepartmentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  return run(async (actor, ip) => {
    await createDepartment(await getDatabase(), actor, {
      code: text(form, 'code'),
      name: text(form, 'name'),
      parentCode: orNull(text(form, 'parentCode')),
      level: text(form, 'level') as never,
    }, ip);
    return t.adminDepartments.created;
  });
}

export async function updateDepartmentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { t } = await getI18n();
  return run(async (actor, ip) => {
    await updateDepartment(await getDatabase(), actor, text(form, 'code'), {
      name: text(form, 'name'),
      parentCode: orNull(text(form, 'parentCode')),
      level: text(form, 'level') as never,
      active: form.get('active') === 'on',
    }, ip);
    return t.adminDepartments.saved;
  });
}
