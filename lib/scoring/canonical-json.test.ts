import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { defaultScheme } from './default-scheme';
import { schemeHash } from './scheme-hash';
import type { Scheme } from './scheme-schema';
import { sha256Hex } from './sha256';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [{ d: true, c: null }, 'x'], e: { g: 2, f: 'é' } })).toBe('{"a":[{"c":null,"d":true},"x"],"b":1,"e":{"f":"é","g":2}}');
  });
  it('drops undefined properties like JSON.stringify', () => {
    expect(canonicalJson({ a: undefined, b: [undefined] })).toBe('{"b":[null]}');
  });
  it('refuses non-finite numbers', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(/finite/);
    expect(() => canonicalJson([Infinity])).toThrow(/finite/);
  });
  it('does not depend on key insertion order and round-trips through JSON.parse', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe('sha256Hex', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });
  it('agrees with node:crypto on any text, including multi-byte characters and block edges', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
    );
  });
});

/** The same data with every object's keys in reverse insertion order. */
const reverseKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
  return value;
};

describe('schemeHash', () => {
  it('is sha256 of the canonical scheme, independent of key order', () => {
    expect(schemeHash(defaultScheme)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(schemeHash(defaultScheme)).toBe(`sha256:${createHash('sha256').update(canonicalJson(defaultScheme)).digest('hex')}`);
    expect(schemeHash(reverseKeys(defaultScheme) as Scheme)).toBe(schemeHash(defaultScheme));
  });
  it('changes when any weight changes', () => {
    const changed = structuredClone(defaultScheme);
    changed.dimensions[0].weight = 0.31;
    expect(schemeHash(changed)).not.toBe(schemeHash(defaultScheme));
  });
});
