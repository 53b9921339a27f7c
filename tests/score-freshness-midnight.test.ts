// Scores go stale at the Beijing midnight after they were computed while their period had not
// ended (docs/scoring.md "Freshness of ledger indicators"): an open item may fall due then.
// Scores computed after the period's end, and finalized periods, do not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';
import { staleness } from './support/scores';
import { ensurePeriods } from '@/db/queries/periods';
import { readFlagSet } from '@/db/queries/integrity';
import { readCacheHeader } from '@/db/queries/scores';
import { seedBasics } from '@/lib/ingest/test-support';
import { chinaDay } from '@/lib/periods/calendar';
import { periodsOfMonths } from '@/lib/periods/codes';
import { freshScores, recomputePeriod } from '@/lib/scores';
import type { Database } from '@/db/types';

let database: Database;
const thisMonth = chinaDay(new Date()).slice(0, 7);
const PAST = '2025-03';

beforeAll(async () => {
  database = await createTestDatabase();
  await seedBasics(database);
  await ensurePeriods(database, periodsOfMonths([PAST, thisMonth]));
  await recomputePeriod(database, thisMonth);
  await recomputePeriod(database, PAST);
});
afterAll(() => database.close());

const setComputedAt = (period: string, instant: string) => database.query(`update period_scores set computed_at = $2 where period = $1`, [period, instant]);
const isStale = async (period: string) => (await staleness(database)).find((r) => r.period === period)?.stale;

describe('freshness across a Beijing midnight', () => {
  it('is fresh on the day it was computed', async () => {
    expect(await isStale(thisMonth)).toBe(false);
    expect((await readCacheHeader(database, thisMonth))!.stale).toBe(false);
  });

  it('goes stale the next Beijing day for a period that had not ended, and freshScores recomputes it', async () => {
    await setComputedAt(thisMonth, new Date(Date.now() - 26 * 3_600_000).toISOString());
    expect(await isStale(thisMonth)).toBe(true);
    expect((await readCacheHeader(database, thisMonth))!.stale).toBe(true);
    const header = await freshScores(database, thisMonth);
    expect(header!.stale).toBe(false);
  });

  it('the integrity flags stored with them go stale at the same midnight (the zombie window ends today), and are recomputed with them', async () => {
    const yesterday = new Date(Date.now() - 26 * 3_600_000).toISOString();
    expect((await readFlagSet(database, thisMonth))!.stale).toBe(false);
    await setComputedAt(thisMonth, yesterday);
    await database.query(`update integrity_flag_sets set computed_at = $2 where period = $1`, [thisMonth, yesterday]);
    expect((await readFlagSet(database, thisMonth))!.stale).toBe(true);
    await freshScores(database, thisMonth);
    const flags = (await readFlagSet(database, thisMonth))!;
    expect([flags.stale, flags.computedAt.getTime() > Date.parse(yesterday)]).toEqual([false, true]);
  });

  it('stays fresh when computed after the period ended, or once the period is finalized', async () => {
    await setComputedAt(PAST, '2025-04-02T10:00:00+08:00');
    expect(await isStale(PAST)).toBe(false);
    await setComputedAt(PAST, '2025-03-20T10:00:00+08:00'); // computed mid-period, long ago
    expect(await isStale(PAST)).toBe(true);
    await database.query(`update periods set status = 'finalized' where code = $1`, [PAST]);
    expect(await isStale(PAST)).toBe(false);
  });
});
