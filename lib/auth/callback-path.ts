// Where to go after sign-in: a path on this site, never another origin. Browsers drop tabs
// and newlines from URLs and treat `\` like `/`, so `/\t/evil.example` or `/%5C/evil.example`
// would leave the site: anything that is not a plain same-origin path, before or after
// percent-decoding, falls back to `/`. Used by the login page, guardPage's loginUrl and
// next-auth's redirect callback.
import { CONTROL_CHARACTER } from '../http/control-characters';

function decoded(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null; // malformed percent-encoding
  }
}

const plainPath = (p: string) => p.startsWith('/') && !p.startsWith('//') && !p.startsWith('/\\') && !CONTROL_CHARACTER.test(p);

export function safeCallbackPath(path: string | null | undefined): string {
  if (!path || path.length > 2000) return '/';
  const once = decoded(path);
  return once !== null && plainPath(path) && plainPath(once) && !once.includes('\\') ? path : '/';
}

/**
 * next-auth's redirect callback: `url` is a path or an absolute URL; only a path on
 * `baseUrl`'s origin survives, as an absolute URL there; anything else goes to `baseUrl`'s root.
 */
export function safeRedirect(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  let path = url;
  if (!url.startsWith('/')) {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return `${base.origin}/`;
    }
    if (target.origin !== base.origin) return `${base.origin}/`;
    path = target.pathname + target.search + target.hash;
  }
  return `${base.origin}${safeCallbackPath(path)}`;
}
