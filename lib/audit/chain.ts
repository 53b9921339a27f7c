// The audit log's hash chain: each entry's hash covers its own fields and the
// previous entry's hash, so editing, deleting or reordering any entry breaks the
// chain at that point. Pure functions; lib/audit/log.ts does the I/O.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../scoring/canonical-json';

export const GENESIS = 'sha256:genesis';

export interface ChainFields {
  at: Date;
  actor: string;
  actorType: string;
  role: string | null;
  action: string;
  target: string | null;
  outcome: string;
  ip: string | null;
  payload: string; // canonical JSON text, stored exactly as hashed
  prevHash: string;
}

/** `sha256:` and the hex digest of the text's UTF-8 bytes: every stored hash of ours has this form. */
export function sha256(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/** The hash of a value's canonical JSON: audit entries, snapshots, score inputs, export contents. */
export const hashOf = (value: unknown): string => sha256(canonicalJson(value));

export function entryHash(f: ChainFields): string {
  const { actor, actorType, role, action, target, outcome, ip, payload, prevHash } = f;
  return hashOf({ at: f.at.toISOString(), actor, actorType, role, action, target, outcome, ip, payload, prevHash });
}

export interface StoredEntry extends ChainFields {
  id: number;
  hash: string;
}

/** lastId: the newest entry's id (0 for an empty chain). */
export type ChainCheck = { ok: true; count: number; lastId: number; lastHash: string } | { ok: false; count: number; brokenId: number; reason: string };

/** Walks entries in id order, continuing from `prev` (the hash of entry `prevId`, before the first one). */
export function checkEntries(entries: StoredEntry[], prev: string, counted = 0, prevId = 0): ChainCheck {
  let expectedPrev = prev;
  let lastId = prevId;
  let count = counted;
  for (const e of entries) {
    if (e.prevHash !== expectedPrev) {
      return { ok: false, count, brokenId: e.id, reason: 'previous hash does not match the entry before it (an entry was removed or reordered)' };
    }
    if (entryHash(e) !== e.hash) {
      return { ok: false, count, brokenId: e.id, reason: 'content does not match its hash (the entry was altered)' };
    }
    expectedPrev = e.hash;
    lastId = e.id;
    count++;
  }
  return { ok: true, count, lastId, lastHash: expectedPrev };
}
