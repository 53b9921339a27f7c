// Checks that need more than the row itself: who may write it, whether its
// department and indicator exist, value ranges by indicator kind, future dates,
// duplicates inside the batch, and finalized periods.
import { can } from '../auth/permissions';
import { boundDepartment, type Principal } from '../auth/principal';
import { periodsContaining } from '../periods/codes';
import { valueRangeProblem, type FlatIndicator } from '../scoring';
import { KIND_SPECS, type IngestKind } from './kinds';
import type { RowMessageKey, RowProblem } from './messages';
import type { AnyRow, EventRow, MetricRow } from './rows';

export interface IngestContext {
  departments: ReadonlySet<string>;
  /** The active scheme's indicators by code. */
  indicators: ReadonlyMap<string, FlatIndicator>;
  /** Today in China (YYYY-MM-DD): later dates and months are in the future. */
  today: string;
  /** Finalized periods of any kind. */
  finalized: ReadonlySet<string>;
}

export const monthOfRow = (kind: IngestKind, row: MetricRow | EventRow) =>
  kind === 'metrics' ? (row as MetricRow).period : (row as EventRow).date.slice(0, 7);

/** Rows the principal may not write: a department user's or department-bound token's rows of other departments. */
export function foreignRows(kind: IngestKind, rows: AnyRow[], principal: Principal): RowProblem[] {
  const { action, ownerColumn } = KIND_SPECS[kind];
  const allowed = new Map<string, boolean>();
  const problems: RowProblem[] = [];
  for (const r of rows) {
    const department = (r as unknown as Record<string, string>)[ownerColumn];
    let ok = allowed.get(department);
    if (ok === undefined) allowed.set(department, (ok = can(principal, action, { department })));
    if (!ok) problems.push({ row: r.row, column: ownerColumn, key: 'foreignDepartment', values: { own: boundDepartment(principal) ?? '', value: department } });
  }
  return problems;
}

const RANGE_KEYS: Record<string, RowMessageKey> = { rate: 'rateRange', count: 'countRange', score: 'scoreRange' };

export function checkMetricRows(rows: MetricRow[], ctx: IngestContext): RowProblem[] {
  const problems: RowProblem[] = [];
  const firstRow = new Map<string, number>();
  const currentMonth = ctx.today.slice(0, 7);
  for (const r of rows) {
    const add = (column: string, key: RowMessageKey, values: Record<string, string | number> = {}) =>
      problems.push({ row: r.row, column, key, values });
    if (!ctx.departments.has(r.department)) add('department', 'unknownDepartment', { value: r.department });
    if (r.period > currentMonth) add('period', 'futurePeriod', { value: r.period });
    const indicator = ctx.indicators.get(r.indicator);
    if (!indicator) add('indicator', 'unknownIndicator', { value: r.indicator });
    // Only `metric` indicators are reported: events and ledger ones are computed (docs/ingest.md).
    else if (indicator.source !== 'metric') add('indicator', indicator.source === 'ledger' ? 'ledgerIndicator' : 'derivedIndicator', { value: r.indicator });
    else if (valueRangeProblem(indicator, r.value)) {
      add('value', RANGE_KEYS[indicator.kind ?? ''] ?? 'outOfRange', { indicator: `${indicator.name}（${indicator.code}）`, value: r.value });
    }
    const key = `${r.department}\u0000${r.period}\u0000${r.indicator}`;
    const first = firstRow.get(key);
    if (first !== undefined) add('indicator', 'duplicateMetric', { first });
    else firstRow.set(key, r.row);
  }
  return problems;
}

export function checkEventRows(rows: EventRow[], ctx: IngestContext): RowProblem[] {
  const problems: RowProblem[] = [];
  const firstRow = new Map<string, number>();
  for (const r of rows) {
    const add = (column: string, key: RowMessageKey, values: Record<string, string | number> = {}) =>
      problems.push({ row: r.row, column, key, values });
    if (!ctx.departments.has(r.provider)) add('provider', 'unknownDepartment', { value: r.provider });
    if (!ctx.departments.has(r.consumer)) add('consumer', 'unknownDepartment', { value: r.consumer });
    if (r.date > ctx.today) add('date', 'futureDate', { value: r.date });
    if (r.failures > r.calls) add('failures', 'failuresExceedCalls', { failures: r.failures, calls: r.calls });
    const key = `${r.date}\u0000${r.provider}\u0000${r.consumer}\u0000${r.resource}`;
    const first = firstRow.get(key);
    if (first !== undefined) add('resource', 'duplicateEvent', { first });
    else firstRow.set(key, r.row);
  }
  return problems;
}

/** Rows whose month, or the quarter or year containing it, is finalized. */
export function lockedRows(kind: IngestKind, rows: Array<MetricRow | EventRow>, ctx: IngestContext): { problems: RowProblem[]; periods: string[] } {
  if (ctx.finalized.size === 0) return { problems: [], periods: [] };
  const lockOf = new Map<string, string | null>();
  const problems: RowProblem[] = [];
  const periods = new Set<string>();
  for (const r of rows) {
    const month = monthOfRow(kind, r);
    let lock = lockOf.get(month);
    if (lock === undefined) lockOf.set(month, (lock = periodsContaining(month).find((p) => ctx.finalized.has(p)) ?? null));
    if (!lock) continue;
    periods.add(lock);
    problems.push({ row: r.row, column: kind === 'metrics' ? 'period' : 'date', key: 'lockedPeriod', values: { period: lock } });
  }
  return { problems, periods: [...periods].sort() };
}
