// A repeat view costs no rendering: proxy.ts answers `304 Not Modified` when the browser's
// copy of a page is still what the page would render. That holds for a page whose content
// follows only from the build, the scores' data stamp, the signed-in user (id, role,
// department, name, session version), the locale, the URL and whether a document or an RSC
// payload is asked for (the headers Next.js varies on) — /rankings and /departments/{code}
// (whose appeals are in the data stamp too). While any period's scores are being updated
// there is no ETag: the page must render to show the new ones and to restart a recompute
// that stopped.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from '../i18n';

const ETAG_PAGES = [/^\/rankings$/, /^\/departments\/[^/]+$/];

/** Whether a page's rendering is fully described by its ETag's parts. */
export const hasPageEtag = (pathname: string) => ETAG_PAGES.some((re) => re.test(pathname));

/** The request headers a Next.js page response varies on (its `Vary` header). */
const VARY_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url'] as const;

let buildId: string | undefined;
/** This build's id (.next/BUILD_ID): a new deployment never matches an old copy. */
function currentBuildId(): string {
  if (buildId === undefined) {
    try {
      buildId = readFileSync(path.join(process.cwd(), '.next', 'BUILD_ID'), 'utf8').trim();
    } catch {
      buildId = `dev-${process.pid}`;
    }
  }
  return buildId;
}

export interface EtagParts {
  stamp: string;
  /** The signed-in user (lib/auth/session-token.ts SignedInUser): who sees the page. */
  viewer: { principal: { id: number; role: string; departmentCode: string | null }; displayName: string };
  /** The server-side session (lib/auth/sessions.ts): a new sign-in never reuses an old one's validators. */
  sessionId: string;
  locale: Locale;
  /** Path and query string, as requested. */
  url: string;
  headers: Headers;
  buildId?: string;
}

/** The weak validator of one rendering of a page. */
export function pageEtag({ stamp, viewer, sessionId, locale, url, headers, buildId = currentBuildId() }: EtagParts): string {
  const { id, role, departmentCode } = viewer.principal;
  const parts = [buildId, stamp, id, role, departmentCode, viewer.displayName, sessionId, locale, url, VARY_HEADERS.map((name) => headers.get(name))];
  return `W/"${createHash('sha256').update(JSON.stringify(parts)).digest('base64url')}"`;
}

/** If-None-Match against a weak ETag (weak comparison, RFC 9110 §13.1.2; `*` matches). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}
