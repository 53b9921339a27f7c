// Runs before every page and API request. It sorts the signed-out from the rest (every page
// and handler checks permissions again itself), slides the idle timeout (a live session's
// cookie is re-issued with lastSeen = now), and answers the few pages whose rendering is
// cached (lib/render-cache) from memory when nothing they show has changed.
import { NextResponse, type NextRequest } from 'next/server';
import { IDLE_TIMEOUT_MS, readClaims, sessionState, type SessionClaims } from './lib/auth/session-policy';
import { errorBody, unauthorized } from './lib/http/errors';
import { cachedPageResponse, STATE_HEADER, type CacheAnswer } from './lib/render-cache/serve';
import { decodeSession, encodeSession, readSessionCookie, secureCookies, sessionCookieName } from './lib/auth/session-token';

const PUBLIC_PATHS = [/^\/login\/?$/, /^\/api\/auth(\/|$)/, /^\/api\/health\/?$/, /^\/api\/v1\/openapi\.json$/, /^\/api-docs\/?$/];
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
  const cached = await cachedPage(request);
  const response = cached instanceof Response ? new NextResponse(cached.body, cached) : refreshed ? NextResponse.next({ request: { headers: request.headers } }) : NextResponse.next();
  if (typeof cached === 'string') response.headers.set(STATE_HEADER, cached);
  if (refreshed) response.cookies.set(name, refreshed, { httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookies(), maxAge: IDLE_TIMEOUT_MS / 1000 });
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

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon\\.ico|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico|css|js|txt|woff2?)$).*)'],
};
