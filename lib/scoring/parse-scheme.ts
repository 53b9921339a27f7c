// parseScheme: one readable error per problem, located by codes rather than
// array indexes where the input has them ("dimensions[volume].indicators[x].weight").
import type { z } from 'zod';
import { schemeSchema, type Scheme } from './scheme-schema';

export type ParseSchemeResult = { ok: true; scheme: Scheme } | { ok: false; errors: string[] };

export function parseScheme(json: unknown): ParseSchemeResult {
  const result = schemeSchema.safeParse(json);
  if (result.success) return { ok: true, scheme: result.data };
  return { ok: false, errors: result.error.issues.map((issue) => describeIssue(issue, json)) };
}

/** Parses or throws one Error listing every problem; for schemes shipped with the code. */
export function parseSchemeOrThrow(json: unknown, label = 'scheme'): Scheme {
  const result = parseScheme(json);
  if (!result.ok) throw new Error(`${label} is invalid: ${result.errors.join('; ')}`);
  return result.scheme;
}

type Issue = z.core.$ZodIssue;

function describeIssue(issue: Issue, root: unknown): string {
  const where = locate(issue.path, root);
  const input = valueAt(issue.path, root);
  const prefix = where ? `${where}: ` : '';
  switch (issue.code) {
    case 'custom':
      return `${prefix}${issue.message}`;
    case 'invalid_type':
      if (input === undefined) return `${prefix}is required`;
      return `${prefix}must be ${article(issue.expected)}, got ${JSON.stringify(input)}`;
    case 'invalid_value': {
      const field = String(issue.path.at(-1) ?? 'value');
      return `${prefix}unknown ${field} ${JSON.stringify(input)} (expected one of: ${issue.values.join(', ')})`;
    }
    case 'unrecognized_keys':
      return `${prefix}unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'array') return `${prefix}needs at least ${issue.minimum} entr${issue.minimum === 1 ? 'y' : 'ies'}`;
      if (issue.origin === 'string') return `${prefix}must not be empty`;
      return `${prefix}must be ${issue.inclusive ? '≥' : '>'} ${issue.minimum}, got ${JSON.stringify(input)}`;
    case 'too_big':
      return `${prefix}must be ${issue.inclusive ? '≤' : '<'} ${issue.maximum}, got ${JSON.stringify(input)}`;
    case 'invalid_format':
      return `${prefix}${issue.message}, got ${JSON.stringify(input)}`;
    case 'invalid_union':
      return `${prefix}must be a number or a fraction string such as "1/3", got ${JSON.stringify(input)}`;
    default:
      return `${prefix}${issue.message}`;
  }
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/** The path as text, showing an element's code instead of its index when it has one. */
function locate(path: PropertyKey[], root: unknown): string {
  let text = '';
  let node: unknown = root;
  for (const key of path) {
    const child = isRecord(node) || Array.isArray(node) ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      const label = isRecord(child) && typeof child.code === 'string' && child.code ? child.code : String(key);
      text += `[${label}]`;
    } else {
      text += text ? `.${String(key)}` : String(key);
    }
    node = child;
  }
  return text;
}

function valueAt(path: PropertyKey[], root: unknown): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (!isRecord(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
