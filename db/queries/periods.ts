// Periods (one row each: month, quarter, year) and the working-day calendar.
import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { calendarDays, periods, type CalendarDayRow, type NewPeriodRow, type PeriodRow } from '../schema';
import type { Session } from '../types';

export type { CalendarDayRow, PeriodRow };

/** Inserts the periods that have no row yet (lib/periods/codes.ts periodsOfMonths says which). */
export async function ensurePeriods(session: Session, rows: ReadonlyArray<Pick<NewPeriodRow, 'code' | 'kind' | 'startsOn' | 'endsOn'>>): Promise<void> {
  if (!rows.length) return;
  const values = rows.map(({ code, kind, startsOn, endsOn }) => ({ code, kind, startsOn, endsOn }));
  await session.db.insert(periods).values(values).onConflictDoNothing();
}

/** One period; `forUpdate` locks its row until the transaction ends (serialises transitions). */
export async function getPeriodRow(session: Session, code: string, options: { forUpdate?: boolean } = {}): Promise<PeriodRow | null> {
  const query = session.db.select().from(periods).where(eq(periods.code, code));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** Newest first, months before the quarter and year that contain them. */
const PERIOD_ORDER = [desc(periods.endsOn), sql`case ${periods.kind} when 'month' then 0 when 'quarter' then 1 else 2 end`, desc(periods.code)];

/** Every period, newest first, months before the quarter and year that contain them. */
export async function listPeriodRows(session: Session): Promise<PeriodRow[]> {
  return session.db.select().from(periods).orderBy(...PERIOD_ORDER);
}

/** The codes among `codes` that are finalized; `forShare` holds them so a finalization waits for the caller's write. */
export async function finalizedPeriodCodes(session: Session, codes: string[], options: { forShare?: boolean } = {}): Promise<string[]> {
  if (!codes.length) return [];
  const query = session.db.select({ code: periods.code, status: periods.status }).from(periods).where(inArray(periods.code, codes)).orderBy(periods.code);
  const rows = options.forShare ? await query.for('share') : await query;
  return rows.filter((r) => r.status === 'finalized').map((r) => r.code);
}

export async function setPeriodPublished(tx: Session, code: string, fields: { publishedAt: Date; appealDeadline: Date; schemeId: number }): Promise<void> {
  await tx.db.update(periods).set({ status: 'published', ...fields }).where(eq(periods.code, code));
}

/** Back to open: the publication (and its appeal window) is withdrawn. */
export async function setPeriodOpen(tx: Session, code: string): Promise<void> {
  await tx.db.update(periods).set({ status: 'open', publishedAt: null, appealDeadline: null, schemeId: null }).where(eq(periods.code, code));
}

export async function setPeriodFinalized(
  tx: Session,
  code: string,
  fields: { finalizedAt: Date; finalizedBy: string; snapshotHash: string; schemeId: number },
): Promise<void> {
  await tx.db.update(periods).set({ status: 'finalized', ...fields }).where(eq(periods.code, code));
}

/** The published periods, locked for update (a scheme change withdraws them). */
export async function publishedPeriodCodes(tx: Session, options: { forUpdate?: boolean } = {}): Promise<string[]> {
  const query = tx.db.select({ code: periods.code }).from(periods).where(eq(periods.status, 'published')).orderBy(periods.code);
  return (options.forUpdate ? await query.for('update') : await query).map((r) => r.code);
}

// ── Working-day calendar: public holidays and make-up workdays ──────────────

export async function listCalendarDays(session: Session, from?: string, to?: string): Promise<CalendarDayRow[]> {
  const range = and(from ? gte(calendarDays.day, from) : undefined, to ? lte(calendarDays.day, to) : undefined);
  return session.db.select().from(calendarDays).where(range).orderBy(asc(calendarDays.day));
}

export async function countCalendarDays(session: Session): Promise<number> {
  return session.db.$count(calendarDays);
}

/** Inserts days; an existing day is replaced when `replace`, else kept. Returns rows written. */
export async function upsertCalendarDays(session: Session, days: readonly CalendarDayRow[], replace: boolean): Promise<number> {
  if (!days.length) return 0;
  const insert = session.db.insert(calendarDays).values([...days]);
  const rows = await (replace
    ? insert.onConflictDoUpdate({ target: calendarDays.day, set: { kind: sql`excluded.kind`, name: sql`excluded.name` } })
    : insert.onConflictDoNothing()
  ).returning({ day: calendarDays.day });
  return rows.length;
}

export async function deleteCalendarDay(session: Session, day: string): Promise<boolean> {
  const rows = await session.db.delete(calendarDays).where(eq(calendarDays.day, day)).returning({ day: calendarDays.day });
  return rows.length > 0;
}
