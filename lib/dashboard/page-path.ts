// A page's own URL with its query, for the way back after sign-in.
import type { SearchParams } from './ranking-params';

export function pagePath(pathname: string, sp: SearchParams): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(sp)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) q.append(key, v);
  }
  const s = q.toString();
  return s ? `${pathname}?${s}` : pathname;
}

/** The first value of a query parameter. */
export const firstParam = (v: string | string[] | undefined): string | null => (Array.isArray(v) ? (v[0] ?? null) : (v ?? null));

const DEPARTMENT_CODE = /^[A-Za-z0-9_-]{1,32}$/;

/** The department code in a route segment, or null when it cannot be one (CONTRACT.md §2). */
export function departmentCodeParam(segment: string): string | null {
  let code = segment;
  try {
    code = decodeURIComponent(segment);
  } catch {
    return null;
  }
  return DEPARTMENT_CODE.test(code) ? code : null;
}
