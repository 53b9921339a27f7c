// Scheme versions with an effective date (docs/scoring.md "Scheme versions and effective_from"):
// an open period uses the highest version in force on its first day; a published or
// finalized period keeps its stored scheme; the CLI path stores the date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';
import { ensurePeriods, getPeriodRow, setPeriodPublished } from '@/db/queries/periods';
import { CLI } from '@/lib/auth/principal';
import { seedBasics } from '@/lib/ingest/test-support';
import { periodsOfMonths } from '@/lib/periods/codes';
import { recomputePeriod } from '@/lib/scores/recompute';
import { schemeForPeriod } from '@/lib/scores/active-scheme';
import { defaultScheme } from '@/lib/scoring';
import { saveScheme } from '@/lib/schemes/service';
import type { Database } from '@/db/types';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedBasics(database); // v1: the self-reported scheme, effective from the start
  await ensurePeriods(database, periodsOfMonths(['2026-08', '2026-09', '2026-10', '2026-11']));
});
afterAll(() => database.close());

const versionFor = async (code: string) => (await schemeForPeriod(database, (await getPeriodRow(database, code))!)).version;

describe('scheme effective_from', () => {
  it('refuses a malformed date', async () => {
    await expect(saveScheme(database, { principal: CLI }, { body: defaultScheme, reason: 'x', effectiveFrom: '2026-13-01' })).rejects.toMatchObject({ status: 400 });
  });

  it('scores open periods starting before the date with the earlier version, the rest with the new one', async () => {
    const q3 = (await getPeriodRow(database, '2026-Q3'))!;
    const v1Id = (await schemeForPeriod(database, q3)).id!;
    // 2026-08 is published under v1 before v2 is saved: it keeps v1 and stays published (it starts before the date)
    await setPeriodPublished(database, '2026-08', { publishedAt: new Date(), appealDeadline: new Date(Date.now() + 864e5), schemeId: v1Id });
    const saved = await saveScheme(database, { principal: CLI }, { body: defaultScheme, reason: '台账口径', effectiveFrom: '2026-10-01' });
    expect(saved.scheme).toMatchObject({ version: 2, effectiveFrom: '2026-10-01' });
    expect(saved.withdrawn).toEqual([]);
    expect(await versionFor('2026-Q3')).toBe(1);
    expect(await versionFor('2026-09')).toBe(1);
    expect(await versionFor('2026-08')).toBe(1);
    expect(await versionFor('2026-10')).toBe(2);
    expect(await versionFor('2026-Q4')).toBe(2);
    expect(await versionFor('2026')).toBe(1); // the year starts before the date
    const summary = await recomputePeriod(database, '2026-Q4');
    expect(summary && summary !== 'superseded' && summary.scheme.version).toBe(2);
  });

  it('a version without a date applies to every period not published or finalized', async () => {
    const body = { ...defaultScheme, name: '方案 v3' };
    await saveScheme(database, { principal: CLI }, { body, reason: '全部适用' });
    expect(await versionFor('2026-Q3')).toBe(3);
    expect(await versionFor('2026-08')).toBe(3); // withdrawn by the save: open again
    expect((await getPeriodRow(database, '2026-08'))!.status).toBe('open');
  });
});
