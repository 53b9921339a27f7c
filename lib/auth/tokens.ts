// API tokens (CONTRACT.md §3): shown once at creation, stored only as a SHA-256 hash,
// scoped, optionally bound to one department, with an expiry and last-used time.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { and, eq, gt, isNull, or } from 'drizzle-orm';
import { apiTokens } from '../../db/schema';
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
})
  .refine((v) => !(v.departmentCode && v.scopes.includes('events:write')), { ...keyed('adminTokens.errors.eventsNeedUnbound'), path: ['scopes'] })
  .refine((v) => !(v.departmentCode && v.scopes.includes('ledger:write')), { ...keyed('adminTokens.errors.ledgerNeedsUnbound'), path: ['scopes'] });
export type NewToken = z.input<typeof newTokenSchema>;

/** Creates a token and returns its secret: the only time the secret exists. */
export async function createToken(session: Session, input: NewToken, createdBy: string): Promise<{ id: number; secret: string }> {
  const t = newTokenSchema.parse(input);
  const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const [{ id }] = await session.db
    .insert(apiTokens)
    .values({ name: t.name, tokenHash: hashToken(secret), prefix: secret.slice(0, 10), scopes: t.scopes, departmentCode: t.departmentCode, createdBy, expiresAt: t.expiresAt })
    .returning({ id: apiTokens.id });
  return { id, secret };
}

/** The principal for a bearer secret, or null when unknown, revoked or expired. */
export async function principalForToken(session: Session, secret: string): Promise<Principal | null> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return null;
  const now = new Date();
  const t = apiTokens;
  const [row] = await session.db
    .update(t)
    .set({ lastUsedAt: now })
    .where(and(eq(t.tokenHash, hashToken(secret)), isNull(t.revokedAt), or(isNull(t.expiresAt), gt(t.expiresAt, now))))
    .returning({ id: t.id, name: t.name, scopes: t.scopes, departmentCode: t.departmentCode });
  return row ? { kind: 'token', ...row, scopes: row.scopes as Scope[] } : null;
}
