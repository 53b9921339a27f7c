import { describe, expect, it } from 'vitest';
import { clientAddress, trustedProxyHops } from './client-address';

const noProxy = {};
const oneProxy = { TRUSTED_PROXY_HOPS: '1' };
const twoProxies = { TRUSTED_PROXY_HOPS: '2' };

describe('clientAddress', () => {
  it('without a trusted proxy believes no header: the address is unverified and the claim kept for the record', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.9' }), noProxy)).toEqual({ ip: null, claimed: '203.0.113.9' });
    expect(clientAddress({ 'x-real-ip': '198.51.100.1' }, noProxy)).toEqual({ ip: null, claimed: '198.51.100.1' });
    expect(clientAddress(new Headers(), noProxy)).toEqual({ ip: null, claimed: null });
  });

  it('behind N proxies takes the N-th entry from the right, whatever the client wrote to its left', () => {
    const spoofed = new Headers({ 'x-forwarded-for': '1.1.1.1, 2.2.2.2, 203.0.113.9' });
    expect(clientAddress(spoofed, oneProxy)).toEqual({ ip: '203.0.113.9', claimed: null });
    expect(clientAddress(new Headers({ 'x-forwarded-for': '1.1.1.1, 203.0.113.9, 10.0.0.2' }), twoProxies)).toEqual({ ip: '203.0.113.9', claimed: null });
    // Next.js's plain-object form (next-auth's authorize) and repeated headers read the same.
    expect(clientAddress({ 'x-forwarded-for': ['9.9.9.9', '203.0.113.9'] }, oneProxy).ip).toBe('203.0.113.9');
  });

  it('is unverified when fewer entries arrive than proxies are configured (the request bypassed one)', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.9' }), twoProxies)).toEqual({ ip: null, claimed: '203.0.113.9' });
    expect(clientAddress(new Headers(), oneProxy)).toEqual({ ip: null, claimed: null });
    // X-Real-IP is as client-controlled as anything else: never an address.
    expect(clientAddress(new Headers({ 'x-real-ip': '203.0.113.9' }), oneProxy).ip).toBeNull();
  });

  it('keeps a hostile claim short and printable', () => {
    const claim = clientAddress({ 'x-forwarded-for': `a\u0000b\u00e9${'x'.repeat(500)}` }, noProxy).claimed!;
    expect(claim).toMatch(/^[\x21-\x7e]+$/);
    expect(claim.length).toBeLessThanOrEqual(200);
  });

  it('reads TRUSTED_PROXY_HOPS, default 0; nonsense is 0', () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: '2' })).toBe(2);
    for (const bad of ['-1', '1.5', 'yes', '99']) expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: bad })).toBe(0);
  });
});
