// Optional government single sign-on (OIDC), on when OIDC_ISSUER, OIDC_CLIENT_ID and
// OIDC_CLIENT_SECRET are all set. It never creates accounts: a sign-in maps to an existing,
// active user by its stored oidc_subject, or the first time by username =
// preferred_username (then the subject is stored, so a later rename at the provider
// cannot move the login to another account).
import type { OAuthConfig } from 'next-auth/providers/oauth';
import type { Database } from '../../db/types';
import { appendAudit, audit } from '../audit/log';
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

/** The existing user an OIDC identity signs in as, or null (audited either way). */
export async function linkOidcUser(database: Database, identity: { subject: string; username?: string | null; ip: string | null }): Promise<SessionUser | null> {
  const bySubject = await loadSessionUser(database, { oidcSubject: identity.subject });
  const byName = !bySubject && identity.username ? await loadSessionUser(database, { username: identity.username }) : null;
  const user = bySubject ?? byName;
  const target = user?.username ?? identity.username ?? identity.subject;
  if (!user || !user.active) {
    await audit(database, {
      actor: { kind: 'anonymous', username: target },
      action: 'auth.login',
      target,
      outcome: 'failure',
      ip: identity.ip,
      payload: { provider: OIDC_PROVIDER_ID, subject: identity.subject, reason: user ? 'disabled' : 'no_matching_user' },
    });
    return null;
  }
  const principal: Principal = { kind: 'user', id: user.id, username: user.username, role: user.role, departmentCode: user.departmentCode };
  return database.transaction(async (tx) => {
    if (!bySubject) {
      // Link only an account that has no subject yet: never re-point an existing link.
      const linked = await tx.query('update users set oidc_subject = $2 where id = $1 and oidc_subject is null returning id', [user.id, identity.subject]);
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
