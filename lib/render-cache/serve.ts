// The rendered-page cache, run by proxy.ts before a page renders. For a cacheable page
// (pages.ts) it checks the session against the database, reads the page's data stamp and
// answers from memory when the same user has had the same page rendered from the same data.
// Filling costs a second pass through Next.js (the page is requested from this app with a
// marker header, which proxy.ts lets through to the page), about half a rendering more, so
// a view is kept only once its user asks for it a second time: the first request renders as
// usual and is only noted, without reading the database. Anything it cannot key (another
// status, an unknown Vary) is passed on and not kept.
import { getDatabase } from '../../db/client';
import type { Database } from '../../db/types';
import { readClaims } from '../auth/session-policy';
import { decodeSession, readCookie, readSessionCookie, sessionUserFromCookieHeader } from '../auth/session-token';
import { MemoCache } from '../dashboard/memo-cache';
import { LOCALE_COOKIE, parseLocale } from '../i18n';
import { FILL_HEADER, fillToken } from './fill-token';
import { renderKey, viewKey } from './key';
import { CACHEABLE_PAGES } from './pages';
import { isStorable, snapshotOf, type ResponseSnapshot } from './snapshot';

/** first (rendered as usual, noted), miss (rendered through the cache and kept), hit, or pass (cannot be kept); for tests and benchmarks. */
export const STATE_HEADER = 'x-render-cache';
const CAPACITY = 256; // pages of ~110 KB (the largest), so at most ~30 MB
const SEEN_CAPACITY = 4096; // views asked for once, and views that cannot be kept
// A fill that hangs (a wrong origin behind a firewall) must not hold the reader: after this
// the proxy gives up on the cache and the page renders as usual. The scores are already
// fresh by then, so a rendering takes well under a second.
const FILL_TIMEOUT_MS = 15_000;
// After a fill fails (the origin cannot be reached, or timed out), the cache stays off this
// long, so a misconfigured origin costs one slow request per period, not one per view.
const OFF_AFTER_FAILURE_MS = 5 * 60_000;
let offUntil = 0;

export interface RenderCacheDeps {
  database: () => Promise<Database>;
  fetch: typeof fetch;
  env: Record<string, string | undefined>;
}
const DEFAULTS: RenderCacheDeps = { database: getDatabase, fetch: (...args) => fetch(...args), env: process.env };

class NotStorable extends Error {
  constructor(readonly snapshot: ResponseSnapshot) {
    super('response not storable');
  }
}

const rendered = new MemoCache<ResponseSnapshot>(CAPACITY);
const seen = new MemoCache<true>(SEEN_CAPACITY);
const unkeepable = new MemoCache<true>(SEEN_CAPACITY); // their fill was a 403, a redirect…: render them as usual
const note = (keys: MemoCache<true>, key: string) => void keys.get(key, async () => true);

/**
 * The cache's answer: a response; 'first' (render as usual: the view is new); 'pass' (render
 * as usual: this view cannot be kept); null (not the cache's business).
 */
export type CacheAnswer = Response | 'first' | 'pass' | null;

/** Where this app can be asked for a page: RENDER_CACHE_ORIGIN, else NEXTAUTH_URL's origin; never the request's Host. */
function fillOrigin(env: Record<string, string | undefined>): string | null {
  const configured = env.RENDER_CACHE_ORIGIN ?? env.NEXTAUTH_URL;
  if (!configured || configured === 'off') return null;
  try {
    return new URL(configured).origin;
  } catch {
    return null;
  }
}

/** Whether the cache handles this request at all: a plain GET of a cacheable page (no prefetch, not a fill), unless it is off. */
function isCacheable(request: Request, env: Record<string, string | undefined>): boolean {
  const { pathname } = new URL(request.url);
  return (
    Date.now() >= offUntil &&
    request.method === 'GET' &&
    Object.hasOwn(CACHEABLE_PAGES, pathname) &&
    fillOrigin(env) !== null &&
    !request.headers.has('next-router-prefetch') &&
    request.headers.get(FILL_HEADER) !== fillToken()
  );
}

export async function cachedPageResponse(request: Request, deps: RenderCacheDeps = DEFAULTS): Promise<CacheAnswer> {
  if (!isCacheable(request, deps.env)) return null;
  const url = new URL(request.url);
  const cookie = request.headers.get('cookie');
  const locale = parseLocale(readCookie(cookie, LOCALE_COOKIE));
  const claims = readClaims(await decodeSession(readSessionCookie(cookie) ?? ''));
  if (!claims) return null; // the page sends them to sign in
  // A view nobody has asked for yet costs no database read: it is only noted.
  const view = viewKey({ userId: claims.uid, locale, url: url.pathname + url.search, headers: request.headers });
  if (!seen.has(view)) {
    note(seen, view);
    return 'first';
  }
  const database = await deps.database();
  const viewer = await sessionUserFromCookieHeader(cookie, database);
  if (!viewer) return null; // ended or disabled: the page sends them to sign in
  const key = renderKey({ view, viewer, stamp: await CACHEABLE_PAGES[url.pathname](database, url.searchParams) });
  if (unkeepable.has(key)) return 'pass';
  let state: 'hit' | 'miss' = 'hit';
  try {
    const snapshot = await rendered.get(key, () => {
      state = 'miss';
      return fill(request, url, deps);
    });
    return responseOf(snapshot, state);
  } catch (err) {
    if (!(err instanceof NotStorable)) {
      offUntil = Date.now() + OFF_AFTER_FAILURE_MS;
      throw new Error(`off for ${OFF_AFTER_FAILURE_MS / 60_000} minutes: could not have ${url.pathname} rendered at ${fillOrigin(deps.env)} (set RENDER_CACHE_ORIGIN)`, { cause: err });
    }
    note(unkeepable, key);
    return responseOf(err.snapshot, 'pass');
  }
}

async function fill(request: Request, url: URL, deps: RenderCacheDeps): Promise<ResponseSnapshot> {
  const headers = new Headers(request.headers);
  headers.delete('accept-encoding'); // keep the body as the page wrote it
  headers.delete('host');
  headers.set(FILL_HEADER, fillToken());
  const target = new URL(url.pathname + url.search, fillOrigin(deps.env)!);
  const snapshot = await snapshotOf(await deps.fetch(target, { headers, redirect: 'manual', cache: 'no-store', signal: AbortSignal.timeout(FILL_TIMEOUT_MS) }));
  if (!isStorable(snapshot)) throw new NotStorable(snapshot);
  return snapshot;
}

function responseOf(snapshot: ResponseSnapshot, state: 'hit' | 'miss' | 'pass'): Response {
  const headers = new Headers(snapshot.headers);
  headers.set(STATE_HEADER, state);
  return new Response(snapshot.body, { status: snapshot.status, headers });
}

/** For tests: forget every kept page and any failure. */
export function clearRenderCache(): void {
  rendered.clear();
  seen.clear();
  unkeepable.clear();
  offUntil = 0;
}
