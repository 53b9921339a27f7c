// COPY's stand-in where COPY is unavailable (Neon's WebSocket driver) or unsafe
// (COPY FROM STDIN over pglite-socket loses protocol sync: electric-sql/pglite#1028):
// parse the CSV exactly as COPY … (FORMAT csv) would and insert it in multi-row
// INSERTs, each under PostgreSQL's 65,535-parameter limit.
import { parse } from 'csv-parse/sync';

const MAX_PARAMS = 60_000;

/** CSV text → rows, with COPY's NULL rule: an unquoted empty field is NULL, "" is ''. */
export function parseCopyCsv(csv: string): Array<Array<string | null>> {
  return parse(csv, {
    cast: (value, context) => (value === '' && !context.quoting ? null : value),
    relax_column_count: false,
  }) as Array<Array<string | null>>;
}

export async function insertCsv(
  query: (text: string, params: unknown[]) => Promise<unknown>,
  table: string,
  columns: string[],
  csv: string,
): Promise<void> {
  const rows = parseCopyCsv(csv);
  const perChunk = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let i = 0; i < rows.length; i += perChunk) {
    const chunk = rows.slice(i, i + perChunk);
    const values = chunk.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
    await query(`insert into ${table} (${columns.join(', ')}) values ${values.join(', ')}`, chunk.flat());
  }
}
