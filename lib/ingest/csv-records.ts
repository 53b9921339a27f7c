// RFC 4180 records from an upload's text, one at a time, in time linear in the text
// and without building the whole table first: the caller stops at the row limit.
// csv-parse builds an error object for every record whose column count differs
// from the first (~50 µs each), which let a body of blank or ragged lines hold the
// event loop for seconds; here a ragged record costs what any record costs and
// blank lines cost one indexOf.
//
// Records end at LF or CRLF; a quote opens a field only at its start and `""`
// inside a quoted field is a quote. Cells are returned untrimmed.

export type CsvProblem = 'unclosedQuote' | 'strayQuote';

export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    readonly problem: CsvProblem,
  ) {
    super(problem);
  }
}

export interface CsvRecord {
  /** 1-based index among all records, blank lines included: the row a spreadsheet shows. */
  row: number;
  /** The first MAX_FIELDS fields. */
  fields: string[];
  /** How many fields the record has (may exceed fields.length). */
  count: number;
}

/** More fields than any kind's header has are kept only as a count. */
export const MAX_FIELDS = 16;

const COMMA = 44;
const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Blank lines in a row before a heartbeat (a record with `count` 0) lets the caller give others a turn. */
export const BLANK_HEARTBEAT = 16_384;

/**
 * Non-blank records; a line of nothing but spaces is blank (it counts as a row, but
 * yields nothing). A long run of blank lines yields a heartbeat, `count` 0, every
 * BLANK_HEARTBEAT lines.
 */
export function* csvRecords(text: string): Generator<CsvRecord> {
  const n = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let row = 0;
  let blank = 0;
  let quoteAt = -2; // the next quote at or after pos (-1: none left); found lazily so the scan stays linear
  while (pos < n) {
    row++;
    const first = text.charCodeAt(pos);
    if (first === LF || (first === CR && text.charCodeAt(pos + 1) === LF)) {
      pos += first === LF ? 1 : 2;
      if (++blank % BLANK_HEARTBEAT === 0) yield { row, fields: [], count: 0 };
      continue;
    }
    let end = text.indexOf('\n', pos);
    if (end === -1) end = n;
    if (quoteAt !== -1 && quoteAt < pos) quoteAt = text.indexOf('"', pos);
    if (quoteAt === -1 || quoteAt >= end) {
      const line = text.slice(pos, end > pos && text.charCodeAt(end - 1) === CR ? end - 1 : end);
      pos = end + 1;
      const record = plainRecord(row, line);
      if (!isBlank(record)) yield record;
      continue;
    }
    const { record, next } = quotedRecord(text, pos, row);
    pos = next;
    if (!isBlank(record)) yield record;
  }
}

const isBlank = (r: CsvRecord) => r.count === 1 && r.fields[0].trim() === '';

function plainRecord(row: number, line: string): CsvRecord {
  const fields = line.split(',', MAX_FIELDS + 1);
  if (fields.length <= MAX_FIELDS) return { row, fields, count: fields.length };
  let count = 1;
  for (let i = line.indexOf(','); i !== -1; i = line.indexOf(',', i + 1)) count++;
  return { row, fields: fields.slice(0, MAX_FIELDS), count };
}

/** A record with a quote somewhere: read character by character, possibly across lines. */
function quotedRecord(text: string, start: number, row: number): { record: CsvRecord; next: number } {
  const n = text.length;
  const fields: string[] = [];
  let count = 0;
  let i = start;
  for (;;) {
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) throw new CsvSyntaxError(row, 'unclosedQuote');
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value += text.slice(from, q);
        i = q + 1;
        break;
      }
      if (text.charCodeAt(i) === CR && (i + 1 === n || text.charCodeAt(i + 1) === LF)) i++;
      if (i < n && text.charCodeAt(i) !== COMMA && text.charCodeAt(i) !== LF) throw new CsvSyntaxError(row, 'strayQuote');
    } else {
      let j = i;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c === COMMA || c === LF) break;
        if (c === QUOTE) throw new CsvSyntaxError(row, 'strayQuote');
      }
      value = text.slice(i, j > i && text.charCodeAt(j - 1) === CR && text.charCodeAt(j) === LF ? j - 1 : j);
      i = j;
    }
    if (count++ < MAX_FIELDS) fields.push(value);
    if (i >= n) return { record: { row, fields, count }, next: n };
    if (text.charCodeAt(i) === LF) return { record: { row, fields, count }, next: i + 1 };
    i++; // past the comma; a comma at the very end still opens one more, empty field
  }
}
