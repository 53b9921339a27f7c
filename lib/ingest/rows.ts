// The shape of one row, with zod: required cells, code and date formats, numbers.
// Messages are catalog keys (messages.ts), filled in with the offending cell.
// Checks that need the database or the scheme are in check-rows.ts.
import { z } from 'zod';
import type { IngestKind } from './kinds';
import type { RowMessageKey, RowProblem } from './messages';
import type { MetricValueInput, SharingEventInput } from '../../db/queries/ingest';
import type { CatalogInput, ObjectionInput, RequestInput } from '../../db/queries/ledger-ingest';
import { yieldToEventLoop, type RawRow } from './parse';
import { CONTROL_CHARACTER, CONTROL_CHARACTER_EXCEPT_LINE_BREAKS } from '../http/control-characters';
import * as plain from './fast-rows';
import { isCalendarDate, normalInstant } from './instants';

/** A checked row, with its row number in the file (the header is row 1). */
export interface MetricRow extends MetricValueInput {
  row: number;
}

export interface EventRow extends SharingEventInput {
  row: number;
}

/** A checked catalog version (docs/ingest.md "Ledgers"). */
export interface CatalogRow extends CatalogInput {
  row: number;
}

/** A checked request; its due days are filled in by ledger-checks.ts. */
export interface RequestRow extends RequestInput {
  row: number;
}

export interface ObjectionRow extends ObjectionInput {
  row: number;
}

// Cells arrive trimmed (parse.ts): a preprocess step per text cell would double the cost.
const key = (k: RowMessageKey) => ({ error: k });
/** An empty cell is absent; a numeric string becomes a number (NaN when it is not one). */
const toNumber = (v: unknown) => (typeof v !== 'string' ? v : v === '' ? undefined : Number(v));

const text = z.string({ error: (i) => (i.input === undefined || i.input === null ? 'required' : 'notText') }).min(1, key('required'));
const DEPARTMENT_CODE = /^[A-Za-z0-9_-]{1,32}$/;
const departmentCode = text.regex(DEPARTMENT_CODE, key('departmentFormat'));
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

// The ledgers (docs/ingest.md "Ledgers"). Empty cells are absent; absent optional cells become null in shapeRows.
export const LEDGER_ENUMS = {
  share_type: ['unconditional', 'conditional', 'none'],
  update_cycle: ['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly'],
  status: ['active', 'withdrawn'],
  decision: ['pending', 'approved', 'conditional', 'refused'],
  kind: ['accuracy', 'completeness', 'timeliness', 'other'],
  outcome: ['pending', 'corrected', 'rejected'],
} as const;
const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const itemId = text.max(200, key('idFormat'));
const freeText = (max: number) => text.max(max, key('textTooLong'));
const optionalText = (max: number) => z.preprocess(emptyToUndefined, z.string(key('notText')).max(max, key('textTooLong')).optional());
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: (i) => (i.input === undefined || i.input === '' ? 'required' : 'enumValue') });
const day = text.regex(/^\d{4}-\d{2}-\d{2}$/, key('dateFormat')).refine(isCalendarDate, key('dateFormat'));
// ISO 8601 with an offset (or Z); stored as the instant it names (instants.ts: one pass per cell).
const instant = text.transform((v, ctx) => {
  const normal = normalInstant(v);
  if (normal === null) {
    ctx.addIssue({ code: 'custom', message: 'timestampFormat' });
    return z.NEVER;
  }
  return normal;
});
const optionalInstant = z.preprocess(emptyToUndefined, instant.optional());

const catalogSchema = z.object({
  resource: itemId,
  provider: departmentCode,
  name: freeText(200),
  share_type: oneOf(LEDGER_ENUMS.share_type),
  legal_basis: optionalText(500),
  update_cycle: oneOf(LEDGER_ENUMS.update_cycle),
  published_on: day,
  updated_on: day,
  status: oneOf(LEDGER_ENUMS.status),
});

const requestSchema = z.object({
  request: itemId,
  consumer: departmentCode,
  provider: departmentCode,
  resource: z.preprocess(emptyToUndefined, z.string(key('notText')).max(200, key('idFormat')).optional()),
  purpose: freeText(500),
  submitted_at: instant,
  replied_at: optionalInstant,
  decision: oneOf(LEDGER_ENUMS.decision),
  reason: optionalText(500),
  delivered_at: optionalInstant,
  rating: z.preprocess(toNumber, number.int(key('ratingRange')).min(1, key('ratingRange')).max(5, key('ratingRange')).optional()),
});

const objectionSchema = z.object({
  objection: itemId,
  consumer: departmentCode,
  provider: departmentCode,
  resource: itemId,
  kind: oneOf(LEDGER_ENUMS.kind),
  submitted_at: instant,
  resolved_at: optionalInstant,
  outcome: oneOf(LEDGER_ENUMS.outcome),
  note: optionalText(500),
});

// The same two ledgers' rows read without zod when every cell is plainly valid (fast-rows.ts):
// 25,000-row batches spent most of their validation in zod's per-cell machinery.
const code = plain.matching(DEPARTMENT_CODE);
/** Exported for fast-rows.test.ts, which compares them with ROW_SCHEMAS. */
export const PLAIN_ROWS: Partial<Record<IngestKind, ReturnType<typeof plain.rowReader>>> = {
  requests: plain.rowReader({
    request: plain.text(200),
    consumer: code,
    provider: code,
    resource: plain.optionalText(200),
    purpose: plain.text(500),
    submitted_at: plain.instant,
    replied_at: plain.optionalInstant,
    decision: plain.oneOf(LEDGER_ENUMS.decision),
    reason: plain.optionalText(500),
    delivered_at: plain.optionalInstant,
    rating: plain.optionalInteger(1, 5),
  }),
  objections: plain.rowReader({
    objection: plain.text(200),
    consumer: code,
    provider: code,
    resource: plain.text(200),
    kind: plain.oneOf(LEDGER_ENUMS.kind),
    submitted_at: plain.instant,
    resolved_at: plain.optionalInstant,
    outcome: plain.oneOf(LEDGER_ENUMS.outcome),
    note: plain.optionalText(500),
  }),
};

const OPTIONAL_CELLS = {
  catalog: ['legal_basis'],
  requests: ['resource', 'replied_at', 'reason', 'delivered_at', 'rating'],
  objections: ['resolved_at', 'note'],
} as const;

type Shaped<T> = { rows: T[]; problems: RowProblem[]; unlistedRows: number };

/** Rows with the wrong number of columns listed at most: the batch message still counts them all. */
export const LISTED_RAGGED_ROWS = 100;
const YIELD_EVERY = 2048;

// C0 controls (NUL …), DEL and C1 controls: PostgreSQL refuses NUL in text and none
// of them belongs in a code, a date or a number. A note is free text: it may hold
// tabs and line breaks (a quoted CSV cell can span lines), nothing else.

function controlProblems(r: RawRow, columns: readonly string[]): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const column of columns) {
    const v = r.cells[column];
    if (typeof v === 'string' && (column === 'note' ? CONTROL_CHARACTER_EXCEPT_LINE_BREAKS : CONTROL_CHARACTER).test(v)) {
      problems.push({ row: r.row, column, key: 'controlCharacter', values: { code: controlCode(v, column) } });
    }
  }
  return problems;
}

const controlCode = (v: string, column: string) => {
  const at = v.search(column === 'note' ? CONTROL_CHARACTER_EXCEPT_LINE_BREAKS : CONTROL_CHARACTER);
  return `U+${v.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0')}`;
};

async function shape<T>(schema: z.ZodObject, raw: RawRow[], plainRow?: ReturnType<typeof plain.rowReader>): Promise<Shaped<T>> {
  const columns = Object.keys(schema.shape);
  const rows: T[] = [];
  const problems: RowProblem[] = [];
  let ragged = 0;
  for (let i = 0; i < raw.length; i++) {
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
    const r = raw[i];
    if (r.columns) {
      if (ragged++ < LISTED_RAGGED_ROWS) problems.push({ row: r.row, column: '', key: 'columnCount', values: r.columns });
      continue;
    }
    const controls = controlProblems(r, columns);
    if (controls.length) {
      problems.push(...controls);
      continue;
    }
    const read = plainRow?.(r.row, r.cells);
    if (read) {
      rows.push(read as T);
      continue;
    }
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
      const values: Record<string, string> = { value: cellText(r.cells[column]) };
      if (issue.message === 'enumValue') values.allowed = (LEDGER_ENUMS as Record<string, readonly string[]>)[column]?.join(' | ') ?? '';
      problems.push({ row: r.row, column, key: issue.message as RowMessageKey, values });
    }
  }
  return { rows, problems, unlistedRows: Math.max(0, ragged - LISTED_RAGGED_ROWS) };
}

const cellText = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));

export function shapeRows(kind: 'metrics', raw: RawRow[]): Promise<Shaped<MetricRow>>;
export function shapeRows(kind: 'events', raw: RawRow[]): Promise<Shaped<EventRow>>;
export function shapeRows(kind: 'catalog', raw: RawRow[]): Promise<Shaped<CatalogRow>>;
export function shapeRows(kind: 'requests', raw: RawRow[]): Promise<Shaped<RequestRow>>;
export function shapeRows(kind: 'objections', raw: RawRow[]): Promise<Shaped<ObjectionRow>>;
export function shapeRows(kind: IngestKind, raw: RawRow[]): Promise<Shaped<AnyRow>>;
export async function shapeRows(kind: IngestKind, raw: RawRow[]) {
  if (kind === 'metrics') {
    const shaped = await shape<MetricRow>(metricSchema, raw);
    for (const r of shaped.rows) r.note ??= null;
    return shaped;
  }
  if (kind === 'events') return shape<EventRow>(eventSchema, raw);
  const shaped = await shape<Record<string, unknown>>(ROW_SCHEMAS[kind], raw, PLAIN_ROWS[kind]);
  const optional = OPTIONAL_CELLS[kind];
  for (const r of shaped.rows) for (const column of optional) r[column] ??= null;
  return shaped as unknown as Shaped<AnyRow>;
}

export type AnyRow = MetricRow | EventRow | CatalogRow | RequestRow | ObjectionRow;

/** The row shapes: the OpenAPI document (lib/openapi) lists a JSON row's fields and the CSV columns from them. */
export const ROW_SCHEMAS = { metrics: metricSchema, events: eventSchema, catalog: catalogSchema, requests: requestSchema, objections: objectionSchema } as const;
