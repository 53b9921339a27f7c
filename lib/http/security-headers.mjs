// The security headers of every response (等保2.0 / OWASP ASVS), read by next.config.js: plain
// JavaScript because next.config.js loads it without compiling. Next.js bakes these into the
// build (routes-manifest), so they are fixed when `next build` runs, not per request.
//
// The Content-Security-Policy has no per-request nonce, so a page stays byte-identical for
// every reader and can be cached. The price: Next.js streams each page's React Server
// Components payload in inline <script>self.__next_f.push(…)</script> tags whose text differs
// per page and per render, so no hash list can name them and script-src needs
// 'unsafe-inline'. The policy therefore does not stop an injected inline script (React's
// escaping does that); it still stops scripts, styles, fonts, images and connections from any
// other origin, plugins, <base> hijacking, form posts to other sites and framing.

/** @param {Record<string, string | undefined>} env */
export function contentSecurityPolicy(env = process.env) {
  const dev = env.NODE_ENV === 'development';
  const directives = [
    "default-src 'self'",
    // React needs eval only in development (call stacks); the dev server's HMR is a same-origin WebSocket.
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    // React style={} attributes and the charts' inline styles.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join('; ');
}

/**
 * HSTS for a year in production builds. Browsers ignore it on a plain-http answer (RFC 6797
 * §8.1), so `npm run demo` on http://localhost is unaffected; behind https it pins the site to
 * https. No includeSubDomains: other hosts under the same domain are not this app's to pin.
 * @param {Record<string, string | undefined>} env
 */
export function strictTransportSecurity(env = process.env) {
  return env.NODE_ENV === 'production' ? 'max-age=31536000' : null;
}

/** @param {Record<string, string | undefined>} env */
export function securityHeaders(env = process.env) {
  const hsts = strictTransportSecurity(env);
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy(env) },
    ...(hsts ? [{ key: 'Strict-Transport-Security', value: hsts }] : []),
    // frame-ancestors supersedes it; kept for browsers without CSP level 2.
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'same-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  ];
}

/** API answers carry the caller's data: no browser or shared cache may keep them. */
export const API_CACHE_HEADERS = [{ key: 'Cache-Control', value: 'no-store' }];
