// Configuration that must hold in production: a strong secret is required, cookies are Secure
// except on plain-http localhost, and OIDC switches on only when fully configured.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { oidcConfigured } from '@/lib/auth/oidc';
import { authSecret, MIN_SECRET_LENGTH, MissingAuthSecret, secretWeakness, WeakAuthSecret } from '@/lib/config/secret';
import { secureCookies, sessionCookieName } from '@/lib/auth/session-token';
import { safeCallbackPath } from '@/lib/auth/callback-path';
import { buildAuthOptions } from '@/lib/auth/options';

const never = (): never => {
  throw new Error('no database in this test');
};

const STRONG = randomBytes(32).toString('base64');
const HEX = randomBytes(16).toString('hex');

describe('auth configuration', () => {
  it('requires AUTH_SECRET (or NEXTAUTH_SECRET) in production', () => {
    expect(() => authSecret({ NODE_ENV: 'production' })).toThrow(MissingAuthSecret);
    expect(authSecret({ NODE_ENV: 'production', AUTH_SECRET: STRONG })).toBe(STRONG);
    expect(authSecret({ NODE_ENV: 'production', NEXTAUTH_SECRET: HEX })).toBe(HEX);
  });

  it('refuses a weak secret in production, with a reason and how to make a good one', () => {
    const weak = ['a', 'changeme', 'secret', 'x'.repeat(31), 'a'.repeat(64), 'changeme'.repeat(4), 'changeme-changeme-changeme-changeme', 'secret-secret-secret-secret-secret', 'abcdefgh'.repeat(5), 'my-dev-secret-please-replace-me-0000', '0123456789'.repeat(4)];
    for (const secret of weak) {
      expect(() => authSecret({ NODE_ENV: 'production', AUTH_SECRET: secret }), secret).toThrow(WeakAuthSecret);
      expect(secretWeakness(secret), secret).not.toBeNull();
    }
    expect(() => authSecret({ NODE_ENV: 'production', AUTH_SECRET: 'short' })).toThrow(/at least 32.*openssl rand -base64 32/);
    expect(() => authSecret({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'changeme' })).toThrow(WeakAuthSecret);
  });

  it('accepts random secrets of 32 characters and more (hex and base64), every time', () => {
    for (let i = 0; i < 200; i++) {
      for (const secret of [randomBytes(16).toString('hex'), randomBytes(32).toString('base64'), randomBytes(32).toString('base64url')]) {
        expect(secretWeakness(secret), secret).toBeNull();
      }
    }
  });

  it('keeps generating one in development, and takes a short one there', () => {
    expect(authSecret({ NODE_ENV: 'development', AUTH_SECRET: 'dev' })).toBe('dev');
    expect(authSecret({ NODE_ENV: 'development' }).length).toBeGreaterThanOrEqual(MIN_SECRET_LENGTH);
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
