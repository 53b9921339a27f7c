// next-auth v4 configuration: credentials sign-in (with lockout) and optional OIDC.
// Signing in starts a server-side session (lib/auth/sessions.ts) whose id the JWT cookie
// carries; every read checks that row, and signing out ends it.
// Built lazily (getAuthOptions) so `next build` never needs the secret.
import type { AuthOptions, User } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDatabase } from '../../db/client';
import type { Database } from '../../db/types';
import { appendAudit } from '../audit/log';
import { clientAddress, type HeaderBag } from '../http/client-address';
import { safeRedirect } from './callback-path';
import { linkOidcUser, OIDC_PROVIDER_ID, oidcConfigured, oidcProvider } from './oidc';
import type { Principal } from './principal';
import { authSecret } from '../config/secret';
import { ABSOLUTE_LIFETIME_MS, readClaims, type SessionClaims } from './session-policy';
import { loadSessionUser, newSessionClaims, refreshClaims, secureCookies, SessionEnded, type SessionUser } from './session-token';
import { endSessionRow, startSession, type ClientInfo } from './sessions';
import { signInWithPassword } from './sign-in';
import { noteRetryAfter } from './sign-in-response';

export interface AuthDeps {
  database: () => Promise<Database>;
  now: () => number;
}

const defaultDeps: AuthDeps = { database: getDatabase, now: Date.now };

/** What the session callback exposes at /api/auth/session (pages read the cookie themselves: lib/auth/session.ts). */
export interface SessionBody {
  user: { id: number; username: string; name: string; role: SessionClaims['role']; departmentCode: string | null };
  expires: string;
}

const userAgentFromHeaders = (headers: HeaderBag): string | null => {
  const v = headers?.['user-agent'];
  return (Array.isArray(v) ? v[0] : v) ?? null;
};

type NextAuthUser = User & { sessionUser?: SessionUser; client?: ClientInfo };

export function buildAuthOptions(deps: AuthDeps = defaultDeps, env: Record<string, string | undefined> = process.env): AuthOptions {
  const providers: AuthOptions['providers'] = [
    CredentialsProvider({
      id: 'credentials',
      name: '用户名密码',
      credentials: { username: { label: '用户名', type: 'text' }, password: { label: '密码', type: 'password' }, totp: { label: '动态码', type: 'text' } },
      async authorize(credentials, req) {
        const address = clientAddress(req.headers as HeaderBag, env);
        const outcome = await signInWithPassword(
          await deps.database(),
          { username: String(credentials?.username ?? ''), password: String(credentials?.password ?? ''), totp: String(credentials?.totp ?? ''), ip: address.ip, claimedIp: address.claimed },
          deps.now(),
        );
        // The message becomes the `error` the sign-in form shows: invalid | locked | throttled | totp_required.
        if (!outcome.ok) {
          if (outcome.reason === 'throttled') noteRetryAfter(outcome.retryAfter);
          throw new Error(outcome.reason);
        }
        const u = outcome.user;
        const client: ClientInfo = { ip: address.ip, userAgent: userAgentFromHeaders(req.headers as HeaderBag) };
        return { id: String(u.id), name: u.displayName ?? u.username, sessionUser: u, client } as NextAuthUser;
      },
    }),
  ];
  if (oidcConfigured(env)) providers.push(oidcProvider(env));

  return {
    secret: authSecret(env),
    providers,
    // The cookie lives as long as the session may; idleness is judged from the session's row.
    session: { strategy: 'jwt', maxAge: ABSOLUTE_LIFETIME_MS / 1000, updateAge: 0 },
    jwt: { maxAge: ABSOLUTE_LIFETIME_MS / 1000 },
    useSecureCookies: secureCookies(env),
    pages: { signIn: '/login', error: '/login' },
    callbacks: {
      // Only paths on this site: `callbackUrl` is whatever the sign-in request carried.
      redirect: async ({ url, baseUrl }) => safeRedirect(url, baseUrl),
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const claims = profile as { preferred_username?: string; amr?: unknown } | undefined;
        const linked = await linkOidcUser(
          await deps.database(),
          { subject: account.providerAccountId, username: claims?.preferred_username ?? null, ip: null, amr: claims?.amr },
          deps.now(),
        );
        if (!linked) return false;
        (user as NextAuthUser).sessionUser = linked;
        return true;
      },
      async jwt({ token, user, account }) {
        const now = deps.now();
        if (user) {
          let signedIn = (user as NextAuthUser).sessionUser ?? null;
          if (!signedIn && account?.provider === OIDC_PROVIDER_ID) {
            signedIn = await loadSessionUser(await deps.database(), { oidcSubject: account.providerAccountId });
          }
          if (!signedIn) throw new SessionEnded('unknown_user');
          const client = (user as NextAuthUser).client ?? { ip: null, userAgent: null };
          const sessionId = await startSession(await deps.database(), signedIn.id, client, now);
          return { ...token, ...newSessionClaims(signedIn, sessionId, now) };
        }
        return { ...token, ...(await refreshClaims(await deps.database(), token, now)) };
      },
      async session({ session, token }) {
        const claims = readClaims(token);
        if (!claims) return { expires: session.expires } as never;
        const body: SessionBody = {
          user: { id: claims.uid, username: claims.username, name: claims.name ?? claims.username, role: claims.role, departmentCode: claims.dept },
          expires: session.expires,
        };
        return body as never;
      },
    },
    events: {
      async signOut({ token }) {
        const claims = readClaims(token);
        if (!claims) return;
        const actor: Principal = { kind: 'user', id: claims.uid, username: claims.username, role: claims.role, departmentCode: claims.dept };
        // Ending the row is what makes sign-out hold: the cookie, if replayed, no longer opens anything.
        await (await deps.database()).transaction(async (tx) => {
          const ended = await endSessionRow(tx, claims.sid, 'signout', null, deps.now());
          await appendAudit(tx, { actor, action: 'auth.logout', target: claims.username, outcome: 'success', payload: { ended } });
        });
      },
    },
    logger: {
      // An ended session (idle, expired, disabled, role changed) is routine, not an error.
      error(code, metadata) {
        if (metadata instanceof SessionEnded || (metadata as { error?: unknown })?.error instanceof SessionEnded) return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
      warn(code) {
        if (code === 'NEXTAUTH_URL' && env.NODE_ENV !== 'production') return;
        console.warn(`[next-auth][warn][${code}]`);
      },
      debug() {},
    },
  };
}

const g = globalThis as { __sharescoreAuthOptions?: AuthOptions };

/** The app's auth options, built on first use (request time, never at build time). */
export function getAuthOptions(): AuthOptions {
  return (g.__sharescoreAuthOptions ??= buildAuthOptions());
}
