// Pins the Next.js API the shared views rely on (Cache Components): the config flag, the
// 'use cache' directive at the top of each shared loader with the scores' stamps in its key,
// and what sharedView / forgetSharedViews ask of next/cache inside and outside Next.js.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const nextCache = vi.hoisted(() => ({ cacheLife: vi.fn(), cacheTag: vi.fn(), revalidateTag: vi.fn() }));
vi.mock('next/cache', () => nextCache);

import type { NextConfig } from 'next';
import { forgetSharedViews, periodTag, sharedView } from './shared-cache';

const source = (file: string) => readFileSync(path.join(process.cwd(), file), 'utf8');

describe('Cache Components', () => {
  it('is on in next.config.js', async () => {
    const { default: nextConfig } = (await import('../../next.config.js' as string)) as { default: NextConfig };
    expect(nextConfig.cacheComponents).toBe(true);
  });

  it.each([
    ['lib/dashboard/rankings.ts', 'sharedOverview', 'key: PeriodKey'],
    ['lib/dashboard/rankings.ts', 'sharedTablePage', 'key: PeriodKey'],
    ['lib/dashboard/rankings.ts', 'sharedTrend', 'stamps: string[]'],
    ['lib/dashboard/department.ts', 'sharedDepartment', 'key: DepartmentKey'],
    ['lib/dashboard/department.ts', 'sharedPeriodFacts', 'stamp: string'],
    ['lib/dashboard/flows.ts', 'sharedFlows', 'stamp: string'],
    ['lib/ledgers/department-lines.ts', 'sharedLedgerLines', 'key: LinesKey'],
  ])("%s: %s is a 'use cache' function keyed by the scores' stamps", (file, name, keyArgument) => {
    const text = source(file);
    const body = new RegExp(`export async function ${name}\\([^)]*${keyArgument.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^)]*\\)[^{]*\\{\\n\\s*'use cache';\\n\\s*sharedView\\(`);
    expect(text).toMatch(body);
  });

  it('has every key carry the stamps (data generations) of the periods it reads', () => {
    expect(source('lib/dashboard/rankings.ts')).toMatch(/stamps: compared\.map\(\(p\) => scores\[p\]\.stamp\)/);
    expect(source('lib/dashboard/rankings.ts')).toMatch(/stamps: trendPeriods\.map\(\(p\) => scores\[p\]\.stamp\)/);
    expect(source('lib/dashboard/department.ts')).toMatch(/stamps: read\.map\(\(p\) => scores\[p\]\.stamp\)/);
    expect(source('lib/dashboard/department.ts')).toMatch(/stamp: scores\[period\.code\]\.stamp/); // what a department page's ledger lines are keyed by
    expect(source('lib/ledgers/department-lines.ts')).toMatch(/stamp: view\.stamp, today/);
  });
});

describe('sharedView and forgetSharedViews', () => {
  const saved = process.env.__NEXT_USE_CACHE;
  beforeEach(() => vi.clearAllMocks());
  afterEach(() => {
    if (saved === undefined) delete process.env.__NEXT_USE_CACHE;
    else process.env.__NEXT_USE_CACHE = saved;
  });

  it('inside Next.js: a lifetime and one tag per period read; a saved recompute expires its period’s tag', () => {
    process.env.__NEXT_USE_CACHE = 'true';
    sharedView(['2026-10', '2026-09', '2026-10']);
    expect(nextCache.cacheLife).toHaveBeenCalledWith('hours');
    expect(nextCache.cacheTag).toHaveBeenCalledWith(periodTag('2026-10'), periodTag('2026-09'));
    forgetSharedViews('2026-10');
    expect(nextCache.revalidateTag).toHaveBeenCalledWith('scores:2026-10', { expire: 0 });
  });

  it('outside Next.js (tests, the CLI): nothing is asked of next/cache, and a failing revalidation is not an error', () => {
    delete process.env.__NEXT_USE_CACHE;
    sharedView(['2026-10']);
    forgetSharedViews('2026-10');
    expect(nextCache.cacheLife).not.toHaveBeenCalled();
    expect(nextCache.revalidateTag).not.toHaveBeenCalled();
    process.env.__NEXT_USE_CACHE = 'true';
    nextCache.revalidateTag.mockImplementationOnce(() => {
      throw new Error('Invariant: static generation store missing');
    });
    expect(() => forgetSharedViews('2026-10')).not.toThrow();
  });
});
