// The layers point one way (README "Architecture"): no import cycles between lib/
// modules, components/ never reaches into app/ or db/, app/ holds no SQL, and the
// scoring engine imports nothing of ours. Read from the sources' own import lines.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');
const SOURCE = /\.(ts|tsx|mts)$/;
const TEST = /\.test\.(ts|tsx|mts)$|test-support\.ts$/;

function sources(folder: string): string[] {
  return readdirSync(join(ROOT, folder)).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return SOURCE.test(name) && !TEST.test(name) ? [path] : [];
  });
}

/** The repository paths a file imports (relative and '@/' specifiers; packages left out). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
  return specifiers.flatMap((spec) => {
    if (spec.startsWith('@/')) return [spec.slice(2)];
    if (spec.startsWith('.')) return [relative(ROOT, resolve(join(ROOT, dirname(file)), spec))];
    return [];
  });
}

/** lib/<module> of a path, or null. */
const libModule = (path: string) => (/^lib\/([^/.]+)/.exec(path)?.[1] ?? null);

const lib = sources('lib');

/** The cycles of the module graph: every strongly connected group of two or more modules. */
function moduleCycles(): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const file of lib) {
    const from = libModule(file)!;
    for (const target of importsOf(file)) {
      const to = libModule(target);
      if (to && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  // Tarjan's strongly connected components.
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const groups: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    for (const to of edges.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (stack.includes(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        group.push(member);
      } while (member !== node);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return groups;
}

const offending = (files: string[], rule: (target: string) => boolean) =>
  files.flatMap((file) => importsOf(file).filter(rule).map((target) => `${file} → ${target}`));

describe('the layers', () => {
  it('has no import cycle between lib/ modules', () => {
    expect(moduleCycles()).toEqual([]);
  });

  it('keeps components/ out of app/ and db/ (pages pass server actions to forms as props)', () => {
    expect(offending(sources('components'), (t) => t.startsWith('app/') || t.startsWith('db/'))).toEqual([]);
  });

  it('keeps lib/scoring free of every other folder of ours', () => {
    expect(offending(sources('lib/scoring'), (t) => !t.startsWith('lib/scoring'))).toEqual([]);
  });

  it('keeps SQL out of app/: no query builder, no SQL text, no db/queries', () => {
    const sql = /\bsql`|from '(drizzle-orm|@\/db\/queries)/;
    expect(sources('app').filter((file) => sql.test(readFileSync(join(ROOT, file), 'utf8')))).toEqual([]);
  });
});
