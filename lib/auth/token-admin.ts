// Managing API tokens (admin page and `cli token`): issue (the secret is returned once),
// list (never the secret), set expiry, revoke. Checked with can() and audited in the
// same transaction as the change.
import type { Database, Session } from '../../db/types';
import { appendAudit } from '../audit/log';
import { badRequest, forbidden, notFound } from '../http/errors';
import { can } from './permissions';
import { actorId, type Principal, type Scope } from './principal';
import { createToken, newTokenSchema, type NewToken } from './tokens';

export interface TokenRow {
  id: number;
  name: string;
  prefix: string;
  scopes: Scope[];
  departmentCode: string | null;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

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

const date = (v: Date | string | null) => (v === null ? null : new Date(v));

export async function listTokens(session: Session): Promise<TokenRow[]> {
  const rows = await session.query<{
    id: number; name: string; prefix: string; scopes: Scope[]; department_code: string | null; created_by: string;
    created_at: Date | string; expires_at: Date | string | null; revoked_at: Date | string | null; last_used_at: Date | string | null;
  }>('select id, name, prefix, scopes, department_code, created_by, created_at, expires_at, revoked_at, last_used_at from api_tokens order by id desc');
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    prefix: r.prefix,
    scopes: r.scopes,
    departmentCode: r.department_code,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at),
    expiresAt: date(r.expires_at),
    revokedAt: date(r.revoked_at),
    lastUsedAt: date(r.last_used_at),
  }));
}

/** Creates a token; the returned secret is the only copy that will ever exist. */
export async function issueToken(database: Database, actor: Principal, input: NewToken, ip: string | null = null): Promise<{ id: number; secret: string }> {
  assertCan(actor);
  const t = newTokenSchema.parse(input);
  assertFuture(t.expiresAt);
  return database.transaction(async (tx) => {
    if (t.departmentCode) {
      const found = await tx.query('select 1 from departments where code = $1', [t.departmentCode]);
      if (!found.length) throw badRequest('adminTokens.errors.unknownDepartment', { code: t.departmentCode });
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
    const updated = await tx.query('update api_tokens set expires_at = $2 where id = $1 and revoked_at is null returning id', [id, expiresAt]);
    if (!updated.length) throw notFound('adminTokens.errors.notFound');
    await appendAudit(tx, { actor, action: 'token.expiry', target: `token:${id}`, outcome: 'success', ip, payload: { expiresAt: expiresAt?.toISOString() ?? null } });
  });
}

export async function revokeToken(database: Database, actor: Principal, id: number, ip: string | null = null): Promise<void> {
  assertCan(actor);
  await database.transaction(async (tx) => {
    const updated = await tx.query('update api_tokens set revoked_at = now() where id = $1 and revoked_at is null returning id', [id]);
    if (!updated.length) throw notFound('adminTokens.errors.notFound');
    await appendAudit(tx, { actor, action: 'token.revoke', target: `token:${id}`, outcome: 'success', ip });
  });
}
