// Managing API tokens (admin page and `cli token`): issue (the secret is returned once),
// list (never the secret), set expiry, revoke. Checked with can() and audited in the
// same transaction as the change.
import { and, desc, eq, isNull } from 'drizzle-orm';
import { departmentExists } from '../../db/queries/departments';
import { apiTokens, type ApiTokenRow } from '../../db/schema';
import type { Database, Session } from '../../db/types';
import { appendAudit } from '../audit/log';
import { badRequest, forbidden, notFound } from '../http/errors';
import { can } from './permissions';
import { actorId, type Principal, type Scope } from './principal';
import { createToken, newTokenSchema, type NewToken } from './tokens';

/** A token as listed: everything but its hash. */
export type TokenRow = Omit<ApiTokenRow, 'tokenHash' | 'scopes'> & { scopes: Scope[] };

export type TokenStatus = 'active' | 'expired' | 'revoked';

export function tokenStatus(t: Pick<TokenRow, 'expiresAt' | 'revokedAt'>, now = Date.now()): TokenStatus {
  if (t.revokedAt) return 'revoked';
  if (t.expiresAt && t.expiresAt.getTime() <= now) return 'expired';
  return 'active';
}

function assertCan(actor: Principal) {
  if (!can(actor, 'tokens:manage')) throw forbidden();
}

function assertFuture(expiresAt: Date | null | undefined) {
  if (expiresAt && expiresAt.getTime() <= Date.now()) throw badRequest('adminTokens.errors.expiryInPast');
}

export async function listTokens(session: Session): Promise<TokenRow[]> {
  const rows = await session.db.select().from(apiTokens).orderBy(desc(apiTokens.id));
  return rows.map(({ tokenHash: _hash, ...t }) => ({ ...t, scopes: t.scopes as Scope[] }));
}

/** Creates a token; the returned secret is the only copy that will ever exist. */
export async function issueToken(database: Database, actor: Principal, input: NewToken, ip: string | null = null): Promise<{ id: number; secret: string }> {
  assertCan(actor);
  const t = newTokenSchema.parse(input);
  assertFuture(t.expiresAt);
  return database.transaction(async (tx) => {
    if (t.departmentCode) {
      if (!(await departmentExists(tx, t.departmentCode))) throw badRequest('adminTokens.errors.unknownDepartment', { code: t.departmentCode });
    }
    const created = await createToken(tx, t, actorId(actor));
    await appendAudit(tx, {
      actor, action: 'token.create', target: `token:${created.id}`, outcome: 'success', ip,
      payload: { name: t.name, scopes: t.scopes, department: t.departmentCode, expiresAt: t.expiresAt?.toISOString() ?? null },
    });
    return created;
  });
}

export async function setTokenExpiry(database: Database, actor: Principal, id: number, expiresAt: Date | null, ip: string | null = null): Promise<void> {
  assertCan(actor);
  assertFuture(expiresAt);
  await database.transaction(async (tx) => {
    const updated = await liveToken(tx, id, { expiresAt });
    if (!updated.length) throw notFound('adminTokens.errors.notFound');
    await appendAudit(tx, { actor, action: 'token.expiry', target: `token:${id}`, outcome: 'success', ip, payload: { expiresAt: expiresAt?.toISOString() ?? null } });
  });
}

export async function revokeToken(database: Database, actor: Principal, id: number, ip: string | null = null): Promise<void> {
  assertCan(actor);
  await database.transaction(async (tx) => {
    const updated = await liveToken(tx, id, { revokedAt: new Date() });
    if (!updated.length) throw notFound('adminTokens.errors.notFound');
    await appendAudit(tx, { actor, action: 'token.revoke', target: `token:${id}`, outcome: 'success', ip });
  });
}

/** Changes a token that is not revoked; returns the ids changed (none: no such live token). */
function liveToken(tx: Session, id: number, fields: Pick<Partial<ApiTokenRow>, 'expiresAt' | 'revokedAt'>) {
  return tx.db.update(apiTokens).set(fields).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt))).returning({ id: apiTokens.id });
}
