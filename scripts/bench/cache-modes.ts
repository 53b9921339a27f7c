// How the page benchmarks (page-cpu.ts, pages.ts) name requests that the rendered-page
// cache (lib/render-cache) should see in a given way.
import { FILL_HEADER, fillToken } from '../../lib/render-cache/fill-token.ts';
import { TEST_AUTH_SECRET } from '../../tests/browser/support/demo-server.ts';

/** `{n}` in a path becomes a counter, so every request asks for a URL the cache has not seen. */
export const FRESH = '{n}';
/** A path written `nocache:/rankings` carries the cache's own marker: the page renders as with no cache. */
export const NO_CACHE = 'nocache:';

/** The header that makes the cache let a request through to the page (the server's secret: the tests' unless AUTH_SECRET is set). */
export const bypassHeaders = (): Record<string, string> => ({ [FILL_HEADER]: fillToken(process.env.AUTH_SECRET || TEST_AUTH_SECRET) });
