// Uploads a CSV file of any size in chunks, a few at a time. Each chunk's
// Idempotency-Key is the file's sha256 plus the chunk number, so running the
// same file again after a crash or a failed chunk resumes: chunks that arrived
// are replayed by the server, not stored twice.
import type { IngestKind } from '../kinds';
import { csvChunks, hashFile, type Chunk } from './chunks';
import { sendChunk, type SendOptions } from './send';

export interface UploadOptions extends Omit<SendOptions, 'kind'> {
  file: string;
  kind: IngestKind;
  chunkRows: number;
  concurrency: number;
  byteBudget?: number;
  onProgress?: (rowsDone: number, rowsEstimated: number) => void;
}

export interface RejectedChunk {
  chunk: number;
  status: number;
  error: string;
  message: string;
  /** Row errors with file row numbers. */
  errors: Array<{ row: number; column: string; message: string }>;
}

export interface UploadSummary {
  sha256: string;
  chunks: number;
  stored: number;
  replayed: number;
  rows: number;
  rejected: RejectedChunk[];
  seconds: number;
}

export const chunkKey = (sha256: string, index: number) => `sha256:${sha256}:${index}`;

export async function uploadFile(o: UploadOptions): Promise<UploadSummary> {
  const started = performance.now();
  const { sha256, lines } = await hashFile(o.file);
  const estimate = Math.max(0, lines - 1);
  const summary: UploadSummary = { sha256, chunks: 0, stored: 0, replayed: 0, rows: 0, rejected: [], seconds: 0 };
  let rowsDone = 0;

  const settle = async (chunk: Chunk) => {
    const response = await sendChunk(chunk.csv, chunkKey(sha256, chunk.index), o);
    summary.chunks++;
    rowsDone += chunk.rows;
    o.onProgress?.(rowsDone, Math.max(estimate, rowsDone));
    if (response.status === 201 || response.status === 200) {
      summary.rows += Number(response.body.rows ?? chunk.rows);
      if (response.body.replayed) summary.replayed++;
      else summary.stored++;
      return;
    }
    const errors = (response.body.errors as RejectedChunk['errors'] | undefined) ?? [];
    summary.rejected.push({
      chunk: chunk.index,
      status: response.status,
      error: String(response.body.error ?? ''),
      message: String(response.body.message ?? ''),
      errors: errors.map((e) => ({ ...e, row: chunk.fileRows[e.row - 2] ?? e.row })),
    });
  };

  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  for await (const chunk of csvChunks(o.file, o.chunkRows, o.byteBudget)) {
    if (failure) break;
    const task: Promise<void> = settle(chunk)
      .catch((err) => {
        failure ??= err;
      })
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
    if (inFlight.size >= o.concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (failure) throw failure;
  summary.rejected.sort((a, b) => a.chunk - b.chunk);
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
