import type { ReactNode } from 'react';

/** A column header: its text, or the text and whether it holds numbers (right-aligned). */
export type Column = string | { label: ReactNode; numeric?: boolean };

/** A table's column headers (scope="col"), numeric ones right-aligned. */
export function TableHead({ columns }: { columns: Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) =>
          typeof c === 'string' ? (
            <th key={i} scope="col">
              {c}
            </th>
          ) : (
            <th key={i} scope="col" className={c.numeric ? 'num' : undefined}>
              {c.label}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}

/**
 * The admin and assessment pages' list tables: real table markup with column headers,
 * named by a caption or by the heading it sits under, the rows the page renders, and
 * the empty state in words. Wide tables scroll sideways on a tablet; `framed` ones (the
 * dashboard's) sit in a bordered box; `compact` ones are a chart's data.
 */
export function DataTable({ columns, rowCount, empty, caption, labelledBy, testId, framed, compact, children }: { columns: Column[]; rowCount: number; empty?: string; caption?: string; labelledBy?: string; testId?: string; framed?: boolean; compact?: boolean; children: ReactNode }) {
  if (rowCount === 0 && empty) return <p className="muted">{empty}</p>;
  return (
    // Focusable, so a keyboard can scroll a table wider than the screen (WCAG 2.1.1).
    <div className={framed ? 'table-scroll' : 'table-wrap'} tabIndex={0}>
      <table className={compact ? 'data compact' : 'data'} aria-labelledby={labelledBy} data-testid={testId}>
        {caption ? <caption className="muted">{caption}</caption> : null}
        <TableHead columns={columns} />
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
