'use server';
// Server actions of /admin/periods: publish, withdraw, finalize, and the working-day calendar.
import { fill } from '@/lib/i18n';
import { getI18n } from '@/lib/i18n/server';
import { formNumber, formText, runCycleAction, type CycleActionState } from '@/lib/edge/action';
import { removeCalendarDay, setCalendarDay } from '@/lib/periods/calendar-service';
import { formatChinaTime } from '@/lib/periods/calendar';
import { finalizePeriod, publishPeriod, withdrawPeriod } from '@/lib/assessment/service';

const PATHS = ['/admin/periods', '/assessment', '/admin/appeals', '/rankings', '/me'];

export async function publishAction(_prev: CycleActionState, form: FormData): Promise<CycleActionState> {
  const { t } = await getI18n();
  return runCycleAction('periods:manage', PATHS, async (database, ctx) => {
    const row = await publishPeriod(database, ctx, formText(form, 'period'), { appealDays: formNumber(form, 'appealDays') });
    return { ok: fill(t.periodsAdmin.published, { deadline: formatChinaTime(row.appealDeadline!) }) };
  });
}

export async function withdrawAction(_prev: CycleActionState, form: FormData): Promise<CycleActionState> {
  const { t } = await getI18n();
  return runCycleAction('periods:manage', PATHS, async (database, ctx) => {
    await withdrawPeriod(database, ctx, formText(form, 'period'), formText(form, 'reason'));
    return { ok: t.periodsAdmin.withdrawn };
  });
}

export async function finalizeAction(_prev: CycleActionState, form: FormData): Promise<CycleActionState> {
  const { t } = await getI18n();
  return runCycleAction('periods:manage', PATHS, async (database, ctx) => {
    const result = await finalizePeriod(database, ctx, formText(form, 'period'));
    return { ok: fill(t.periodsAdmin.finalized, { hash: result.hash }), hash: result.hash };
  });
}

export async function setCalendarDayAction(_prev: CycleActionState, form: FormData): Promise<CycleActionState> {
  const { t } = await getI18n();
  return runCycleAction('periods:manage', ['/admin/periods'], async (database, ctx) => {
    const row = await setCalendarDay(database, ctx, { day: formText(form, 'day'), kind: formText(form, 'kind'), name: formText(form, 'name') });
    return { ok: fill(t.periodsAdmin.daySaved, { day: row.day }) };
  });
}

export async function removeCalendarDayAction(_prev: CycleActionState, form: FormData): Promise<CycleActionState> {
  const { t } = await getI18n();
  return runCycleAction('periods:manage', ['/admin/periods'], async (database, ctx) => {
    const day = formText(form, 'day');
    await removeCalendarDay(database, ctx, day);
    return { ok: fill(t.periodsAdmin.dayRemoved, { day }) };
  });
}
