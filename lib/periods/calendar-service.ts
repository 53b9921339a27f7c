// The working-day calendar in the database (calendar_days). The 2025–2026 default
// list is inserted on first use, so a fresh database computes correct deadlines
// without a migration; admins add later years' holidays on /admin/periods.
import type { Database, Session } from '../../db/types';
import {
  countCalendarDays,
  deleteCalendarDay,
  listCalendarDays,
  upsertCalendarDays,
  type CalendarDayRow,
} from '../../db/queries/periods';
import { appendAudit } from '../audit/log';
import { badRequest } from '../http/errors';
import { calendarFrom, type WorkCalendar } from './calendar';
import { requireCan, type ActionContext } from '../auth/context';
import { DEFAULT_CALENDAR_DAYS } from './holidays-cn';

/** Inserts the default holidays when the table is empty; returns how many were inserted. */
export async function ensureDefaultCalendar(session: Session): Promise<number> {
  if ((await countCalendarDays(session)) > 0) return 0;
  return upsertCalendarDays(session, DEFAULT_CALENDAR_DAYS, false);
}

/** The calendar used for deadlines (the defaults are inserted on first use). */
export async function loadWorkCalendar(session: Session): Promise<WorkCalendar> {
  await ensureDefaultCalendar(session);
  return calendarFrom(await listCalendarDays(session));
}

export async function listCalendar(session: Session, year?: number): Promise<CalendarDayRow[]> {
  await ensureDefaultCalendar(session);
  return year ? listCalendarDays(session, `${year}-01-01`, `${year}-12-31`) : listCalendarDays(session);
}

/**
 * Whether the calendar lists any holiday in `year`. Past the calendar's end Monday–Friday
 * count as working days (calendar.ts isWorkingDay), so the admin pages warn while next
 * year has none: deadlines running into it would ignore its holidays.
 */
export async function hasHolidays(session: Session, year: number): Promise<boolean> {
  return (await listCalendar(session, year)).some((d) => d.kind === 'holiday');
}

const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function checkDay(day: string): string {
  const trimmed = day.trim();
  if (!ISO_DAY.test(trimmed) || new Date(`${trimmed}T00:00:00Z`).toISOString().slice(0, 10) !== trimmed) {
    throw badRequest('cycle.errors.badDay', { day });
  }
  return trimmed;
}

/** What else a calendar change moves, in its transaction (lib/ledgers/calendar-change.ts: the ledgers' due days). */
export type CalendarChangeHook = (tx: Session, day: string) => Promise<void>;

/** Adds or replaces one holiday or make-up workday. Audited. */
export async function setCalendarDay(
  database: Database,
  ctx: ActionContext,
  input: { day: string; kind: string; name?: string | null },
  onChange?: CalendarChangeHook,
): Promise<CalendarDayRow> {
  requireCan(ctx, 'periods:manage');
  const day = checkDay(input.day);
  if (input.kind !== 'holiday' && input.kind !== 'workday') throw badRequest('cycle.errors.badDayKind');
  const row: CalendarDayRow = { day, kind: input.kind, name: input.name?.trim() || null };
  await database.transaction(async (tx) => {
    await ensureDefaultCalendar(tx);
    await upsertCalendarDays(tx, [row], true);
    await onChange?.(tx, day);
    await appendAudit(tx, { actor: ctx.principal, ip: ctx.ip, action: 'calendar.set', target: day, outcome: 'success', payload: row });
  });
  return row;
}

export async function removeCalendarDay(database: Database, ctx: ActionContext, dayInput: string, onChange?: CalendarChangeHook): Promise<boolean> {
  requireCan(ctx, 'periods:manage');
  const day = checkDay(dayInput);
  return database.transaction(async (tx) => {
    await ensureDefaultCalendar(tx);
    const removed = await deleteCalendarDay(tx, day);
    if (removed) await onChange?.(tx, day);
    if (removed) await appendAudit(tx, { actor: ctx.principal, ip: ctx.ip, action: 'calendar.remove', target: day, outcome: 'success', payload: { day } });
    return removed;
  });
}
