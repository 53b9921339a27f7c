// Runs before every page and API request. It sorts the signed-out from the rest by the
// cookie alone (every page and handler reads the session's row and checks permissions
// itself: lib/auth/session-token.ts), and answers the few pages whose rendering is cached
// (lib/render-cache) from memory when nothing they show has changed. It never re-issues the
// session cookie: the idle timeout slides in the session's row, where a revoked session is
// refused, so a replayed cookie is not kept alive here.
import { NextResponse, type NextRequest } from 'next/server';
import { ABSOLUTE_LIFETIME_MS, readClaims, type SessionClaims } from './lib/auth/session-policy';
import { errorBody, unauthorized } from './lib/http/errors';
import { refuseCrossSite } from './lib/http/origin-check';
import { cachedPageResponse, STATE_HEADER, type CacheAnswer } from './lib/render-cache/serve';
import { decodeSession, readSessionCookie, sessionCookieName } from './lib/auth/session-token';

const PUBLIC_PATHS = [/^\/login\/?$/, /^\/api\/auth(\/|$)/, /^\/api\/health\/?$/];

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
      return Response.json(errorBody(unauthorized()), { status: 401 });
    }
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', pathname + search);
    return NextResponse.redirect(login);
  }
  const cached = await cachedPage(request);
  const response = cached instanceof Response ? new NextResponse(cached.body, cached) : NextResponse.next();
  if (typeof cached === 'string') response.headers.set(STATE_HEADER, cached);
  return response;
}

/** The rendered-page cache's answer; a failing cache never fails the page, which then renders as usual. */
async function cachedPage(request: NextRequest): Promise<CacheAnswer> {
  try {
    return await cachedPageResponse(request);
  } catch (err) {
    console.error('render cache:', err);
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
