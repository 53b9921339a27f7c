// The shape of one row, with zod: required cells, code and date formats, numbers.
// Messages are catalog keys (messages.ts), filled in with the offending cell.
// Checks that need the database or the scheme are in check-rows.ts.
import { z } from 'zod';
import type { IngestKind } from './kinds';
import type { RowMessageKey, RowProblem } from './messages';
import type { RawRow } from './parse';

export interface MetricRow {
  row: number;
  department: string;
  period: string;
  indicator: string;
  value: number;
  note: string | null;
}

export interface EventRow {
  row: number;
  date: string;
  provider: string;
  consumer: string;
  resource: string;
  calls: number;
  records: number;
  failures: number;
}

// Cells arrive trimmed (parse.ts): a preprocess step per text cell would double the cost.
const key = (k: RowMessageKey) => ({ error: k });
/** An empty cell is absent; a numeric string becomes a number (NaN when it is not one). */
const toNumber = (v: unknown) => (typeof v !== 'string' ? v : v === '' ? undefined : Number(v));

const text = z.string({ error: (i) => (i.input === undefined || i.input === null ? 'required' : 'notText') }).min(1, key('required'));
const departmentCode = text.regex(/^[A-Za-z0-9_-]{1,32}$/, key('departmentFormat'));
const number = z.number({ error: (i) => (i.input === undefined || i.input === null ? 'required' : 'notNumber') });
const count = number.int(key('countField')).min(0, key('countField'));

const metricSchema = z.object({
  department: departmentCode,
  period: text.regex(/^\d{4}-(0[1-9]|1[0-2])$/, key('periodFormat')),
  indicator: text,
  value: z.preprocess(toNumber, number),
  note: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string(key('notText')).max(500, key('noteTooLong')).optional()),
});

const eventSchema = z.object({
  date: text.regex(/^\d{4}-\d{2}-\d{2}$/, key('dateFormat')).refine(isCalendarDate, key('dateFormat')),
  provider: departmentCode,
  consumer: departmentCode,
  resource: z.string(key('resourceFormat')).min(1, key('resourceFormat')).max(200, key('resourceFormat')),
  calls: z.preprocess(toNumber, count),
  records: z.preprocess(toNumber, count.default(0)),
  failures: z.preprocess(toNumber, count.default(0)),
});

// A batch has a few hundred distinct days at most: remember the verdicts.
const calendarDates = new Map<string, boolean>();
function isCalendarDate(day: string): boolean {
  let valid = calendarDates.get(day);
  if (valid === undefined) {
    const d = new Date(`${day}T00:00:00Z`);
    valid = !Number.isNaN(d.getTime()) && d.toISOString().startsWith(day);
    if (calendarDates.size < 100_000) calendarDates.set(day, valid);
  }
  return valid;
}

type Shaped<T> = { rows: T[]; problems: RowProblem[] };

function shape<T>(schema: z.ZodType, raw: RawRow[]): Shaped<T> {
  const rows: T[] = [];
  const problems: RowProblem[] = [];
  for (const r of raw) {
    const result = schema.safeParse(r.cells);
    if (result.success) {
      rows.push({ row: r.row, ...(result.data as object) } as T);
      continue;
    }
    const seen = new Set<string>();
    for (const issue of result.error.issues) {
      const column = String(issue.path[0] ?? '');
      if (seen.has(column)) continue; // one problem per cell is enough
      seen.add(column);
      problems.push({ row: r.row, column, key: issue.message as RowMessageKey, values: { value: cellText(r.cells[column]) } });
    }
  }
  return { rows, problems };
}

const cellText = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));

export function shapeRows(kind: 'metrics', raw: RawRow[]): Shaped<MetricRow>;
export function shapeRows(kind: 'events', raw: RawRow[]): Shaped<EventRow>;
export function shapeRows(kind: IngestKind, raw: RawRow[]): Shaped<MetricRow | EventRow>;
export function shapeRows(kind: IngestKind, raw: RawRow[]) {
  if (kind === 'metrics') {
    const shaped = shape<MetricRow>(metricSchema, raw);
    for (const r of shaped.rows) r.note ??= null;
    return shaped;
  }
  return shape<EventRow>(eventSchema, raw);
}

/** The row shapes: the OpenAPI document (lib/openapi) lists a JSON row's fields and the CSV columns from them. */
export const ROW_SCHEMAS = { metrics: metricSchema, events: eventSchema } as const;
