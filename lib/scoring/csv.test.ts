import { describe, expect, it } from 'vitest';
import { neutralizeFormula, toCsv } from './csv';

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and ends every record with CRLF', () => {
    expect(toCsv([['排名', '部门'], [1, '省公安厅']])).toBe('\uFEFF排名,部门\r\n1,省公安厅\r\n');
  });
  it('quotes fields with commas, quotes or line breaks (RFC 4180)', () => {
    expect(toCsv([['a,b', 'say "hi"', 'two\nlines', 'plain']])).toBe('\uFEFF"a,b","say ""hi""","two\nlines",plain\r\n');
  });
  it('writes null and undefined as empty fields', () => {
    expect(toCsv([[null, undefined, 0]])).toBe('\uFEFF,,0\r\n');
  });
  it('prefixes cells that would start a formula with an apostrophe', () => {
    expect(toCsv([['=SUM(A1)', '+1', '-2', '@cmd', '\tx', '\rx', 'a=b']])).toBe("\uFEFF'=SUM(A1),'+1,'-2,'@cmd,'\tx,\"'\rx\",a=b\r\n");
    expect(toCsv([[-5]])).toBe("\uFEFF'-5\r\n");
  });
  it('neutralizeFormula leaves ordinary text alone', () => {
    expect([neutralizeFormula('省公安厅'), neutralizeFormula('1–3'), neutralizeFormula('')]).toEqual(['省公安厅', '1–3', '']);
  });
});
