// The record reader gives what csv-parse gives for well-formed CSV, reads records
// lazily (the caller can stop at any row), and never expands a blank or ragged line
// into more than one small record.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLANK_HEARTBEAT, CsvSyntaxError, csvRecords, MAX_FIELDS } from './csv-records';

const all = (text: string) => [...csvRecords(text)].filter((r) => r.count > 0).map((r) => [r.row, r.fields, r.count]);

describe('csvRecords', () => {
  it('agrees with csv-parse on quoted, ragged, CRLF and blank-line CSV', () => {
    const cell = fc.oneof(
      fc.stringMatching(/^[a-z0-9 ]{0,3}$/),
      fc.stringMatching(/^[a-z,"\n\r ]{0,4}$/).map((s) => `"${s.replaceAll('"', '""')}"`),
    );
    const line = fc.array(cell, { minLength: 1, maxLength: 6 }).map((cells) => cells.join(','));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), (lines, eol, trailing) => {
        const text = lines.join(eol) + (trailing ? eol : '');
        const expected: string[][] = parse(text, { relax_column_count: true, skip_empty_lines: false, record_delimiter: ['\r\n', '\n'] });
        const wanted = expected.map((fields, i) => [i + 1, fields, fields.length] as const).filter(([, f]) => !(f.length === 1 && f[0].trim() === ''));
        expect(all(text)).toEqual(wanted);
      }),
      { numRuns: 500 },
    );
  });

  it('numbers records as a spreadsheet does: blank lines count, a quoted line break does not', () => {
    expect(all('\ufeffa,b\n\n  \n"x\ny",2\n3,4')).toEqual([
      [1, ['a', 'b'], 2],
      [4, ['x\ny', '2'], 2],
      [5, ['3', '4'], 2],
    ]);
  });

  it('refuses an unclosed quote and a quote inside a bare field, naming the row', () => {
    expect(() => all('a,b\n1,"2\n3,4\n')).toThrow(expect.objectContaining({ row: 2, problem: 'unclosedQuote' }));
    expect(() => all('a,b\n1,2"x"\n')).toThrow(CsvSyntaxError);
    expect(() => all('a,b\n1,"x"y\n')).toThrow(expect.objectContaining({ row: 2, problem: 'strayQuote' }));
  });

  it('keeps at most MAX_FIELDS fields of a record but counts them all', () => {
    const wide = Array.from({ length: 1000 }, (_, i) => i).join(',');
    for (const text of [wide, `"q",${wide}`]) {
      const [record] = csvRecords(text);
      expect(record.fields).toHaveLength(MAX_FIELDS);
      expect(record.count).toBe(text === wide ? 1000 : 1001);
    }
  });

  it('is lazy: the first record comes before the rest of a large body is read', () => {
    // An unclosed quote at the very end: reading everything first would throw.
    const text = `a,b\n${'1,2\n'.repeat(100_000)}"never closed`;
    const records = csvRecords(text);
    expect(records.next().value).toMatchObject({ row: 1, fields: ['a', 'b'] });
    expect(records.next().value).toMatchObject({ row: 2 });
  });

  it('skips a million blank lines without a record for each: a heartbeat every BLANK_HEARTBEAT lines', () => {
    let records = 0;
    let heartbeats = 0;
    let last = 0;
    for (const record of csvRecords(`a,b\n${'\n'.repeat(1_000_000)}\r\n1,2\n`)) {
      if (record.count === 0) heartbeats++;
      else records++;
      last = record.row;
    }
    expect(records).toBe(2);
    expect(heartbeats).toBe(Math.floor(1_000_001 / BLANK_HEARTBEAT));
    expect(last).toBe(1_000_003);
  });

  it('keeps a carriage return that does not end a line: it belongs to the cell', () => {
    expect(all('a,b\n\r1,2\n')).toEqual([
      [1, ['a', 'b'], 2],
      [2, ['\r1', '2'], 2],
    ]);
  });
});
