// Request budgets in fixed one-minute windows kept in this process's memory: the API's per-caller
// budget (429 when spent) and the sign-in budgets and refusal aggregation (lib/auth/sign-in.ts).
// On serverless each instance counts on its own, which still stops one runaway client
// from flooding an instance (and, through it, the database and the audit log).
import { ApiError } from './errors';

export const WINDOW_MS = 60_000;
const MAX_KEYS = 10_000;

interface Window {
  startedAt: number;
  count: number;
}

const g = globalThis as { __sharescoreRate?: Map<string, Window> };
const windows = (g.__sharescoreRate ??= new Map());

/** Counts one event for `key` in its current window; returns the window after counting. */
function count(key: string, now: number): Window {
  let w = windows.get(key);
  if (!w || now - w.startedAt >= WINDOW_MS || now < w.startedAt) {
    w = { startedAt: now, count: 0 };
    windows.set(key, w);
    if (windows.size > MAX_KEYS) pruneExpired(now);
  }
  w.count++;
  return w;
}

/** Whole seconds until the window that started at `startedAt` ends (at least 1). */
const secondsLeft = (w: Window, now: number) => Math.max(1, Math.ceil((w.startedAt + WINDOW_MS - now) / 1000));

export function perMinuteLimit(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.API_RATE_LIMIT_PER_MINUTE);
  return Number.isInteger(n) && n > 0 ? n : 600;
}

/** Counts one request for `key`; throws a 429 with Retry-After once the window's budget is spent. */
export function takeRequest(key: string, limit = perMinuteLimit(), now = Date.now()): void {
  const retryAfter = spend(`api:${key}`, limit, now);
  if (retryAfter !== null) {
    throw new ApiError(429, 'too_many_requests', { key: 'api.tooManyRequests', values: { seconds: retryAfter } }, undefined, { 'Retry-After': String(retryAfter) });
  }
}

/**
 * Counts one event for `key` against `limit` per window: null while within budget, else
 * the seconds until the window ends (for Retry-After).
 */
export function spend(key: string, limit: number, now = Date.now()): number | null {
  const w = count(key, now);
  return w.count > limit ? secondsLeft(w, now) : null;
}

/**
 * Aggregates a repeated event: the first occurrence of `key` in each window is to be
 * recorded, with how many occurrences since the last recorded one were not (`suppressed`);
 * the rest of the window answers null. A flood of n identical events thus costs one record
 * per window, and no occurrence goes uncounted.
 */
export function firstInWindow(key: string, now = Date.now()): { suppressed: number } | null {
  const k = `agg:${key}`;
  const previous = windows.get(k);
  const w = count(k, now);
  if (w.count > 1) return null;
  return { suppressed: previous && previous !== w ? previous.count - 1 : 0 };
}

// Past windows go only when the map is full; an aggregation key pruned then loses its last
// window's suppressed count (memory stays bounded under a flood of distinct keys).
function pruneExpired(now: number) {
  for (const [key, w] of windows) if (now - w.startedAt >= WINDOW_MS) windows.delete(key);
}

export function resetRateLimits(): void {
  windows.clear();
}
