// Splits a CSV file into upload chunks while streaming it (never loading it whole):
// at most `chunkRows` rows and CHUNK_BYTE_BUDGET bytes each, every chunk with the
// header, and the file row number (as a spreadsheet shows it) of each chunk row so
// the server's per-chunk row numbers can be mapped back to the file.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { CHUNK_BYTE_BUDGET } from '../kinds';
import { rawRecords } from './records';

export interface Chunk {
  /** 0-based position in the file; part of the Idempotency-Key. */
  index: number;
  /** Header + rows, as they appear in the file. */
  csv: string;
  rows: number;
  /** fileRows[i] is the file row of the chunk's row i + 2 (the server numbers the chunk header 1). */
  fileRows: number[];
}

/** The file's sha256 (hex) and its line count, an estimate of the rows for the progress bar. */
export async function hashFile(file: string): Promise<{ sha256: string; lines: number }> {
  const hash = createHash('sha256');
  let lines = 0;
  for await (const part of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(part);
    for (let i = part.indexOf(10); i !== -1; i = part.indexOf(10, i + 1)) lines++;
  }
  return { sha256: hash.digest('hex'), lines };
}

export async function* csvChunks(file: string, chunkRows: number, byteBudget = CHUNK_BYTE_BUDGET): AsyncGenerator<Chunk> {
  let header: string | null = null;
  let fileRow = 0;
  let index = 0;
  let parts: string[] = [];
  let fileRows: number[] = [];
  let bytes = 0;
  const flush = (): Chunk => {
    const chunk = { index: index++, csv: header! + parts.join(''), rows: parts.length, fileRows };
    parts = [];
    fileRows = [];
    bytes = Buffer.byteLength(header!);
    return chunk;
  };
  for await (const batch of rawRecords(file)) {
    for (const line of batch) {
      fileRow++;
      if (line === '') continue; // blank line
      if (header === null) {
        header = line;
        bytes = Buffer.byteLength(header);
        continue;
      }
      const size = Buffer.byteLength(line);
      if (parts.length && (parts.length >= chunkRows || bytes + size > byteBudget)) yield flush();
      parts.push(line);
      fileRows.push(fileRow);
      bytes += size;
    }
  }
  if (parts.length) yield flush();
}
