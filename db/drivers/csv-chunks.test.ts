import { describe, expect, it } from 'vitest';
import { csvChunks } from './pg';

describe('csvChunks (COPY text in pieces)', () => {
  it('cuts only after line breaks, so astral characters stay whole, and joins back to the text', () => {
    const lines = Array.from({ length: 500 }, (_, i) => `P,𠀀${'数'.repeat(i % 37)}𪚥,"a\nb",${i}\n`);
    const csv = lines.join('');
    const chunks = [...csvChunks(csv, 256)];
    expect(chunks.join('')).toBe(csv);
    expect(chunks.length).toBeGreaterThan(50);
    for (const chunk of chunks) {
      expect(chunk.endsWith('\n')).toBe(true);
      expect(Buffer.from(chunk, 'utf8').toString('utf8')).toBe(chunk); // no lone surrogate at either end
      expect(chunk.length).toBeLessThan(256 + 60); // at most one line past the size
    }
  });

  it('keeps a text without a final line break, and yields nothing for an empty one', () => {
    expect([...csvChunks('a,1\nb,2', 3)]).toEqual(['a,1\n', 'b,2']);
    expect([...csvChunks('', 3)]).toEqual([]);
    expect([...csvChunks('a,1\n')]).toEqual(['a,1\n']);
  });
});
