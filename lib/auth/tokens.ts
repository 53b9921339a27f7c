// API tokens (CONTRACT.md §3): shown once at creation, stored only as a SHA-256 hash,
// scoped, optionally bound to one department, with an expiry and last-used time.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Session } from '../../db/types';
import { SCOPES, type Principal, type Scope } from './principal';
import { keyed } from '../http/errors';

export const TOKEN_PREFIX = 'ss_';

export const hashToken = (secret: string) => createHash('sha256').update(secret).digest('hex');

export const newTokenSchema = z.object({
  name: z.string().trim().refine((v) => v.length > 0, keyed('adminTokens.errors.nameRequired')).max(100),
  scopes: z.array(z.enum(SCOPES)).refine((v) => v.length > 0, keyed('adminTokens.errors.scopesRequired')),
  departmentCode: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/).nullable().default(null),
  expiresAt: z.date().nullable().default(null),
}).refine((v) => !(v.departmentCode && v.scopes.includes('events:write')), { ...keyed('adminTokens.errors.eventsNeedUnbound'), path: ['scopes'] });
export type NewToken = z.input<typeof newTokenSchema>;

/** Creates a token and returns its secret: the only time the secret exists. */
export async function createToken(session: Session, input: NewToken, createdBy: string): Promise<{ id: number; secret: string }> {
  const t = newTokenSchema.parse(input);
  const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const [{ id }] = await session.query<{ id: number }>(
    `insert into api_tokens (name, token_hash, prefix, scopes, department_code, created_by, expires_at)
     values ($1, $2, $3, $4::jsonb, $5, $6, $7) returning id`,
    [t.name, hashToken(secret), secret.slice(0, 10), JSON.stringify(t.scopes), t.departmentCode, createdBy, t.expiresAt],
  );
  return { id: Number(id), secret };
}

/** The principal for a bearer secret, or null when unknown, revoked or expired. */
export async function principalForToken(session: Session, secret: string): Promise<Principal | null> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return null;
  const [row] = await session.query<{ id: number; name: string; scopes: Scope[]; department_code: string | null }>(
    `update api_tokens set last_used_at = now()
     where token_hash = $1 and revoked_at is null and (expires_at is null or expires_at > now())
     returning id, name, scopes, department_code`,
    [hashToken(secret)],
  );
  if (!row) return null;
  return { kind: 'token', id: Number(row.id), name: row.name, scopes: row.scopes, departmentCode: row.department_code };
}
