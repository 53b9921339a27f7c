// Upload text → raw rows with the row numbers a user sees: for CSV the line a
// spreadsheet shows (header = row 1, blank lines counted), for JSON the 1-based
// index in `rows`. Cells stay unvalidated here; rows.ts checks them.
import { parse, type CsvError } from 'csv-parse/sync';
import { ApiError, badRequest } from '../http/errors';
import type { Locale } from '../i18n';
import { KIND_SPECS, MAX_ROWS, type IngestKind } from './kinds';
import { ingestText } from './messages';
import type { Upload } from './upload';

export interface RawRow {
  row: number;
  cells: Record<string, unknown>;
}

export async function parseUpload(kind: IngestKind, upload: Upload, locale: Locale): Promise<RawRow[]> {
  const t = ingestText(locale);
  if (upload.text.trim() === '') throw badRequest(t.batch('emptyBody'));
  const rows = upload.format === 'csv' ? parseCsv(kind, upload.text, locale) : parseJson(upload.text, locale);
  if (rows.length === 0) throw badRequest(t.batch('emptyBody'));
  return rows;
}

const tooMany = (locale: Locale) => new ApiError(413, 'payload_too_large', ingestText(locale).batch('tooManyRows', { max: MAX_ROWS }));

function trimStrings(cells: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(cells)) out[k] = typeof v === 'string' ? v.trim() : v;
  return out;
}

function parseJson(text: string, locale: Locale): RawRow[] {
  const t = ingestText(locale);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    throw badRequest(t.batch('badJson', { reason: (err as Error).message }));
  }
  const rows = (body as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows) || rows.some((r) => r === null || typeof r !== 'object' || Array.isArray(r))) {
    throw badRequest(t.batch('badJsonShape'));
  }
  if (rows.length > MAX_ROWS) throw tooMany(locale);
  return rows.map((cells, i) => ({ row: i + 1, cells: trimStrings(cells as Record<string, unknown>) }));
}

// The body is already in memory (at most 10 MB), so csv-parse runs in one call:
// iterating its stream record by record costs six times the parse itself. Its
// `info` and `trim` options are as costly, so blank lines are counted here and
// cells are trimmed by rows.ts. Quote-free text takes the faster split below.
function parseCsv(kind: IngestKind, text: string, locale: Locale): RawRow[] {
  let records: string[][];
  try {
    records = splitPlainCsv(text) ?? parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (err) {
    const csvError = err as CsvError & { lines?: number };
    throw badRequest(ingestText(locale).batch('badCsv', { row: csvError.lines ?? 1, reason: csvError.message }));
  }
  const rows: RawRow[] = [];
  let header: string[] | null = null;
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    if (record.length === 1 && record[0].trim() === '') continue; // a blank line: a row, but no data
    if (!header) {
      header = checkHeader(kind, record, locale);
      continue;
    }
    if (rows.length === MAX_ROWS) throw tooMany(locale);
    const cells: Record<string, unknown> = {};
    for (let c = 0; c < header.length; c++) cells[header[c]] = record[c]?.trim();
    rows.push({ row: i + 1, cells });
  }
  return rows;
}

/**
 * Without a quote or a carriage return a CSV record is exactly a line and a field
 * exactly what lies between commas, which is what csv-parse returns for such text;
 * splitting is several times faster. Anything else goes to csv-parse.
 */
function splitPlainCsv(text: string): string[][] | null {
  if (/["\r]/.test(text)) return null;
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => line.split(','));
}

function checkHeader(kind: IngestKind, record: string[], locale: Locale): string[] {
  const t = ingestText(locale);
  const spec = KIND_SPECS[kind];
  const header = record.map((h) => h.trim().toLowerCase());
  const expected = [...spec.required, ...spec.optional.map((c) => `[${c}]`)].join(',');
  const known = new Set([...spec.required, ...spec.optional]);
  const duplicated = header.filter((h, i) => header.indexOf(h) !== i);
  if (duplicated.length) throw badRequest(t.batch('duplicateColumns', { columns: [...new Set(duplicated)].join(', ') }));
  const missing = spec.required.filter((c) => !header.includes(c));
  if (missing.length) throw badRequest(t.batch('missingColumns', { columns: missing.join(', '), expected }));
  const unknown = header.filter((h) => !known.has(h));
  if (unknown.length) throw badRequest(t.batch('unknownColumns', { columns: unknown.join(', '), expected }));
  return header;
}
