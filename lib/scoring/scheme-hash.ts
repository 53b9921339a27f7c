import { canonicalJson } from './canonical-json';
import type { Scheme } from './scheme-schema';
import { sha256Hex } from './sha256';

/** 'sha256:<hex>' of the canonical JSON of a parsed scheme (defaults filled in). */
export function schemeHash(scheme: Scheme): string {
  return `sha256:${sha256Hex(canonicalJson(scheme))}`;
}
