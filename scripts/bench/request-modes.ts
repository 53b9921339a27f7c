// How the page benchmarks (page-cpu.ts, pages.ts) mark a path to be requested in a given way.

/** `{n}` in a path becomes a counter, so every request asks for a view nobody has asked for. */
export const FRESH = '{n}';
/** A path written `etag:/rankings` is a repeat view: it sends the previous answer's ETag in If-None-Match. */
export const REPEAT = 'etag:';
