// Long-format rows (department, indicator, value), as in the CLI's CSV files,
// → ScoringInput. Every bad row is reported with its row number, so a user
// can fix a whole file in one go.
import { valueRangeProblem } from './kinds';
import { allIndicators } from './layout';
import type { Scheme } from './scheme-schema';
import type { ScoringInput } from './types';

/** CONTRACT.md §2: 1–32 chars of A-Z a-z 0-9 _ -. */
export const DEPARTMENT_CODE = /^[A-Za-z0-9_-]{1,32}$/;

export interface ValueRow {
  /** Row number as a spreadsheet shows it (header = 1). */
  row: number;
  department: string;
  indicator: string;
  /** Empty or null = explicitly not reported. */
  value: string | number | null;
  name?: string;
}

export interface IncidentRow {
  row: number;
  department: string;
  points: string | number;
  exempt?: string | boolean;
}

export type RowsToInputResult = { ok: true; input: ScoringInput } | { ok: false; errors: string[] };

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', '是']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', '否', '']);

export function scoringInputFromRows(rows: ValueRow[], incidentRows: IncidentRow[], scheme: Scheme): RowsToInputResult {
  const errors: string[] = [];
  const indicators = new Map(allIndicators(scheme).map((i) => [i.code, i]));
  const names = new Map<string, string | undefined>();
  const values: ScoringInput['values'] = {};
  const firstRow = new Map<string, number>();

  for (const r of rows) {
    const department = r.department.trim();
    const code = r.indicator.trim();
    if (!DEPARTMENT_CODE.test(department)) {
      errors.push(`row ${r.row}: department code ${JSON.stringify(r.department)} must be 1–32 characters of A-Z a-z 0-9 _ -`);
      continue;
    }
    const name = r.name?.trim() || undefined;
    if (!names.has(department) || (names.get(department) === undefined && name)) names.set(department, name);
    const indicator = indicators.get(code);
    if (!indicator) {
      errors.push(`row ${r.row}: indicator ${JSON.stringify(r.indicator)} is not in the scheme`);
      continue;
    }
    const key = `${department}\u0000${code}`;
    if (firstRow.has(key)) {
      errors.push(`row ${r.row}: a second value for department ${department}, indicator ${code} (first on row ${firstRow.get(key)})`);
      continue;
    }
    firstRow.set(key, r.row);
    const value = parseNumber(r.value);
    if (value === undefined) {
      errors.push(`row ${r.row}: value ${JSON.stringify(r.value)} is not a number`);
      continue;
    }
    if (value !== null) {
      const problem = valueRangeProblem(indicator, value);
      if (problem) {
        errors.push(`row ${r.row}: ${problem}`);
        continue;
      }
    }
    (values[department] ??= {})[code] = value;
  }

  const incidents: NonNullable<ScoringInput['incidents']> = [];
  for (const r of incidentRows) {
    const department = r.department.trim();
    const points = parseNumber(r.points);
    const exempt = parseBoolean(r.exempt ?? '');
    if (!names.has(department)) errors.push(`incidents row ${r.row}: department ${JSON.stringify(r.department)} has no values in the input`);
    else if (points === undefined || points === null || points < 0) errors.push(`incidents row ${r.row}: points ${JSON.stringify(r.points)} must be a number ≥ 0`);
    else if (exempt === undefined) errors.push(`incidents row ${r.row}: exempt ${JSON.stringify(r.exempt)} must be true or false`);
    else incidents.push({ department, points, exempt });
  }

  if (errors.length > 0) return { ok: false, errors };
  if (names.size === 0) return { ok: false, errors: ['the input has no rows'] };
  return {
    ok: true,
    input: { departments: [...names].map(([code, name]) => (name ? { code, name } : { code })), values, incidents },
  };
}

/** number, or null for an empty cell, or undefined when it is not a number. */
function parseNumber(cell: string | number | null): number | null | undefined {
  if (cell === null) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  const text = cell.trim();
  if (text === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

function parseBoolean(cell: string | boolean): boolean | undefined {
  if (typeof cell === 'boolean') return cell;
  const word = cell.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}
