// CSV parsing: the quote-free fast paths (server split, uploader line reader) give
// exactly what csv-parse gives, and quoted files still work end to end.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseUpload } from '@/lib/ingest/parse';
import { rawRecords } from '@/lib/ingest/uploader/records';
import { csvChunks } from '@/lib/ingest/uploader/chunks';

const HEADER = 'department,period,indicator,value,note';
const upload = (text: string) => ({ format: 'csv' as const, text, idempotencyKey: null });
const cellsOf = async (text: string) => (await parseUpload('metrics', upload(text))).map((r) => [r.row, r.cells]);

describe('server CSV parsing', () => {
  it('numbers rows as a spreadsheet does, with or without quotes', async () => {
    const plain = `${HEADER}\nGAT,2026-09,accuracy_rate,0.9,x\n\nMZT,2026-09,accuracy_rate, 0.8 ,\n`;
    const quoted = `${HEADER}\nGAT,2026-09,accuracy_rate,0.9,"x"\n\nMZT,2026-09,accuracy_rate, 0.8 ,""\n`;
    expect(await cellsOf(plain)).toEqual([
      [2, { department: 'GAT', period: '2026-09', indicator: 'accuracy_rate', value: '0.9', note: 'x' }],
      [4, { department: 'MZT', period: '2026-09', indicator: 'accuracy_rate', value: '0.8', note: '' }],
    ]);
    expect(await cellsOf(quoted)).toEqual(await cellsOf(plain));
  });

  it('keeps a quoted newline inside one row, and CRLF files work', async () => {
    const text = `${HEADER}\r\nGAT,2026-09,accuracy_rate,0.9,"两行\r\n备注"\r\nMZT,2026-09,accuracy_rate,0.8,\r\n`;
    expect(await cellsOf(text)).toEqual([
      [2, { department: 'GAT', period: '2026-09', indicator: 'accuracy_rate', value: '0.9', note: '两行\r\n备注' }],
      [3, { department: 'MZT', period: '2026-09', indicator: 'accuracy_rate', value: '0.8', note: '' }],
    ]);
  });

  it('splits quote-free text exactly as csv-parse does', async () => {
    const cell = fc.stringMatching(/^[a-z0-9 ]{0,3}$/);
    const line = fc.array(cell, { minLength: 1, maxLength: 6 }).map((cells) => cells.join(','));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 8 }), fc.boolean(), async (lines, trailing) => {
        const text = `${HEADER}\n${lines.join('\n')}${trailing ? '\n' : ''}`;
        const records: string[][] = parse(text, { relax_column_count: true, skip_empty_lines: false });
        const expected = records.slice(1).map((r, i) => [i + 2, r] as const).filter(([, r]) => !(r.length === 1 && r[0].trim() === ''));
        const rows = await parseUpload('metrics', upload(text)).catch(() => []);
        expect(rows.map((r) => r.row)).toEqual(expected.map(([row]) => row));
      }),
      { numRuns: 200 },
    );
  });
});

describe('uploader record reader', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ss-records-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const read = async (text: string) => {
    const file = path.join(dir, `f${Math.random()}.csv`);
    writeFileSync(file, text);
    const out: string[] = [];
    for await (const batch of rawRecords(file)) out.push(...batch);
    return out;
  };

  it('reads plain lines, blank lines and a missing final newline', async () => {
    expect(await read('\ufeffa,b\n1,2\n\n3,4')).toEqual(['a,b\n', '1,2\n', '', '3,4\n']);
  });

  it('switches to csv-parse for quotes: an embedded newline stays in its record', async () => {
    expect(await read('a,b\n1,"x\ny"\n\n3,4\n')).toEqual(['a,b\n', '1,"x\ny"\n', '', '3,4\n']);
  });

  it('maps chunk rows to file rows across blank lines and quoted newlines', async () => {
    const file = path.join(dir, 'rows.csv');
    writeFileSync(file, `${HEADER}\nGAT,2026-09,a,1,"x\ny"\n\nGAT,2026-09,b,1,\nGAT,2026-09,c,1,\n`);
    const chunks = [];
    for await (const c of csvChunks(file, 2)) chunks.push(c);
    expect(chunks.map((c) => c.fileRows)).toEqual([[2, 4], [5]]);
    expect(chunks[1].csv).toBe(`${HEADER}\nGAT,2026-09,c,1,\n`);
  });
});
