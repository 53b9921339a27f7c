// A plainly valid row of the big ledgers (requests, objections: up to 50,000 rows a batch)
// read in a few comparisons per cell, without zod's per-cell machinery. Anything else —
// any cell out of the ordinary, valid or not — makes the reader give up, and the row goes
// to the zod schema (rows.ts), which remains the rule and writes every message.
// fast-rows.test.ts checks that whatever is read here, zod reads the same.
import { normalInstant } from './instants';

/** A cell reader: the shaped value, or GIVE_UP. */
export type Cell = (v: unknown) => unknown;
export const GIVE_UP = Symbol('give up');

const isEmpty = (v: unknown) => v === undefined || v === null || v === '';

/** Required text of 1…max characters. */
export const text = (max: number): Cell => (v) => (typeof v === 'string' && v.length >= 1 && v.length <= max ? v : GIVE_UP);
/** Optional text of at most max characters: empty → null. */
export const optionalText = (max: number): Cell => (v) => (isEmpty(v) ? null : typeof v === 'string' && v.length <= max ? v : GIVE_UP);
export const matching = (pattern: RegExp): Cell => (v) => (typeof v === 'string' && pattern.test(v) ? v : GIVE_UP);
export const oneOf = (values: readonly string[]): Cell => {
  const allowed = new Set<unknown>(values);
  return (v) => (allowed.has(v) ? v : GIVE_UP);
};
export const instant: Cell = (v) => (typeof v === 'string' && v !== '' ? (normalInstant(v) ?? GIVE_UP) : GIVE_UP);
export const optionalInstant: Cell = (v) => (isEmpty(v) ? null : instant(v));
/** An optional whole number in [min, max], a number or its text: empty text or absent → null (but not null itself, as in rows.ts). */
export const optionalInteger = (min: number, max: number): Cell => (v) => {
  const n = typeof v === 'string' ? (v === '' ? undefined : Number(v)) : v;
  if (n === undefined) return null;
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max ? n : GIVE_UP;
};

/** A row reader from its cells' readers: the row (every column, absent optional cells null, numbered `row`), or null to ask zod. */
export function rowReader(columns: Record<string, Cell>): (row: number, cells: Record<string, unknown>) => Record<string, unknown> | null {
  const entries = Object.entries(columns);
  return (row, cells) => {
    const out: Record<string, unknown> = { row };
    for (const [column, read] of entries) {
      const value = read(cells[column]);
      if (value === GIVE_UP) return null;
      out[column] = value;
    }
    return out;
  };
}
