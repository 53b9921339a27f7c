'use server';
// Server actions of /admin/periods: publish, withdraw, finalize, and the working-day calendar.
import { z } from 'zod';
import { finalizePeriod, publishPeriod, withdrawPeriod } from '@/lib/assessment/service';
import { field, runAction, type ActionState } from '@/lib/edge/action';
import { fill } from '@/lib/i18n';
import { formatChinaTime } from '@/lib/periods/calendar';
import { removeWorkCalendarDay, setWorkCalendarDay } from '@/lib/ledgers/calendar-change';

const REFRESH = ['/admin/periods', '/assessment', '/admin/appeals', '/rankings', '/me'];
const period = z.object({ period: field.text });

export async function publishAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const schema = period.extend({ appealDays: field.number });
  return runAction({ action: 'periods:manage', refresh: REFRESH, schema, form }, async ({ input, database, ctx, t }) => {
    const row = await publishPeriod(database, ctx, input.period, { appealDays: input.appealDays });
    return { ok: fill(t.periodsAdmin.published, { deadline: formatChinaTime(row.appealDeadline!) }) };
  });
}

export async function withdrawAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction({ action: 'periods:manage', refresh: REFRESH, schema: period.extend({ reason: field.text }), form }, async ({ input, database, ctx, t }) => {
    await withdrawPeriod(database, ctx, input.period, input.reason);
    return { ok: t.periodsAdmin.withdrawn };
  });
}

export async function finalizeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction({ action: 'periods:manage', refresh: REFRESH, schema: period, form }, async ({ input, database, ctx, t }) => {
    const result = await finalizePeriod(database, ctx, input.period);
    return { ok: fill(t.periodsAdmin.finalized, { hash: result.hash }), hash: result.hash };
  });
}

const day = z.object({ day: field.text, kind: field.text, name: field.text });

export async function setCalendarDayAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction({ action: 'periods:manage', refresh: ['/admin/periods'], schema: day, form }, async ({ input, database, ctx, t }) => {
    const row = await setWorkCalendarDay(database, ctx, input); // moves the ledgers' due days too
    return { ok: fill(t.periodsAdmin.daySaved, { day: row.day }) };
  });
}

export async function removeCalendarDayAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction({ action: 'periods:manage', refresh: ['/admin/periods'], schema: day.pick({ day: true }), form }, async ({ input, database, ctx, t }) => {
    await removeWorkCalendarDay(database, ctx, input.day);
    return { ok: fill(t.periodsAdmin.dayRemoved, { day: input.day }) };
  });
}
