// Ingest messages come from the i18n catalogs; validation code produces a key and
// values, and the text is filled in for the caller's locale at the end.
import { fill, messages, type Locale } from '../i18n';
import type { RowError } from '../http/errors';

type IngestMessages = ReturnType<typeof messages>['ingest'];
export type RowMessageKey = keyof IngestMessages['row'];
export type BatchMessageKey = keyof IngestMessages['errors'];

/** A row problem before translation. */
export interface RowProblem {
  row: number;
  column: string;
  key: RowMessageKey;
  values?: Record<string, string | number>;
}

export function ingestText(locale: Locale) {
  const t = messages(locale).ingest;
  const columnName = (column: string) => (t.columns as Record<string, string>)[column] ?? column;
  return {
    batch: (key: BatchMessageKey, values: Record<string, string | number> = {}) => fill(t.errors[key], values),
    row: (p: RowProblem): RowError => ({
      row: p.row,
      column: p.column,
      message: fill(t.row[p.key], { column: columnName(p.column), ...p.values }),
    }),
  };
}
