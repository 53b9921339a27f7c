// Reads an upload from an HTTP request: the format from Content-Type, the body up
// to 10 MB (refused while streaming, so an oversized body is never buffered whole)
// and the optional Idempotency-Key header. The upload routes are outside proxy.ts's
// matcher, so this reads the raw request stream (docs/ingest.md, Limits).
import { ApiError, badRequest } from '../http/errors';
import { crossSiteError } from '../http/origin-check';
import { MAX_BYTES } from './kinds';

export type UploadFormat = 'csv' | 'json';

export interface Upload {
  format: UploadFormat;
  text: string;
  idempotencyKey: string | null;
}

const KEY = /^[\x21-\x7e]{1,255}$/;

export function formatOf(contentType: string | null): UploadFormat | null {
  const type = contentType?.split(';')[0].trim().toLowerCase();
  if (type === 'text/csv' || type === 'application/csv') return 'csv';
  if (type === 'application/json') return 'json';
  return null;
}

export async function readUpload(request: Request): Promise<Upload> {
  const crossSite = crossSiteError(request); // proxy.ts does not run here: the same check, before the body
  if (crossSite) throw crossSite;
  const format = formatOf(request.headers.get('content-type'));
  if (!format) throw new ApiError(415, 'unsupported_media_type', { key: 'ingest.errors.unsupportedType' });
  const key = request.headers.get('idempotency-key');
  if (key !== null && !KEY.test(key)) throw badRequest('ingest.errors.badKey');
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BYTES) throw new ApiError(413, 'payload_too_large', { key: 'ingest.errors.tooLarge' });
  const text = await readLimited(request, MAX_BYTES, () => new ApiError(413, 'payload_too_large', { key: 'ingest.errors.tooLarge' }));
  return { format, text, idempotencyKey: key };
}

/**
 * The body, counted while it streams in (with or without Content-Length). Past the
 * limit nothing more is kept; up to another `limit` bytes are read and dropped so that a
 * client still sending gets the 413 rather than a reset connection, then reading stops.
 */
async function readLimited(request: Request, limit: number, tooLarge: () => Error): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await drain(reader, limit);
      throw tooLarge();
    }
    parts.push(value);
  }
  return Buffer.concat(parts).toString('utf8');
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, budget: number): Promise<void> {
  let dropped = 0;
  while (dropped <= budget) {
    const { done, value } = await reader.read();
    if (done) return;
    dropped += value.byteLength;
  }
  await reader.cancel();
}
