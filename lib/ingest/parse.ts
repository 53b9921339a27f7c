// Upload text → raw rows with the row numbers a user sees: for CSV the line a
// spreadsheet shows (header = row 1, blank lines counted), for JSON the 1-based
// index in `rows`. Cells stay unvalidated here; rows.ts checks them.
import { ApiError, badRequest } from '../http/errors';
import { CsvSyntaxError, csvRecords } from './csv-records';
import { KIND_SPECS, MAX_ROWS, type IngestKind } from './kinds';
import type { Upload } from './upload';

export interface RawRow {
  row: number;
  cells: Record<string, unknown>;
  /** Set (and cells left empty) when a CSV record's column count differs from the header's. */
  columns?: { expected: number; actual: number };
}

export async function parseUpload(kind: IngestKind, upload: Upload): Promise<RawRow[]> {
  if (upload.text.trim() === '') throw badRequest('ingest.errors.emptyBody');
  const rows = upload.format === 'csv' ? await parseCsv(kind, upload.text) : parseJson(upload.text);
  if (rows.length === 0) throw badRequest('ingest.errors.emptyBody');
  return rows;
}

const tooMany = () => new ApiError(413, 'payload_too_large', { key: 'ingest.errors.tooManyRows', values: { max: MAX_ROWS } });

function trimStrings(cells: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(cells)) out[k] = typeof v === 'string' ? v.trim() : v;
  return out;
}

function parseJson(text: string): RawRow[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    throw badRequest('ingest.errors.badJson', { reason: (err as Error).message });
  }
  const rows = (body as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows) || rows.some((r) => r === null || typeof r !== 'object' || Array.isArray(r))) {
    throw badRequest('ingest.errors.badJsonShape');
  }
  if (rows.length > MAX_ROWS) throw tooMany();
  return rows.map((cells, i) => ({ row: i + 1, cells: trimStrings(cells as Record<string, unknown>) }));
}

// Records are read one at a time (csv-records.ts) and counted as they come: the
// 50,001st data row ends the parse with 413 however long the body is, and the event
// loop gets a turn every YIELD_EVERY rows (blank ones too) so other requests are
// answered meanwhile.
// A record whose column count differs from the header's keeps no cells: it is one
// row error (rows.ts), not a slow path.
const YIELD_EVERY = 2048;
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

async function parseCsv(kind: IngestKind, text: string): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  let header: string[] | null = null;
  let nextTurn = YIELD_EVERY;
  try {
    for (const record of csvRecords(text)) {
      if (record.row >= nextTurn) {
        nextTurn = record.row + YIELD_EVERY;
        await yieldToEventLoop();
      }
      if (record.count === 0) continue; // a heartbeat in a run of blank lines
      if (!header) {
        header = checkHeader(kind, record.fields);
        continue;
      }
      if (rows.length === MAX_ROWS) throw tooMany();
      if (record.count !== header.length) {
        rows.push({ row: record.row, cells: {}, columns: { expected: header.length, actual: record.count } });
        continue;
      }
      const cells: Record<string, unknown> = {};
      for (let c = 0; c < header.length; c++) cells[header[c]] = record.fields[c].trim();
      rows.push({ row: record.row, cells });
    }
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    throw badRequest('ingest.errors.badCsv', { row: err.row, reason: { key: `ingest.errors.${err.problem}` } });
  }
  return rows;
}

function checkHeader(kind: IngestKind, record: string[]): string[] {
  const spec = KIND_SPECS[kind];
  const header = record.map((h) => h.trim().toLowerCase());
  const expected = [...spec.required, ...spec.optional.map((c) => `[${c}]`)].join(',');
  const known = new Set([...spec.required, ...spec.optional]);
  const duplicated = header.filter((h, i) => header.indexOf(h) !== i);
  if (duplicated.length) throw badRequest('ingest.errors.duplicateColumns', { columns: [...new Set(duplicated)].join(', ') });
  const missing = spec.required.filter((c) => !header.includes(c));
  if (missing.length) throw badRequest('ingest.errors.missingColumns', { columns: missing.join(', '), expected });
  const unknown = header.filter((h) => !known.has(h));
  if (unknown.length) throw badRequest('ingest.errors.unknownColumns', { columns: unknown.join(', '), expected });
  return header;
}
