// Working days (工作日) for appeal deadlines: Monday–Friday, minus public holidays,
// plus make-up workdays (调休上班) that fall on a weekend. Pure; days are ISO dates
// and the civil day is Beijing time (UTC+8 all year, no daylight saving).
import { fill } from '../i18n/index';
import { zhCN } from '../i18n/zh-CN';

export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

export const EMPTY_CALENDAR: WorkCalendar = { holidays: new Set(), workdays: new Set() };

/** The government's time zone as a fixed offset: China has had no DST since 1991. */
export const CHINA_UTC_OFFSET_HOURS = 8;
const OFFSET_MS = CHINA_UTC_OFFSET_HOURS * 3_600_000;

export function calendarFrom(days: Iterable<{ day: string; kind: string }>): WorkCalendar {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const d of days) (d.kind === 'workday' ? workdays : holidays).add(d.day);
  return { holidays, workdays };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function parseDay(day: string): Date {
  if (!ISO_DAY.test(day)) throw new Error(`not an ISO date: ${JSON.stringify(day)}`);
  // Noon UTC: adding whole days never crosses a date boundary whatever the host's time zone.
  return new Date(`${day}T12:00:00Z`);
}

const nextDay = (day: string) => new Date(parseDay(day).getTime() + 86_400_000).toISOString().slice(0, 10);

/** A make-up workday always works; otherwise Monday–Friday unless a holiday. */
export function isWorkingDay(day: string, calendar: WorkCalendar): boolean {
  if (calendar.workdays.has(day)) return true;
  if (calendar.holidays.has(day)) return false;
  const weekday = parseDay(day).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The n-th working day after `day` (the day itself does not count); n = 0 → `day`. */
export function addWorkingDays(day: string, n: number, calendar: WorkCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new Error(`working days must be a whole number ≥ 0, got ${n}`);
  let current = day;
  for (let counted = 0; counted < n; ) {
    current = nextDay(current);
    if (isWorkingDay(current, calendar)) counted++;
  }
  parseDay(current);
  return current;
}

/** Working days in (from, to]: how many working days after `from` up to and including `to`. */
export function workingDaysBetween(from: string, to: string, calendar: WorkCalendar): number {
  let count = 0;
  for (let current = nextDay(from); current <= to; current = nextDay(current)) {
    if (isWorkingDay(current, calendar)) count++;
  }
  return count;
}

/** The Beijing-time civil date of an instant. */
export function chinaDay(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The last millisecond of a Beijing-time day, as an instant. */
export function endOfChinaDay(day: string): Date {
  return new Date(Date.parse(`${day}T23:59:59.999Z`) - OFFSET_MS);
}

/**
 * The appeal deadline of a publication: the end (23:59:59.999 Beijing time) of the
 * `workingDays`-th working day after the day of publication. Publishing on Friday
 * with 5 days gives the end of the next Friday, unless holidays intervene.
 */
export function appealDeadline(publishedAt: Date, workingDays: number, calendar: WorkCalendar): Date {
  return endOfChinaDay(addWorkingDays(chinaDay(publishedAt), workingDays, calendar));
}

/** 2026-10-12 23:59（北京时间）— for messages; pages format with the reader's locale. */
export function formatChinaTime(instant: Date): string {
  const shifted = new Date(instant.getTime() + 8 * 3_600_000).toISOString();
  return fill(zhCN.cycle.chinaTime, { date: shifted.slice(0, 10), time: shifted.slice(11, 16) });
}
