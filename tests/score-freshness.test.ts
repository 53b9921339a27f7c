// lib/scores/freshness.ts on a small seeded province: a recompute saves only if its period's
// data generation did not move while it ran, recomputes of one period merge, and a writer
// never waits for a recompute. Runs on PGlite, and on PostgreSQL with DATABASE_URL (the
// writer-does-not-wait case needs two connections, so PostgreSQL only).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { onPostgres, useTestDatabase } from './support/db';
import { markStale, staleness } from './support/scores';
import { setDatabase } from '@/db/client';
import { seedDemoProvince } from '@/lib/demo/seed';
import type { Database, Session } from '@/db/types';
import { freshScores, markChanged, recomputePeriod, refreshPeriods } from '@/lib/scores';
import { allIndicators, selfReportedScheme as defaultScheme, schemeHash } from '@/lib/scoring'; // the self-reported scheme (v1): these numbers describe it

// Counts the matrix reads (one per recompute that did the work) and lets a test act while one runs.
const hooks = vi.hoisted(() => ({ matrixReads: 0, during: null as null | ((tx: Session) => Promise<void>) }));
vi.mock('@/db/queries/matrix', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/db/queries/matrix')>();
  return {
    ...real,
    loadPeriodMatrix: async (...args: Parameters<typeof real.loadPeriodMatrix>) => {
      hooks.matrixReads++;
      const during = hooks.during;
      hooks.during = null;
      if (during) await during(args[0]);
      return real.loadPeriodMatrix(...args);
    },
  };
});

let database: Database;
const isStale = async (period: string) => (await staleness(database)).find((r) => r.period === period)?.stale;

beforeAll(async () => {
  database = await useTestDatabase();
  await seedDemoProvince(database, {
    departments: 6,
    months: ['2026-09', '2026-10'],
    seed: 5,
    indicators: allIndicators(defaultScheme),
    scheme: { name: defaultScheme.name, body: defaultScheme, hash: schemeHash(defaultScheme) },
    passwordHash: '$2b$11$notarealhashnotarealhashnotarealhashnotarealhash00',
  });
  await refreshPeriods(database, ['2026-10']);
});

afterAll(async () => {
  setDatabase(undefined);
  await database.close();
});

beforeEach(() => {
  hooks.matrixReads = 0;
  hooks.during = null;
});

describe('score freshness', () => {
  it('a writer marks its periods changed in its own transaction, and a rolled-back write marks nothing', async () => {
    expect(await isStale('2026-10')).toBe(false);
    await expect(
      database.transaction(async (tx) => {
        await markChanged(tx, ['2026-10']);
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    expect(await isStale('2026-10')).toBe(false);
    await markStale(database, ['2026-10']);
    expect(await isStale('2026-10')).toBe(true);
    await refreshPeriods(database, ['2026-10']);
    expect(await isStale('2026-10')).toBe(false);
  });

  it('a recompute during which new data lands saves nothing, and the next one saves', async () => {
    await markStale(database, ['2026-10']);
    const [{ computed_at: before }] = await database.query<{ computed_at: string }>(`select computed_at::text from period_scores where period = '2026-10'`);
    hooks.during = (tx) => markChanged(tx, ['2026-10']); // a batch landing while the inputs are read
    expect(await recomputePeriod(database, '2026-10', { onlyIfStale: true })).toBe('superseded');
    const [{ computed_at: still }] = await database.query<{ computed_at: string }>(`select computed_at::text from period_scores where period = '2026-10'`);
    expect(still).toBe(before);
    expect(await isStale('2026-10')).toBe(true);
    expect(await recomputePeriod(database, '2026-10', { onlyIfStale: true })).toMatchObject({ period: '2026-10' });
    expect(await isStale('2026-10')).toBe(false);
  });

  it('refreshing retries when superseded, so a reader of the API gets scores that include every write', async () => {
    await markStale(database, ['2026-10']);
    hooks.during = (tx) => markChanged(tx, ['2026-10']);
    const header = await freshScores(database, '2026-10');
    expect(header?.stale).toBe(false);
    expect(hooks.matrixReads).toBe(2);
  });

  it('merges concurrent recomputes of one period: the engine runs once', async () => {
    await markStale(database, ['2026-10']);
    await Promise.all([refreshPeriods(database, ['2026-10']), refreshPeriods(database, ['2026-10']), freshScores(database, '2026-10'), refreshPeriods(database, ['2026-10'])]);
    expect(hooks.matrixReads).toBe(1);
    expect(await isStale('2026-10')).toBe(false);
  });

  it.runIf(onPostgres())('never makes a writer wait for a recompute in progress', async () => {
    await markStale(database, ['2026-10']);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let writerDone = false;
    hooks.during = async () => {
      // While the recompute holds its lock and reads the inputs, a writer commits.
      await database.transaction((tx) => markChanged(tx, ['2026-10']));
      writerDone = true;
      await held;
    };
    const recompute = recomputePeriod(database, '2026-10', { onlyIfStale: true });
    await vi.waitFor(() => expect(writerDone).toBe(true), { timeout: 5000 });
    release();
    expect(await recompute).toBe('superseded');
    expect(await isStale('2026-10')).toBe(true);
  });
});
