// Configuration that must hold in production: a secret is required, cookies are Secure
// except on plain-http localhost, and OIDC switches on only when fully configured.
import { describe, expect, it } from 'vitest';
import { oidcConfigured } from '@/lib/auth/oidc';
import { authSecret, MissingAuthSecret } from '@/lib/auth/secret';
import { secureCookies, sessionCookieName } from '@/lib/auth/session-token';
import { safeCallbackPath } from '@/lib/auth/callback-path';
import { buildAuthOptions } from '@/lib/auth/options';

const never = (): never => {
  throw new Error('no database in this test');
};

describe('auth configuration', () => {
  it('requires AUTH_SECRET (or NEXTAUTH_SECRET) in production', () => {
    expect(() => authSecret({ NODE_ENV: 'production' })).toThrow(MissingAuthSecret);
    expect(authSecret({ NODE_ENV: 'production', AUTH_SECRET: 'a' })).toBe('a');
    expect(authSecret({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'b' })).toBe('b');
  });

  it('marks cookies Secure over https and in production, except plain http on localhost', () => {
    expect(secureCookies({ NODE_ENV: 'production', NEXTAUTH_URL: 'https://sharescore.gov.cn' })).toBe(true);
    expect(secureCookies({ NODE_ENV: 'production' })).toBe(true);
    expect(secureCookies({ NODE_ENV: 'production', NEXTAUTH_URL: 'http://sharescore.example' })).toBe(true);
    expect(secureCookies({ NODE_ENV: 'production', NEXTAUTH_URL: 'http://localhost:3000' })).toBe(false);
    expect(secureCookies({ NODE_ENV: 'development', NEXTAUTH_URL: 'http://localhost:3000' })).toBe(false);
    expect(secureCookies({ NODE_ENV: 'development', VERCEL: '1' })).toBe(true);
    expect(sessionCookieName({ NODE_ENV: 'production' })).toBe('__Secure-next-auth.session-token');
  });

  it('turns OIDC on only with issuer, client id and secret', () => {
    expect(oidcConfigured({ OIDC_ISSUER: 'https://sso.gov.cn', OIDC_CLIENT_ID: 'x' })).toBe(false);
    expect(oidcConfigured({ OIDC_ISSUER: 'https://sso.gov.cn', OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y' })).toBe(true);
  });

  it('keeps sign-in redirects on this site', () => {
    expect(safeCallbackPath('/rankings?period=2026-Q3')).toBe('/rankings?period=2026-Q3');
    for (const bad of ['//evil.example/x', 'https://evil.example', '/\\evil.example', '', null, undefined]) expect(safeCallbackPath(bad)).toBe('/');
  });

  it("keeps next-auth's own redirects on this site (its redirect callback)", async () => {
    const redirect = buildAuthOptions({ database: async () => never(), now: Date.now }, { AUTH_SECRET: 'x' }).callbacks!.redirect!;
    const baseUrl = 'http://localhost:3000';
    expect(await redirect({ url: '/rankings?period=2026-Q3', baseUrl })).toBe('http://localhost:3000/rankings?period=2026-Q3');
    for (const url of ['/\t/evil.example', '/%09/evil.example', 'https://evil.example/', '//evil.example']) expect(await redirect({ url, baseUrl })).toBe('http://localhost:3000/');
  });
});
