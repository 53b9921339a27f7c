// Sends one chunk, retrying with exponential backoff on network errors, 5xx and
// 429 (honouring Retry-After). Safe to retry: the Idempotency-Key makes a chunk
// that did arrive replay instead of counting twice.
import type { IngestKind } from '../kinds';

export interface SendOptions {
  url: string;
  token: string;
  kind: IngestKind;
  retries: number;
  /** Base delay before the first retry, doubled each time (jittered, capped at 30 s). */
  backoffMs: number;
  onRetry?: (attempt: number, reason: string, delayMs: number) => void;
}

export interface ChunkResponse {
  status: number;
  body: Record<string, unknown>;
  attempts: number;
}

export class ChunkSendError extends Error {}

export const endpoint = (url: string, kind: IngestKind) => `${url.replace(/\/+$/, '').replace(/\/api\/v1$/, '')}/api/v1/${kind}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function sendChunk(csv: string, key: string, o: SendOptions): Promise<ChunkResponse> {
  for (let attempt = 1; ; attempt++) {
    let reason: string;
    let retryAfter: number | null = null;
    try {
      const response = await fetch(endpoint(o.url, o.kind), {
        method: 'POST',
        headers: { 'content-type': 'text/csv; charset=utf-8', authorization: `Bearer ${o.token}`, 'idempotency-key': key },
        body: csv,
      });
      const text = await response.text();
      if (response.status < 500 && response.status !== 429) return { status: response.status, body: parseBody(text), attempts: attempt };
      reason = `HTTP ${response.status}`;
      retryAfter = Number(response.headers.get('retry-after')) || null;
    } catch (err) {
      reason = (err as Error & { cause?: Error }).cause?.message ?? (err as Error).message;
    }
    if (attempt > o.retries) throw new ChunkSendError(`${reason} after ${attempt} attempts`);
    const delay = retryAfter !== null ? retryAfter * 1000 : Math.min(30_000, o.backoffMs * 2 ** (attempt - 1)) * (0.75 + Math.random() / 2);
    o.onRetry?.(attempt, reason, delay);
    await sleep(delay);
  }
}

function parseBody(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { message: text.slice(0, 500) };
  }
}
