// What changed between two scheme versions, as a list of located changes
// ("dimensions[quality].indicators[accuracy_rate].weight: 0.2 → 0.25"). Arrays of
// elements with a `code` are matched by code, so reordering is not reported as
// every element changing. Pure.
import { zhCN } from '../i18n/zh-CN';

const t = zhCN.schemeEditor;

export interface SchemeChange {
  path: string;
  /** undefined when the element was added. */
  before: unknown;
  /** undefined when the element was removed. */
  after: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasCodes = (v: unknown[]): v is Array<{ code: string }> => v.every((e) => isRecord(e) && typeof e.code === 'string');

export function diffSchemes(before: unknown, after: unknown, limit = 200): SchemeChange[] {
  const out: SchemeChange[] = [];
  walk(before, after, '', out, limit);
  return out;
}

function walk(a: unknown, b: unknown, path: string, out: SchemeChange[], limit: number): void {
  if (out.length >= limit) return;
  if (Array.isArray(a) && Array.isArray(b) && a.length + b.length > 0 && hasCodes(a) && hasCodes(b)) {
    const left = new Map(a.map((e) => [e.code, e]));
    const right = new Map(b.map((e) => [e.code, e]));
    for (const [code, element] of left) walk(element, right.get(code), `${path}[${code}]`, out, limit);
    for (const [code, element] of right) if (!left.has(code)) walk(undefined, element, `${path}[${code}]`, out, limit);
    const order = (m: Map<string, unknown>) => [...m.keys()].filter((k) => left.has(k) && right.has(k)).join(',');
    if (order(left) !== order(right) && out.length < limit) out.push({ path: `${path} ${t.diffOrder}`, before: [...left.keys()], after: [...right.keys()] });
    return;
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) walk(a[key], b[key], path ? `${path}.${key}` : key, out, limit);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path: path || t.diffWhole, before: a, after: b });
}

/** One line per change, for lists and audit payloads. */
export function describeChange(change: SchemeChange): string {
  const show = (v: unknown) => (v === undefined ? t.diffNone : typeof v === 'string' ? v : JSON.stringify(v));
  return `${change.path}: ${show(change.before)} → ${show(change.after)}`;
}
