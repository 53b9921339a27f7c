import type { NextConfig } from 'next';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders, strictTransportSecurity } from './security-headers.mjs';

const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

describe('security headers', () => {
  it('sends a CSP that allows only this origin, forbids framing, plugins and foreign form targets', () => {
    const csp = directives(contentSecurityPolicy({ NODE_ENV: 'production' }));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
  });

  it('has no per-request part, so a page stays shareable by caches', () => {
    expect(contentSecurityPolicy({ NODE_ENV: 'production' })).not.toMatch(/nonce-|sha256-/);
    expect(contentSecurityPolicy({ NODE_ENV: 'production' })).toBe(contentSecurityPolicy({ NODE_ENV: 'production' }));
  });

  it("allows eval only in development (React's dev build needs it)", () => {
    expect(directives(contentSecurityPolicy({ NODE_ENV: 'development' })).get('script-src')).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ NODE_ENV: 'production' })).not.toContain('unsafe-eval');
  });

  it('sends HSTS in production builds only', () => {
    expect(strictTransportSecurity({ NODE_ENV: 'production' })).toBe('max-age=31536000');
    expect(strictTransportSecurity({ NODE_ENV: 'development' })).toBeNull();
    const keys = (env: Record<string, string>) => securityHeaders(env).map((h) => h.key);
    expect(keys({ NODE_ENV: 'production' })).toEqual(expect.arrayContaining(['Content-Security-Policy', 'Strict-Transport-Security', 'X-Frame-Options', 'X-Content-Type-Options', 'Referrer-Policy']));
    expect(keys({ NODE_ENV: 'development' })).not.toContain('Strict-Transport-Security');
  });

  it('next.config.js sends them on every path and no-store on /api/v1', async () => {
    // next.config.js is plain JavaScript without types: typed here.
    const { default: nextConfig } = (await import('../../next.config.js' as string)) as { default: NextConfig };
    const rules = await nextConfig.headers!();
    const all = rules.find((r) => r.source === '/:path*')!;
    expect(all.headers.map((h) => h.key)).toContain('Content-Security-Policy');
    const api = rules.find((r) => r.source === '/api/v1/:path*')!;
    expect(api.headers).toContainEqual({ key: 'Cache-Control', value: 'no-store' });
  });
});
