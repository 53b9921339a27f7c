// What a cached page is filed under. A rendered page is reused only by a request that would
// render it byte for byte the same: the same view (user, locale, URL, and the values of the
// request headers Next.js varies its response on — a document and a client navigation's RSC
// payload differ), the same user as the database has them now (role, department, display
// name), and the same stamp of the data the page reads.
import { createHash } from 'node:crypto';
import type { SignedInUser } from '../auth/session-token';
import type { Locale } from '../i18n';

/** The request headers a Next.js page response varies on (its `Vary` header). */
export const VARY_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url'] as const;

const digest = (parts: unknown[]) => createHash('sha256').update(JSON.stringify(parts)).digest('base64url');

export interface ViewParts {
  /** The user id in the session cookie (not yet checked against the database). */
  userId: number;
  locale: Locale;
  /** Path and query string, as requested. */
  url: string;
  headers: Headers;
}

/** A view as one user asks for it, whatever the data: what the cache counts requests of. */
export function viewKey({ userId, locale, url, headers }: ViewParts): string {
  return digest([userId, locale, url, VARY_HEADERS.map((name) => headers.get(name))]);
}

/** A rendered page: the view, its user as the database has them now (not which of their sessions asks), and the page's data stamp. */
export function renderKey({ view, viewer, stamp }: { view: string; viewer: SignedInUser; stamp: string }): string {
  return digest([view, viewer.principal, viewer.displayName, stamp]);
}
