// What a cached page is filed under. A rendered page is reused only by a request that would
// render it byte for byte the same: the same signed-in user as the database has them now
// (role, department, display name), the same locale, the same URL, the same values of the
// request headers Next.js varies its response on (a document and a client navigation's RSC
// payload differ), and the same stamp of the data the page reads.
import { createHash } from 'node:crypto';
import type { SignedInUser } from '../auth/session-token';
import type { Locale } from '../i18n';

/** The request headers a Next.js page response varies on (its `Vary` header). */
export const VARY_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url'] as const;

export interface RenderKeyParts {
  viewer: SignedInUser;
  locale: Locale;
  /** Path and query string, as requested. */
  url: string;
  headers: Headers;
  /** The page's data stamp (CACHEABLE_PAGES). */
  stamp: string;
}

export function renderKey({ viewer, locale, url, headers, stamp }: RenderKeyParts): string {
  const vary = VARY_HEADERS.map((name) => headers.get(name));
  return createHash('sha256').update(JSON.stringify([viewer, locale, url, vary, stamp])).digest('base64url');
}
