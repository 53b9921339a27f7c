// A per-caller request budget for the API (429 when spent). Fixed one-minute windows
// kept in this process's memory: on serverless each instance counts on its own, which
// still stops one runaway client from flooding an instance.
import { ApiError } from './errors';
import { fill } from '../i18n';
import { zhCN } from '../i18n/zh-CN';

const WINDOW_MS = 60_000;

interface Window {
  startedAt: number;
  count: number;
}

const g = globalThis as { __sharescoreRate?: Map<string, Window> };
const windows = (g.__sharescoreRate ??= new Map());

export function perMinuteLimit(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.API_RATE_LIMIT_PER_MINUTE);
  return Number.isInteger(n) && n > 0 ? n : 600;
}

/** Counts one request for `key`; throws a 429 with Retry-After once the window's budget is spent. */
export function takeRequest(key: string, limit = perMinuteLimit(), now = Date.now()): void {
  let w = windows.get(key);
  if (!w || now - w.startedAt >= WINDOW_MS) {
    w = { startedAt: now, count: 0 };
    windows.set(key, w);
    if (windows.size > 10_000) pruneExpired(now);
  }
  w.count++;
  if (w.count > limit) {
    const retryAfter = Math.ceil((w.startedAt + WINDOW_MS - now) / 1000);
    throw new ApiError(429, 'too_many_requests', fill(zhCN.api.tooManyRequests, { seconds: retryAfter }), undefined, { 'Retry-After': String(retryAfter) });
  }
}

function pruneExpired(now: number) {
  for (const [key, w] of windows) if (now - w.startedAt >= WINDOW_MS) windows.delete(key);
}

export function resetRateLimits(): void {
  windows.clear();
}
