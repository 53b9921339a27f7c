// Period codes (CONTRACT.md §2): month 2026-10, quarter 2026-Q4, year 2026.
// Values and events belong to months; quarters and years roll months up.
export type PeriodKind = 'month' | 'quarter' | 'year';

export interface PeriodInfo {
  code: string;
  kind: PeriodKind;
  /** First and last day, ISO dates. */
  startsOn: string;
  endsOn: string;
  /** The month codes it covers, in order. */
  months: string[];
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;

const pad = (n: number) => String(n).padStart(2, '0');
const monthCode = (year: number, month: number) => `${year}-${pad(month)}`;
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function span(code: string, kind: PeriodKind, year: number, first: number, last: number): PeriodInfo {
  const months = [];
  for (let m = first; m <= last; m++) months.push(monthCode(year, m));
  return {
    code,
    kind,
    startsOn: `${monthCode(year, first)}-01`,
    endsOn: `${monthCode(year, last)}-${pad(lastDay(year, last))}`,
    months,
  };
}

/** Parses a period code, or returns null when it is malformed. */
export function parsePeriod(code: string): PeriodInfo | null {
  let m = MONTH.exec(code);
  if (m) return span(code, 'month', +m[1], +m[2], +m[2]);
  m = QUARTER.exec(code);
  if (m) return span(code, 'quarter', +m[1], (+m[2] - 1) * 3 + 1, +m[2] * 3);
  m = YEAR.exec(code);
  if (m && +m[1] >= 1900) return span(code, 'year', +m[1], 1, 12);
  return null;
}

export const isMonthCode = (code: string) => MONTH.test(code);

/** The month an ISO date (YYYY-MM-DD) falls in. */
export const monthOfDate = (day: string) => day.slice(0, 7);

/** The month itself, its quarter and its year: every period a month's data touches. */
export function periodsContaining(month: string): string[] {
  const [year, mm] = month.split('-').map(Number);
  return [month, `${year}-Q${Math.ceil(mm / 3)}`, String(year)];
}

/** The months, and the quarters and years containing them: the periods their data needs rows for. */
export function periodsOfMonths(months: Iterable<string>): PeriodInfo[] {
  const codes = new Set<string>();
  for (const m of months) for (const p of periodsContaining(m)) codes.add(p);
  return [...codes].map((c) => parsePeriod(c)!);
}

/** The period of the same kind just before this one (for rank changes). */
export function previousPeriod(code: string): string | null {
  const p = parsePeriod(code);
  if (!p) return null;
  const [year, month] = p.months[0].split('-').map(Number);
  if (p.kind === 'year') return String(year - 1);
  if (p.kind === 'quarter') {
    const q = Math.ceil(month / 3);
    return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
  }
  return month === 1 ? monthCode(year - 1, 12) : monthCode(year, month - 1);
}

/** The last `count` whole months ending with the month before `today` (ISO date), oldest first. */
export function recentMonths(today: string, count: number): string[] {
  let [year, month] = today.split('-').map(Number);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
    out.unshift(monthCode(year, month));
  }
  return out;
}

/** Every ISO date of a month. */
export function daysOfMonth(month: string): string[] {
  const [year, mm] = month.split('-').map(Number);
  return Array.from({ length: lastDay(year, mm) }, (_, i) => `${month}-${pad(i + 1)}`);
}
