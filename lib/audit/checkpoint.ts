// Signed checkpoints of the audit chain's head: entry count, the newest entry's id and
// hash, a time, and an HMAC under a key that is not in the database. Whoever can change
// the database (even its owner, who can disable the append-only trigger) cannot make a
// checkpoint, so a truncation or rewrite of what a checkpoint covers is found by comparing
// the chain with it (lib/audit/verify.ts). Pure except for reading the key.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../scoring/canonical-json';
import { authSecret } from '../config/secret';

export interface Checkpoint {
  at: Date;
  entryCount: number; // entries in the chain when it was signed
  headId: number; // the newest entry's id; 0 for an empty chain
  headHash: string;
  mac: string;
}

export type UnsignedCheckpoint = Omit<Checkpoint, 'mac'>;

export class CheckpointKeyError extends Error {}

const KEY_LABEL = 'sharescore audit checkpoint v1';

/**
 * AUDIT_CHECKPOINT_KEY (≥ 32 characters), else derived from AUTH_SECRET with HKDF under a
 * label of its own, so the key is never the session key itself. Either way it lives in the
 * app's environment, not in the database.
 */
export function checkpointKey(env: Record<string, string | undefined> = process.env): Buffer {
  const given = env.AUDIT_CHECKPOINT_KEY;
  if (given !== undefined && given !== '') {
    if (given.length < 32) throw new CheckpointKeyError('AUDIT_CHECKPOINT_KEY must be at least 32 characters');
    return Buffer.from(given, 'utf8');
  }
  return Buffer.from(hkdfSync('sha256', authSecret(env), '', KEY_LABEL, 32));
}

function macOf(c: UnsignedCheckpoint, key: Buffer): string {
  const text = canonicalJson({ v: 1, at: c.at.toISOString(), entryCount: c.entryCount, headId: c.headId, headHash: c.headHash });
  return 'hmac-sha256:' + createHmac('sha256', key).update(text).digest('hex');
}

export function signCheckpoint(c: UnsignedCheckpoint, key: Buffer): Checkpoint {
  return { at: c.at, entryCount: c.entryCount, headId: c.headId, headHash: c.headHash, mac: macOf(c, key) };
}

export function checkpointSigned(c: Checkpoint, key: Buffer): boolean {
  const expected = Buffer.from(macOf(c, key));
  const given = Buffer.from(c.mac);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The file `audit checkpoint` writes: one JSON object. */
export function checkpointText(c: Checkpoint): string {
  return JSON.stringify({ version: 1, at: c.at.toISOString(), entryCount: c.entryCount, headId: c.headId, headHash: c.headHash, mac: c.mac }) + '\n';
}

const fileSchema = z.object({
  version: z.literal(1),
  at: z.iso.datetime(),
  entryCount: z.number().int().min(0),
  headId: z.number().int().min(0),
  headHash: z.string().min(1).max(200),
  mac: z.string().min(1).max(200),
});

/** Parses a checkpoint file; throws with a one-line reason when it is not one. */
export function parseCheckpoint(text: string): Checkpoint {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('not a checkpoint file (not JSON)');
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) throw new Error(`not a checkpoint file (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
  return { ...parsed.data, at: new Date(parsed.data.at) };
}
