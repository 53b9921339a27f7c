// Which period a page shows: the one asked for when it has data, else the latest month
// with data (a month is complete soonest; quarters and years are picked in the picker).
import type { PeriodInfo } from '../periods/codes';

export interface PeriodChoiceRow extends Omit<PeriodInfo, 'months'> {
  status: string;
}

/** Periods newest first (as listPeriods returns them); null when there are none. */
export function choosePeriod<T extends PeriodChoiceRow>(periods: T[], requested: string | null | undefined): T | null {
  if (requested) {
    const match = periods.find((p) => p.code === requested);
    if (match) return match;
  }
  return periods.find((p) => p.kind === 'month') ?? periods[0] ?? null;
}

export interface PeriodGroups<T> {
  month: T[];
  quarter: T[];
  year: T[];
}

/** The periods split by kind for the picker, each newest first. */
export function groupPeriods<T extends PeriodChoiceRow>(periods: T[]): PeriodGroups<T> {
  const groups: PeriodGroups<T> = { month: [], quarter: [], year: [] };
  for (const p of periods) groups[p.kind].push(p);
  for (const list of Object.values(groups) as T[][]) list.sort((a, b) => (a.startsOn < b.startsOn ? 1 : a.startsOn > b.startsOn ? -1 : 0));
  return groups;
}
