// Row messages come from the i18n catalogs; validation code produces a key and values,
// and the text is filled in for the caller's locale at the end (a rejected batch's answer
// is stored as it was sent). Batch-level errors are ApiErrors with keys (lib/http/errors.ts).
import { fill, messages, type Locale } from '../i18n';
import type { RowError } from '../http/errors';

type IngestMessages = ReturnType<typeof messages>['ingest'];
export type RowMessageKey = keyof IngestMessages['row'];

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
    row: (p: RowProblem): RowError => ({
      row: p.row,
      column: p.column,
      message: fill(t.row[p.key], { column: columnName(p.column), ...p.values }),
    }),
  };
}
