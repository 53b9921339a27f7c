import { describe, expect, it } from 'vitest';
import { acceptedApiBody, refuseCrossSite, requestSite } from './origin-check';

const SITE = 'http://localhost:3000';
const post = (path: string, headers: Record<string, string> = {}, method = 'POST') => new Request(new URL(path, SITE), { method, headers: { host: 'localhost:3000', ...headers } });
const statusOf = (request: Request) => refuseCrossSite(request)?.status ?? 'through';

describe('requestSite', () => {
  const site = (headers: Record<string, string>) => requestSite(new Headers({ host: 'sharescore.gov.cn', ...headers }), 'http://sharescore.gov.cn/api/v1/x');

  it('trusts Sec-Fetch-Site first: only same-origin is this site', () => {
    expect(site({ 'sec-fetch-site': 'same-origin' })).toBe('same');
    for (const value of ['same-site', 'cross-site', 'none']) expect(site({ 'sec-fetch-site': value, origin: 'https://sharescore.gov.cn' })).toBe('cross');
  });

  it('otherwise compares the Origin host with the forwarded host or Host, as Next.js does for server actions', () => {
    expect(site({ origin: 'https://sharescore.gov.cn' })).toBe('same');
    expect(site({ origin: 'https://SHARESCORE.gov.cn' })).toBe('same');
    expect(site({ origin: 'http://evil.example' })).toBe('cross');
    expect(site({ origin: 'https://sharescore.gov.cn.evil.example' })).toBe('cross');
    expect(site({ origin: 'https://sub.sharescore.gov.cn' })).toBe('cross');
    expect(site({ origin: 'https://sharescore.gov.cn:8443' })).toBe('cross');
    expect(site({ origin: 'null' })).toBe('cross');
    expect(site({ origin: 'not a url' })).toBe('cross');
    expect(site({ origin: 'https://public.gov.cn', 'x-forwarded-host': 'public.gov.cn, internal' })).toBe('same');
    expect(site({ origin: 'https://sharescore.gov.cn', 'x-forwarded-host': 'public.gov.cn' })).toBe('cross');
  });

  it('calls a request with neither header unknown (no browser page sends that)', () => {
    expect(site({})).toBe('unknown');
  });
});

describe('acceptedApiBody', () => {
  const accepted = (headers: Record<string, string>) => acceptedApiBody(new Headers(headers));

  it('takes JSON and CSV, with parameters and in any case', () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON', 'application/merge-patch+json', 'text/csv', 'text/csv;charset=utf-8', 'application/csv']) {
      expect(accepted({ 'content-type': type }), type).toBe(true);
    }
  });

  it('refuses the types a cross-site form can send, and anything else', () => {
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain', 'text/plain;charset=UTF-8', 'application/xml', 'text/json', 'application/jsonp']) {
      expect(accepted({ 'content-type': type }), type).toBe(false);
    }
  });

  it('takes no type only for no body', () => {
    expect(accepted({})).toBe(true);
    expect(accepted({ 'content-length': '0' })).toBe(true);
    expect(accepted({ 'content-length': '12' })).toBe(false);
    expect(accepted({ 'transfer-encoding': 'chunked' })).toBe(false);
  });
});

describe('refuseCrossSite', () => {
  const FORM = { 'content-type': 'application/x-www-form-urlencoded', cookie: 'next-auth.session-token=x' };

  it('refuses the reported attack: a cross-site form post to the API → 403 in the one error shape', async () => {
    const refused = refuseCrossSite(post('/api/v1/periods/2026-07/publish', { ...FORM, origin: 'http://evil.example' }))!;
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: 'forbidden' });
  });

  it('refuses a same-origin form-typed API body with 415', async () => {
    const refused = refuseCrossSite(post('/api/v1/periods/2026-07/publish', { ...FORM, origin: SITE }))!;
    expect(refused.status).toBe(415);
    expect(await refused.json()).toMatchObject({ error: 'unsupported_media_type' });
    expect(statusOf(post('/api/v1/metrics', { 'content-type': 'text/plain', 'sec-fetch-site': 'same-origin' }))).toBe(415);
    expect(statusOf(post('/api/v1/metrics', { 'content-type': 'multipart/form-data; boundary=b' }))).toBe(415);
  });

  it('checks every unsafe method, and no safe one', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) expect(statusOf(post('/api/v1/x', { origin: 'http://evil.example' }, method)), method).toBe(403);
    for (const method of ['GET', 'HEAD', 'OPTIONS']) expect(statusOf(post('/api/v1/x', { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' }, method)), method).toBe('through');
  });

  it('lets same-origin JSON and CSV through, and scripts that send neither Origin nor Sec-Fetch-Site', () => {
    expect(statusOf(post('/api/v1/periods/2026-07/publish', { 'content-type': 'application/json', origin: SITE, 'sec-fetch-site': 'same-origin' }))).toBe('through');
    expect(statusOf(post('/api/v1/metrics', { 'content-type': 'text/csv', origin: SITE }))).toBe('through');
    expect(statusOf(post('/api/v1/periods/2026-07/verify', { 'sec-fetch-site': 'same-origin' }))).toBe('through');
    expect(statusOf(post('/api/v1/periods/2026-07/verify', { 'content-type': 'application/json' }))).toBe('through');
  });

  it('leaves bearer-token API calls and next-auth (its own CSRF token) alone', () => {
    expect(statusOf(post('/api/v1/metrics', { ...FORM, origin: 'http://evil.example', authorization: 'Bearer ss_x' }))).toBe('through');
    expect(statusOf(post('/api/auth/callback/credentials', { ...FORM, origin: 'http://evil.example' }))).toBe('through');
    // A bearer header is no pass outside /api/v1 (no handler takes a token there), nor a non-bearer scheme.
    expect(statusOf(post('/api/other', { ...FORM, origin: 'http://evil.example', authorization: 'Bearer ss_x' }))).toBe(403);
    expect(statusOf(post('/api/v1/metrics', { ...FORM, origin: 'http://evil.example', authorization: 'Basic eDp5' }))).toBe(403);
  });

  it('holds page paths (server actions, the upload dry run) to the same-origin rule but not the API body rule', () => {
    const action = { 'content-type': 'multipart/form-data; boundary=b', 'next-action': 'abc' };
    expect(statusOf(post('/admin/users', { ...action, origin: SITE }))).toBe('through');
    expect(statusOf(post('/admin/users', { ...action, origin: 'http://evil.example' }))).toBe(403);
    expect(statusOf(post('/admin/ingest/check?kind=metrics', { 'content-type': 'text/csv', 'sec-fetch-site': 'cross-site' }))).toBe(403);
  });
});
