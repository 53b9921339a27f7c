// The plain row readers (fast-rows.ts) read a row only as zod would: for every row one of
// them reads, the zod schema accepts it and gives the same values. Rows vary one cell at a
// time over valid, borderline and invalid values, and then many cells at once.
import { describe, expect, it } from 'vitest';
import { PLAIN_ROWS, ROW_SCHEMAS } from './rows';

const long = (n: number) => 'x'.repeat(n);
const INSTANTS = [
  '2026-10-09T09:30:00+08:00', '2026-10-09T01:30:00.000Z', '2026-10-09 09:30:00+08:00', '2026-10-09T09:30+08:00', '2026-10-09T24:00:00Z',
  '2026-02-30T09:30:00+08:00', '2026-10-09T09:30:00+05:30', '2026-10-09T09:30:00.123456Z', '2026-10-09T09:30:00', 'yesterday', '', null, undefined, 1760000000000,
];
const ID = ['REQ-1', '中文编号', '', ' ', long(200), long(201), 5, null, undefined];
const CODE = ['MZT', 'D0001', 'a_b-C', long(32), long(33), '', 'M Z', 'MZT!', '公安', 7, null, undefined];
const OPTIONAL_TEXT = (max: number) => ['', 'GAT-POP', '理由', long(max), long(max + 1), null, undefined, 3];
const FREE_TEXT = (max: number) => ['核验', long(max), long(max + 1), '', null, undefined, 12];
const RATING = ['', '1', '5', '0', '6', '3.0', '3.5', 'abc', '0x3', '1e0', 'Infinity', '-1', 4, 4.5, 0, null, undefined, true];
const ENUM = (values: string[]) => [...values, ...values.map((v) => v[0].toUpperCase() + v.slice(1)), ` ${values[0]}`, 'x', '', null, undefined, 1];

const KINDS = {
  requests: {
    base: { request: 'REQ-1', consumer: 'MZT', provider: 'GAT', resource: 'GAT-POP', purpose: '核验', submitted_at: '2026-10-09T09:30:00+08:00', replied_at: '2026-10-10T01:30:00.000Z', decision: 'approved', reason: '', delivered_at: '', rating: '' },
    variants: {
      request: ID, consumer: CODE, provider: CODE, resource: OPTIONAL_TEXT(200), purpose: FREE_TEXT(500), submitted_at: INSTANTS, replied_at: INSTANTS,
      decision: ENUM(['pending', 'approved', 'conditional', 'refused']), reason: OPTIONAL_TEXT(500), delivered_at: INSTANTS, rating: RATING,
    },
    optional: ['resource', 'replied_at', 'reason', 'delivered_at', 'rating'],
  },
  objections: {
    base: { objection: 'OBJ-1', consumer: 'MZT', provider: 'GAT', resource: 'GAT-POP', kind: 'accuracy', submitted_at: '2026-10-09T09:30:00+08:00', resolved_at: '', outcome: 'pending', note: '' },
    variants: {
      objection: ID, consumer: CODE, provider: CODE, resource: ID, kind: ENUM(['accuracy', 'completeness', 'timeliness', 'other']), submitted_at: INSTANTS,
      resolved_at: INSTANTS, outcome: ENUM(['pending', 'corrected', 'rejected']), note: OPTIONAL_TEXT(500),
    },
    optional: ['resolved_at', 'note'],
  },
} as const;

function compare(kind: keyof typeof KINDS, cells: Record<string, unknown>): boolean {
  const read = PLAIN_ROWS[kind]!(7, cells);
  if (read === null) return false;
  const parsed = ROW_SCHEMAS[kind].safeParse(cells);
  expect(parsed.success, JSON.stringify(cells)).toBe(true);
  const data: Record<string, unknown> = { row: 7, ...(parsed.data as object) };
  for (const column of KINDS[kind].optional) data[column] ??= null;
  expect(read, JSON.stringify(cells)).toEqual(data);
  return true;
}

const withCell = (cells: Record<string, unknown>, column: string, value: unknown) => {
  const out = { ...cells, [column]: value };
  if (value === undefined) delete out[column];
  return out;
};

describe.each(Object.keys(KINDS) as Array<keyof typeof KINDS>)('the plain %s reader', (kind) => {
  const { base, variants } = KINDS[kind];

  it('reads a plainly valid row', () => {
    expect(compare(kind, base)).toBe(true);
  });

  it('reads one odd cell as zod does, or leaves the row to zod', () => {
    let read = 0;
    for (const [column, values] of Object.entries(variants)) for (const value of values) if (compare(kind, withCell(base, column, value))) read++;
    expect(read).toBeGreaterThan(20); // valid variants are read plainly, not all left to zod
  });

  it('reads rows with many odd cells as zod does', () => {
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 20_000; i++) {
      let cells: Record<string, unknown> = base;
      for (const [column, values] of Object.entries(variants)) if (next() < 0.3) cells = withCell(cells, column, values[Math.floor(next() * values.length)]);
      compare(kind, cells);
    }
  });
});
