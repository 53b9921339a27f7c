// Dates and instants as upload cells give them, checked and normalised once per cell (a
// request row has three instants). The two forms clients send most — what toISOString
// writes, and whole seconds at a whole-hour offset such as +08:00 — take a path without
// Date objects: the first is already normal, the second needs only its hour moved to UTC,
// remembered per (day, hour, offset). Every other form is parsed in full.

// A batch has a few hundred distinct days at most: remember the verdicts.
const calendarDates = new Map<string, boolean>();
export function isCalendarDate(day: string): boolean {
  let valid = calendarDates.get(day);
  if (valid === undefined) {
    const d = new Date(`${day}T00:00:00Z`);
    valid = !Number.isNaN(d.getTime()) && d.toISOString().startsWith(day);
    if (calendarDates.size < 100_000) calendarDates.set(day, valid);
  }
  return valid;
}

// ISO 8601 with an offset (or Z).
export const INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)$/;

/** The instant `v` names, as toISOString writes it (UTC, milliseconds); null when `v` is not ISO 8601 with an offset. */
export function normalInstant(v: string): string | null {
  if (!INSTANT.test(v) || !isCalendarDate(v.slice(0, 10))) return null;
  // INSTANT fixed the digits' places; these say the clock is a plain one (no 24:00, no leap second).
  const plainClock = v.charCodeAt(13) === 58 && v.slice(11, 13) < '24' && v[14] <= '5' && v[16] === ':' && v[17] <= '5';
  if (plainClock && v.length === 24 && v[10] === 'T' && v[19] === '.' && v[23] === 'Z') return v; // 2026-10-09T01:30:00.000Z
  if (plainClock && v.length === 25 && (v[19] === '+' || v[19] === '-') && v.endsWith(':00')) {
    const hour = utcHour(v.slice(0, 10), v.slice(11, 13), v.slice(19)); // 2026-10-09T09:30:00+08:00
    if (hour !== null) return `${hour}${v.slice(13, 19)}.000Z`;
  }
  const ms = Date.parse(v.replace(' ', 'T'));
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

const utcHours = new Map<string, string | null>();
/** 'YYYY-MM-DDTHH' in UTC of hour `hh` of `day` at `offset` (±HH:00). */
function utcHour(day: string, hh: string, offset: string): string | null {
  const key = `${day}T${hh}${offset}`;
  let hour = utcHours.get(key);
  if (hour === undefined) {
    const ms = Date.parse(`${day}T${hh}:00:00${offset}`);
    const iso = Number.isNaN(ms) ? '' : new Date(ms).toISOString();
    hour = iso.length === 24 ? iso.slice(0, 13) : null; // past year 9999 the year has six digits: parsed in full
    if (utcHours.size < 200_000) utcHours.set(key, hour);
  }
  return hour;
}
