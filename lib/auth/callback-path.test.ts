import { describe, expect, it } from 'vitest';
import { safeCallbackPath, safeRedirect } from './callback-path';

// Each would leave the site once a browser resolves it (tabs and newlines dropped, `\` read as `/`).
const HOSTILE = [
  '/\t/evil.example',
  '/%09/evil.example',
  '/%0a/evil.example',
  '/%0D%0A/evil.example',
  '/\n/evil.example',
  '/\r/evil.example',
  '/\u0000/evil.example',
  '/%00/evil.example',
  '//evil.example',
  '//evil.example/x',
  '/\\evil.example',
  '/%5Cevil.example',
  '/%5c/evil.example',
  '/%2F/evil.example',
  '/%2f%2fevil.example',
  '/x\\..\\..\\evil.example',
  'https://evil.example',
  'http:evil.example',
  'javascript:alert(1)',
  ' /rankings',
  'evil.example',
  '/%E0%A4%A', // malformed percent-encoding
  '',
  null,
  undefined,
];

describe('safeCallbackPath', () => {
  it.each(HOSTILE.map((v) => [JSON.stringify(v), v]))('refuses %s', (_, value) => {
    expect(safeCallbackPath(value as string | null | undefined)).toBe('/');
  });

  it('keeps same-site paths, queries and fragments as they are', () => {
    for (const ok of ['/', '/rankings?period=2026-Q3', '/departments/GAT#trend', '/rankings?q=%E5%85%AC%E5%AE%89', '/a/b//c'])
      expect(safeCallbackPath(ok)).toBe(ok);
  });
});

describe('safeRedirect (next-auth redirect callback)', () => {
  const base = 'http://localhost:3000';
  it('keeps paths and same-origin URLs on this site', () => {
    expect(safeRedirect('/rankings', base)).toBe('http://localhost:3000/rankings');
    expect(safeRedirect('http://localhost:3000/audit?page=2', base)).toBe('http://localhost:3000/audit?page=2');
  });
  it('sends everything else to the root of this site', () => {
    for (const bad of [...HOSTILE.filter((v): v is string => typeof v === 'string'), 'http://localhost:3001/x', 'http://localhost:3000//evil.example', 'http://localhost:3000/%09/evil.example'])
      expect(safeRedirect(bad, base)).toBe('http://localhost:3000/');
  });
});
