// Views every reader sees alike (a ranking page's data, a department's scores, a period's
// flows) are cached with Next.js's own 'use cache' (Cache Components). Each cached function
// takes as an argument the stamps of the scores it shows — the data generation they were
// computed from, read from the database on every request (pageStamps) — so its cache key
// moves with the data: a write from any process, the CLI included, is seen by the next
// reader, and Next's per-process store is never asked for an old generation again. Tags only
// let a process drop a period's old entries once its new scores are saved.
import { cacheLife, cacheTag, revalidateTag } from 'next/cache';

/** Set by Next.js in its server bundles when cacheComponents is on; absent in tests and the CLI. */
export const inNext = () => Boolean(process.env.__NEXT_USE_CACHE);

export const periodTag = (period: string) => `scores:${period}`;

/** First call in a 'use cache' function: how long an entry lives and which periods' scores it shows. */
export function sharedView(periods: string[]): void {
  if (!inNext()) return; // no cache outside Next.js: the body simply runs
  cacheLife('hours'); // an entry's key already names its data; the lifetime only bounds memory
  cacheTag(...new Set(periods.map(periodTag)));
}

/** After a period's new scores are saved: this process's entries of its older scores go. */
export function forgetSharedViews(period: string): void {
  if (!inNext()) return;
  try {
    revalidateTag(periodTag(period), { expire: 0 });
  } catch {
    // Outside a request's scope (no cache store here): the generation in the key still keeps readers right.
  }
}
