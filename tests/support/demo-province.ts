// The demo province the ranking tests read (docs/scoring.md): what `npm run demo` seeds —
// 60 departments, the 12 months up to 2026-11, seed 20261126 — under a given scheme, and a
// way to try an attack on it and roll it back.
import { seedDemoProvince } from '@/lib/demo/seed';
import type { Database, Session } from '@/db/types';
import { recentMonths } from '@/lib/periods/codes';
import { allIndicators, schemeHash, type Scheme } from '@/lib/scoring';

type Extra = Omit<Parameters<typeof seedDemoProvince>[1], 'departments' | 'months' | 'seed' | 'indicators' | 'scheme' | 'passwordHash'>;

export async function seedRankingDemo(database: Database, scheme: Scheme, extra: Extra = {}): Promise<void> {
  await seedDemoProvince(database, {
    departments: 60,
    months: recentMonths('2026-12-02', 12),
    seed: 20261126,
    indicators: allIndicators(scheme),
    scheme: { name: scheme.name, body: scheme, hash: schemeHash(scheme) },
    passwordHash: '$2b$11$notarealhashnotarealhashnotarealhashnotarealhash00',
    ...extra,
  });
}

/** Runs `fn` inside a transaction that is rolled back, and returns what it returned. */
export async function rolledBack<T>(database: Database, fn: (tx: Session) => Promise<T>): Promise<T> {
  let seen: T | undefined;
  await database
    .transaction(async (tx) => {
      seen = await fn(tx);
      throw new Error('roll back');
    })
    .catch((err: Error) => {
      if (err.message !== 'roll back') throw err;
    });
  return seen as T;
}
