// The key that encrypts session JWTs. Production must be given a strong one (AUTH_SECRET, or
// NEXTAUTH_SECRET as next-auth names it): instrumentation.ts checks it when the server starts
// and every use checks it again, so a weak key never signs a session. In development one is
// generated once and kept in .data/auth-secret so sessions survive restarts (npm run demo
// does the same).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export class MissingAuthSecret extends Error {}
export class WeakAuthSecret extends Error {}

/** 32 characters: `openssl rand -base64 32` gives 44, 16 random bytes in hex give 32. */
export const MIN_SECRET_LENGTH = 32;
/** Fewer different characters than this is a pattern, not randomness (32 random hex digits show about 14). */
const MIN_DISTINCT_CHARS = 10;
const PLACEHOLDERS = /secret|changeme|change-?it|password|passwd|default|example|sample|replace|placeholder|todo|xxx|test|demo|dev/g;

/** Why a production secret is weak, or null when it is fine. */
export function secretWeakness(secret: string): string | null {
  if (secret.length < MIN_SECRET_LENGTH) return `it has ${secret.length} characters; at least ${MIN_SECRET_LENGTH} are needed`;
  if (new Set(secret).size < MIN_DISTINCT_CHARS) return 'it repeats a few characters';
  if (/(.{3,16})\1\1/.test(secret)) return 'it repeats a pattern';
  // Placeholder words and separators take up most of it: e.g. "changeme-changeme-changeme-changeme".
  const rest = secret.toLowerCase().replace(PLACEHOLDERS, '').replace(/[^a-z0-9]/g, '');
  if (rest.length < MIN_SECRET_LENGTH / 2) return 'it is made of placeholder words';
  return null;
}

export function authSecret(env: Record<string, string | undefined> = process.env): string {
  const given = env.AUTH_SECRET || env.NEXTAUTH_SECRET;
  if (env.NODE_ENV === 'production') {
    if (!given) throw new MissingAuthSecret('AUTH_SECRET (or NEXTAUTH_SECRET) must be set in production');
    const weakness = secretWeakness(given);
    if (weakness) throw new WeakAuthSecret(`AUTH_SECRET is too weak for production: ${weakness}. Generate one with: openssl rand -base64 32`);
  }
  if (given) return given;
  const file = path.resolve(/*turbopackIgnore: true*/ process.cwd(), '.data', 'auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      // Another process created it first: use theirs.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return fs.readFileSync(file, 'utf8').trim();
}
