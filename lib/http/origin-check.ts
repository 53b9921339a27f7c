// Cross-site request forgery guard for cookie-authenticated changes, applied once in proxy.ts.
// A browser attaches the session cookie to whatever a page on another site makes it send, so
// every state change must come from one of this site's own pages: the browser says where a
// request came from in Sec-Fetch-Site and Origin, which pages cannot forge. API bodies must
// also be JSON or CSV: the form types a cross-site <form> can send are refused outright.
import { ApiError, errorBody } from './errors';
import { requestLocale } from '../i18n';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** JSON (also `+json` types, which readJson takes) and CSV (`application/csv` as ingest takes it). */
const API_BODY_TYPE = /^(application\/([\w.-]+\+)?json|text\/csv|application\/csv)$/;

type Headers = Pick<globalThis.Headers, 'get'>;

/**
 * Did the browser say this request came from this origin? `same` and `unknown` pass.
 * `unknown` (neither header) is no browser page at all: every browser in use sends Origin on
 * every POST, and Chromium, Firefox and Safari ≥ 16.4 send Sec-Fetch-Site on every request, so
 * only a script the cookie's owner runs themselves (curl, a test) sends neither.
 */
export function requestSite(headers: Headers, url: string): 'same' | 'cross' | 'unknown' {
  // The browser computes Sec-Fetch-Site from the real origins, so it holds behind any proxy.
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite !== null) return fetchSite === 'same-origin' ? 'same' : 'cross';
  const origin = headers.get('origin');
  if (origin === null) return 'unknown';
  return originHost(origin) === ownHost(headers, url) ? 'same' : 'cross';
}

/** This site's host as the browser addressed it: Next.js's server-action check compares the same. */
function ownHost(headers: Headers, url: string): string {
  const forwarded = headers.get('x-forwarded-host')?.split(',')[0].trim();
  return (forwarded || headers.get('host') || new URL(url).host).toLowerCase();
}

function originHost(origin: string): string | null {
  if (origin === 'null') return null; // sandboxed frames, file: pages, redirects across sites
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

/** Is the body of an API change one the API reads (JSON or CSV), or no body at all? */
export function acceptedApiBody(headers: Headers): boolean {
  const type = headers.get('content-type')?.split(';')[0].trim().toLowerCase();
  if (type) return API_BODY_TYPE.test(type);
  return Number(headers.get('content-length') ?? 0) === 0 && headers.get('transfer-encoding') === null;
}

/**
 * The refusal for a cross-site or form-typed change, or null to let the request through.
 * Left alone: safe methods; next-auth's /api/auth (its own CSRF token); bearer-token calls under
 * /api/v1, whose handlers then ignore the cookie and which no page on another site can make
 * without a CORS preflight this app never grants. Server actions (POSTs to page paths) get the
 * same-origin rule Next.js itself applies to them; only API paths get the body-type rule.
 */
export function refuseCrossSite(request: Request): Response | null {
  const err = crossSiteError(request);
  return err && Response.json(errorBody(err, requestLocale(request.headers)), { status: err.status });
}

/**
 * The same rule as an error to throw. The upload routes, which stay outside proxy.ts (it would
 * cut their bodies at 10 MB), call it themselves before reading the body (lib/ingest/upload.ts).
 */
export function crossSiteError(request: Request): ApiError | null {
  if (SAFE_METHODS.has(request.method)) return null;
  const { pathname } = new URL(request.url);
  if (/^\/api\/auth(\/|$)/.test(pathname)) return null;
  if (pathname.startsWith('/api/v1/') && /^Bearer\s/i.test(request.headers.get('authorization') ?? '')) return null;
  if (requestSite(request.headers, request.url) === 'cross') return new ApiError(403, 'forbidden', { key: 'api.crossSite' });
  if (pathname.startsWith('/api/') && !acceptedApiBody(request.headers)) return new ApiError(415, 'unsupported_media_type', { key: 'api.bodyType' });
  return null;
}
