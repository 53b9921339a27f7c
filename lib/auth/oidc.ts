// Optional government single sign-on (OIDC), on when OIDC_ISSUER, OIDC_CLIENT_ID and
// OIDC_CLIENT_SECRET are all set. It never creates accounts, and it links only accounts the
// security officer provisioned: a sign-in maps to an existing, active, unlocked user by its
// stored oidc_subject, or — once, when the officer allowed it on the users page — by
// username = preferred_username (then the subject is stored and the permission used up, so
// neither a rename at the provider nor a look-alike name can move the login to another
// account). A role that needs a second factor signs in this way only when the provider says
// it used more than one factor (the ID token's amr claim, RFC 8176); otherwise it uses the
// password and code form.
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { and, eq, isNull } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Database } from '../../db/types';
import { appendAudit, audit } from '../audit/log';
import { forbidden, notFound } from '../http/errors';
import { roleNeedsSecondFactor } from './mfa-policy';
import { can } from './permissions';
import type { Principal } from './principal';
import { loadSessionUser, type SessionUser } from './session-token';

export const OIDC_PROVIDER_ID = 'oidc';

interface OidcProfile {
  sub: string;
  name?: string;
  preferred_username?: string;
}

export function oidcConfigured(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
}

export function oidcProvider(env: Record<string, string | undefined> = process.env): OAuthConfig<OidcProfile> {
  const issuer = env.OIDC_ISSUER!.replace(/\/$/, '');
  return {
    id: OIDC_PROVIDER_ID,
    name: '统一身份认证',
    type: 'oauth',
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: 'openid profile' } },
    idToken: true,
    checks: ['pkce', 'state'],
    profile: (profile) => ({ id: profile.sub, name: profile.name ?? profile.preferred_username ?? profile.sub }),
  };
}

export interface OidcIdentity {
  subject: string;
  username?: string | null;
  ip: string | null;
  /** The ID token's amr claim (authentication methods used at the provider), if any. */
  amr?: unknown;
}

// RFC 8176: "mfa" says so outright; two different methods (e.g. pwd + otp) say so too.
const MULTI_FACTOR_METHODS = ['otp', 'hwk', 'swk', 'sc', 'fpt', 'face', 'iris', 'retina', 'vbm', 'sms', 'tel', 'pin', 'pwd', 'kba', 'user', 'geo', 'wia', 'mca', 'rba', 'pop'];
export function multiFactorAtProvider(amr: unknown): boolean {
  if (!Array.isArray(amr)) return false;
  const methods = new Set(amr.filter((m): m is string => typeof m === 'string'));
  if (methods.has('mfa')) return true;
  return [...methods].filter((m) => MULTI_FACTOR_METHODS.includes(m)).length >= 2;
}

/** A user the security officer allowed to be linked by this username, not linked yet. */
async function provisionedByName(database: Database, username: string) {
  const [row] = await database.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.username, username), eq(users.oidcLinkAllowed, true), isNull(users.oidcSubject)));
  return row ? loadSessionUser(database, { id: row.id }) : null;
}

async function lockedNow(database: Database, userId: number, now: number): Promise<boolean> {
  const [row] = await database.db.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, userId));
  return Boolean(row?.lockedUntil && row.lockedUntil.getTime() > now);
}

/** The existing user an OIDC identity signs in as, or null (audited either way). */
export async function linkOidcUser(database: Database, identity: OidcIdentity, now = Date.now()): Promise<SessionUser | null> {
  const bySubject = await loadSessionUser(database, { oidcSubject: identity.subject });
  const byName = !bySubject && identity.username ? await provisionedByName(database, identity.username) : null;
  const user = bySubject ?? byName;
  const target = user?.username ?? identity.username ?? identity.subject;
  const refusal = !user
    ? 'no_matching_user'
    : !user.active
      ? 'disabled'
      : (await lockedNow(database, user.id, now))
        ? 'account_locked'
        : roleNeedsSecondFactor(user.role) && !multiFactorAtProvider(identity.amr)
          ? 'second_factor_required'
          : null;
  if (!user || refusal) {
    await audit(database, {
      actor: { kind: 'anonymous', username: target },
      action: 'auth.login',
      target,
      outcome: 'failure',
      ip: identity.ip,
      payload: { provider: OIDC_PROVIDER_ID, subject: identity.subject, reason: refusal },
    });
    return null;
  }
  const principal: Principal = { kind: 'user', id: user.id, username: user.username, role: user.role, departmentCode: user.departmentCode };
  return database.transaction(async (tx) => {
    if (!bySubject) {
      // Link only an account still waiting for its link: never re-point an existing one.
      const linked = await tx.db
        .update(users)
        .set({ oidcSubject: identity.subject, oidcLinkAllowed: false })
        .where(and(eq(users.id, user.id), isNull(users.oidcSubject), eq(users.oidcLinkAllowed, true)))
        .returning({ id: users.id });
      if (!linked.length) {
        await appendAudit(tx, { actor: { kind: 'anonymous', username: target }, action: 'auth.login', target, outcome: 'failure', ip: identity.ip, payload: { provider: OIDC_PROVIDER_ID, subject: identity.subject, reason: 'linked_to_other_subject' } });
        return null;
      }
      await appendAudit(tx, { actor: principal, action: 'user.oidc_link', target: user.username, outcome: 'success', ip: identity.ip, payload: { subject: identity.subject } });
    }
    await appendAudit(tx, { actor: principal, action: 'auth.login', target: user.username, outcome: 'success', ip: identity.ip, payload: { provider: OIDC_PROVIDER_ID } });
    return user;
  });
}

/**
 * The security officer lets the next single sign-on as this username link to the account
 * (dropping any former link). Audited as user.oidc_provision.
 */
export async function allowOidcLink(database: Database, actor: Principal, userId: number, ip: string | null = null): Promise<void> {
  if (!can(actor, 'users:manage')) throw forbidden();
  await database.transaction(async (tx) => {
    const [user] = await tx.db
      .update(users)
      .set({ oidcLinkAllowed: true, oidcSubject: null })
      .where(eq(users.id, userId))
      .returning({ username: users.username });
    if (!user) throw notFound('adminUsers.errors.notFound');
    await appendAudit(tx, { actor, action: 'user.oidc_provision', target: user.username, outcome: 'success', ip, payload: { id: userId } });
  });
}
