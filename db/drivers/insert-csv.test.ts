import { describe, expect, it } from 'vitest';
import { insertCsv, parseCopyCsv } from './insert-csv';

describe('insertCsv (COPY stand-in)', () => {
  it('follows COPY csv rules: unquoted empty is NULL, quoted empty is empty, quotes and newlines survive', () => {
    expect(parseCopyCsv('a,,""\n"x,""y""","line\nbreak",3\n')).toEqual([
      ['a', null, ''],
      ['x,"y"', 'line\nbreak', '3'],
    ]);
  });
  it('inserts in chunks under the parameter limit', async () => {
    const calls: Array<{ text: string; params: unknown[] }> = [];
    const csv = Array.from({ length: 45_000 }, (_, i) => `D${i},${i}`).join('\n') + '\n';
    await insertCsv(async (text, params) => void calls.push({ text, params }), 't', ['a', 'b'], csv);
    expect(calls).toHaveLength(2); // 30,000 rows × 2 columns = 60,000 parameters per statement
    expect(calls[0].params).toHaveLength(60_000);
    expect(calls[1].params.slice(-2)).toEqual(['D44999', '44999']);
    expect(calls[0].text.startsWith('insert into t (a, b) values ($1, $2), ($3, $4)')).toBe(true);
  });
});
