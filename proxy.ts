// Runs before every page and API request. It refuses cross-site changes, sorts the
// signed-out from the rest by the cookie alone (every page and handler reads the session's
// row and checks permissions itself: lib/auth/session-token.ts), and answers a repeat view
// of a page it can validate (lib/http/page-etag.ts) with 304 Not Modified. Its only
// database reads are the session check and the one data stamp, and only for those pages.
// It never re-issues the session cookie: the idle timeout slides in the session's row,
// where a revoked session is refused, so a replayed cookie is not kept alive here.
import { NextResponse, type NextRequest } from 'next/server';
import { getDatabase } from './db/client';
import { dataStamp } from './db/queries/scores';
import { ABSOLUTE_LIFETIME_MS, readClaims, type SessionClaims } from './lib/auth/session-policy';
import { decodeSession, readCookie, readSessionCookie, sessionCookieName, sessionUserFromCookieHeader } from './lib/auth/session-token';
import { landingPath } from './lib/auth/landing';
import { errorBody, unauthorized } from './lib/http/errors';
import { refuseCrossSite } from './lib/http/origin-check';
import { etagMatches, hasPageEtag, pageEtag } from './lib/http/page-etag';
import { LOCALE_COOKIE, parseLocale, requestLocale } from './lib/i18n';

const PUBLIC_PATHS = [/^\/login\/?$/, /^\/api\/auth(\/|$)/, /^\/api\/health\/?$/, /^\/api\/v1\/openapi\.json$/, /^\/api-docs\/?$/];

export const isPublicPath = (pathname: string) => PUBLIC_PATHS.some((re) => re.test(pathname));

async function liveClaims(request: NextRequest, now: number): Promise<SessionClaims | null> {
  const value = readSessionCookie(request.headers.get('cookie'), sessionCookieName());
  if (!value) return null;
  const claims = readClaims(await decodeSession(value));
  return claims && now - claims.authTime < ABSOLUTE_LIFETIME_MS ? claims : null;
}

export async function proxy(request: NextRequest): Promise<Response> {
  const { pathname, search } = request.nextUrl;
  const crossSite = refuseCrossSite(request); // CSRF: cookie-borne changes only from this site's pages
  if (crossSite) return crossSite;
  if (isPublicPath(pathname)) return NextResponse.next();
  // API tokens work only under /api/v1; their handlers check the token themselves.
  if (pathname.startsWith('/api/v1/') && request.headers.has('authorization')) return NextResponse.next();

  const now = Date.now();
  const claims = await liveClaims(request, now);
  if (!claims) {
    if (pathname.startsWith('/api/')) {
      return Response.json(errorBody(unauthorized(), requestLocale(request.headers)), { status: 401 });
    }
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', pathname + search);
    return NextResponse.redirect(login);
  }
  // Home: a real redirect by role (a page's own redirect would follow a 200 under Cache Components).
  if (pathname === '/') return NextResponse.redirect(new URL(landingPath({ kind: 'user', id: claims.uid, username: claims.username, role: claims.role, departmentCode: claims.dept }), request.url));
  const etag = await validator(request);
  const notModified = etag !== null && etagMatches(request.headers.get('if-none-match'), etag);
  const response = notModified ? new NextResponse(null, { status: 304 }) : NextResponse.next();
  if (etag) {
    response.headers.set('etag', etag);
    response.headers.set('cache-control', 'private, no-cache');
  }
  return response;
}

/** The page's ETag when it has one (a GET of a page hasPageEtag names by a live session, scores not being updated); a failure only costs the 304. */
async function validator(request: NextRequest): Promise<string | null> {
  const { pathname, search } = request.nextUrl;
  if (request.method !== 'GET' || !hasPageEtag(pathname)) return null;
  try {
    const database = await getDatabase();
    const cookie = request.headers.get('cookie');
    const [viewer, stamp] = await Promise.all([sessionUserFromCookieHeader(cookie, database), dataStamp(database)]);
    if (!viewer || stamp === null) return null;
    const locale = parseLocale(readCookie(cookie, LOCALE_COOKIE));
    return pageEtag({ stamp, viewer, sessionId: viewer.sessionId, locale, url: pathname + search, headers: request.headers });
  } catch (err) {
    console.error('page validator:', err);
    return null;
  }
}

// Upload routes stay outside the proxy: for any request it runs on, Next first buffers
// the body (at most proxyClientMaxBodySize, 10 MB) and silently hands the handler only
// that much, so a larger chunked upload arrived cut short. Their handlers authenticate
// the caller themselves and count the raw body's bytes (lib/ingest/upload.ts).
// (Next reads the matcher statically: it must stay one literal.)

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon\\.ico|api/v1/(?:metrics|events)/?$|admin/ingest/check/?$|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico|css|js|txt|woff2?)$).*)'],
};
