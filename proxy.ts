// Runs before every page and API request. It sorts the signed-out from the rest (every page
// and handler checks permissions again itself), slides the idle timeout (a live session's
// cookie is re-issued with lastSeen = now), and answers a repeat view of a page it can
// validate (lib/http/page-etag.ts) with 304 Not Modified. Its only database reads are the
// session check and the one data stamp, and only for those pages.
import { NextResponse, type NextRequest } from 'next/server';
import { IDLE_TIMEOUT_MS, readClaims, sessionState, type SessionClaims } from './lib/auth/session-policy';
import { getDatabase } from './db/client';
import { dataStamp } from './db/queries/scores';
import { errorBody, unauthorized } from './lib/http/errors';
import { ETAG_PAGES, etagMatches, pageEtag } from './lib/http/page-etag';
import { LOCALE_COOKIE, parseLocale } from './lib/i18n';
import { decodeSession, encodeSession, readCookie, readSessionCookie, secureCookies, sessionCookieName, sessionUserFromCookieHeader } from './lib/auth/session-token';

const PUBLIC_PATHS = [/^\/login\/?$/, /^\/api\/auth(\/|$)/, /^\/api\/health\/?$/];
const REFRESH_AFTER_MS = 60_000; // re-issue the cookie at most once a minute

export const isPublicPath = (pathname: string) => PUBLIC_PATHS.some((re) => re.test(pathname));

async function liveClaims(request: NextRequest, now: number): Promise<SessionClaims | null> {
  const value = readSessionCookie(request.headers.get('cookie'), sessionCookieName());
  if (!value) return null;
  const claims = readClaims(await decodeSession(value));
  return claims && sessionState(claims, now) === 'active' ? claims : null;
}

export async function proxy(request: NextRequest): Promise<Response> {
  const { pathname, search } = request.nextUrl;
  if (isPublicPath(pathname)) return NextResponse.next();
  // API tokens work only under /api/v1; their handlers check the token themselves.
  if (pathname.startsWith('/api/v1/') && request.headers.has('authorization')) return NextResponse.next();

  const now = Date.now();
  const claims = await liveClaims(request, now);
  if (!claims) {
    if (pathname.startsWith('/api/')) {
      return Response.json(errorBody(unauthorized()), { status: 401 });
    }
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', pathname + search);
    return NextResponse.redirect(login);
  }
  const name = sessionCookieName();
  const refreshed = now - claims.lastSeen < REFRESH_AFTER_MS ? null : await encodeSession({ ...claims, lastSeen: now });
  if (refreshed) request.cookies.set(name, refreshed); // the page rendered now sees the refreshed cookie too
  const etag = await validator(request, claims);
  const notModified = etag !== null && etagMatches(request.headers.get('if-none-match'), etag);
  const response = notModified ? new NextResponse(null, { status: 304 }) : refreshed ? NextResponse.next({ request: { headers: request.headers } }) : NextResponse.next();
  if (etag) {
    response.headers.set('etag', etag);
    response.headers.set('cache-control', 'private, no-cache');
  }
  if (refreshed) response.cookies.set(name, refreshed, { httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookies(), maxAge: IDLE_TIMEOUT_MS / 1000 });
  return response;
}

/** The page's ETag when it has one (a GET of an ETAG_PAGES page by a live session, scores not being updated); a failure only costs the 304. */
async function validator(request: NextRequest, claims: SessionClaims): Promise<string | null> {
  const { pathname, search } = request.nextUrl;
  if (request.method !== 'GET' || !ETAG_PAGES.has(pathname)) return null;
  try {
    const database = await getDatabase();
    const cookie = request.headers.get('cookie');
    const [viewer, stamp] = await Promise.all([sessionUserFromCookieHeader(cookie, database), dataStamp(database)]);
    if (!viewer || stamp === null) return null;
    const locale = parseLocale(readCookie(cookie, LOCALE_COOKIE));
    return pageEtag({ stamp, viewer, sessionVersion: claims.sv, locale, url: pathname + search, headers: request.headers });
  } catch (err) {
    console.error('page validator:', err);
    return null;
  }
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon\\.ico|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico|css|js|txt|woff2?)$).*)'],
};
