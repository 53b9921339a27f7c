import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// lib/scoring is pure and imports nothing of ours (README, "lib/scoring"): only its own
// files and zod. The sentences of its recommendations live in lib/i18n and are written
// by lib/advice from the facts the engine returns.
describe('lib/scoring imports', () => {
  it('only its own files and zod', () => {
    const dir = new URL('./', import.meta.url);
    const outside: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const source = readFileSync(new URL(file, dir), 'utf8');
      for (const [, from] of source.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)) {
        if (!from.startsWith('./') && from !== 'zod') outside.push(`${file}: ${from}`);
      }
    }
    expect(outside).toEqual([]);
  });
});
