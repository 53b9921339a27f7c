// The key that encrypts session JWTs. Production must be given one (AUTH_SECRET, or
// NEXTAUTH_SECRET as next-auth names it); in development one is generated once and
// kept in .data/auth-secret so sessions survive restarts (npm run demo does the same).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export class MissingAuthSecret extends Error {}

export function authSecret(env: Record<string, string | undefined> = process.env): string {
  const given = env.AUTH_SECRET || env.NEXTAUTH_SECRET;
  if (given) return given;
  if (env.NODE_ENV === 'production') {
    throw new MissingAuthSecret('AUTH_SECRET (or NEXTAUTH_SECRET) must be set in production');
  }
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
