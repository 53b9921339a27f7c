// The official public holidays and make-up workdays (调休上班) of mainland China,
// from the State Council General Office notices 国办发明电〔2024〕12号 (2025) and
// 国办发明电〔2025〕7号 (2026). Shipped as the default working-day calendar; admins
// extend it on /admin/periods when the next year's notice is out.

export type CalendarDayKind = 'holiday' | 'workday';

export interface CalendarDay {
  day: string; // ISO date
  kind: CalendarDayKind;
  name: string;
}

/** [first, last] of a holiday run, inclusive, and its make-up workdays. */
type Arrangement = [name: string, first: string, last: string, workdays: string[]];

const ARRANGEMENTS: Arrangement[] = [
  // 2025 — 国办发明电〔2024〕12号
  ['元旦', '2025-01-01', '2025-01-01', []],
  ['春节', '2025-01-28', '2025-02-04', ['2025-01-26', '2025-02-08']],
  ['清明节', '2025-04-04', '2025-04-06', []],
  ['劳动节', '2025-05-01', '2025-05-05', ['2025-04-27']],
  ['端午节', '2025-05-31', '2025-06-02', []],
  ['国庆节、中秋节', '2025-10-01', '2025-10-08', ['2025-09-28', '2025-10-11']],
  // 2026 — 国办发明电〔2025〕7号
  ['元旦', '2026-01-01', '2026-01-03', ['2026-01-04']],
  ['春节', '2026-02-15', '2026-02-23', ['2026-02-14', '2026-02-28']],
  ['清明节', '2026-04-04', '2026-04-06', []],
  ['劳动节', '2026-05-01', '2026-05-05', ['2026-05-09']],
  ['端午节', '2026-06-19', '2026-06-21', []],
  ['中秋节', '2026-09-25', '2026-09-27', []],
  ['国庆节', '2026-10-01', '2026-10-07', ['2026-09-20', '2026-10-10']],
];

function daysFrom(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** Every holiday and make-up workday of 2025–2026, in date order. */
export const DEFAULT_CALENDAR_DAYS: readonly CalendarDay[] = ARRANGEMENTS.flatMap(([name, first, last, workdays]) => [
  ...daysFrom(first, last).map((day): CalendarDay => ({ day, kind: 'holiday', name })),
  ...workdays.map((day): CalendarDay => ({ day, kind: 'workday', name: `${name}调休上班` })),
]).sort((a, b) => a.day.localeCompare(b.day));
