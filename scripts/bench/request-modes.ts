// How the page benchmarks (page-cpu.ts, pages.ts) mark a path to be requested in a given way.

/** `{n}` in a path becomes a counter, so every request asks for a new URL. */
export const FRESH = '{n}';
/**
 * `{code}` / `{code2}` become department codes that change with every request (the n-th and
 * another one), so each request asks for a view nobody has seen: `/departments/{code}`,
 * `/rankings?compare={code},{code2}` (a different pair of departments in the trend chart).
 * The codes come from the BENCH_CODES environment variable (comma-separated).
 */
export const CODE = '{code}';
export const CODE2 = '{code2}';
/** A path written `etag:/rankings` is a repeat view: it sends the previous answer's ETag in If-None-Match. */
export const REPEAT = 'etag:';

/** A path with its placeholders filled for the n-th request. */
export function fillPath(path: string, n: number, codes: string[]): string {
  const count = codes.length || 1;
  const first = codes[n % count] ?? '';
  const second = codes[(n + 1 + Math.floor(n / count)) % count] ?? '';
  return path.replace(FRESH, String(n)).replace(CODE, first).replace(CODE2, second);
}

/** Whether a path asks for a new view on every request. */
export const varies = (path: string) => [FRESH, CODE, CODE2].some((mark) => path.includes(mark));
