// Integrity flags off the read path (issue #13, docs/performance.md "Integrity flags off the
// read path"): the recompute after a write computes a period's flags and stores them with its
// scores; pages only read the stored ones (marked as being updated while newer data is being
// checked), the API waits for the caller's own write as every API read does, a superseded
// recompute stores none, and a finalized period's flags are frozen. `after()` is captured so
// the test decides when "after the response" is; the four flag queries are counted.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const hooks = vi.hoisted(() => ({
  flagQueries: 0,
  afterResponse: [] as Array<() => Promise<unknown>>,
  during: null as null | ((tx: import('@/db/types').Session) => Promise<void>),
}));
vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/server')>()),
  after: (task: () => Promise<unknown>) => void hooks.afterResponse.push(task),
}));
vi.mock('@/db/queries/integrity', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/db/queries/integrity')>();
  const counted =
    <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
    (...args: A) => {
      hooks.flagQueries++;
      return f(...args);
    };
  return {
    ...real,
    loadPairFlags: counted(real.loadPairFlags),
    loadSpikeFlags: counted(real.loadSpikeFlags),
    loadZombieFlags: counted(real.loadZombieFlags),
    loadSelfReportFlags: counted(real.loadSelfReportFlags),
  };
});
vi.mock('@/db/queries/matrix', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/db/queries/matrix')>();
  return {
    ...real,
    loadPeriodMatrix: async (...args: Parameters<typeof real.loadPeriodMatrix>) => {
      const during = hooks.during;
      hooks.during = null;
      if (during) await during(args[0]);
      return real.loadPeriodMatrix(...args);
    },
  };
});

import { useTestDatabase } from './support/db';
import { markStale } from './support/scores';
import { setDatabase } from '@/db/client';
import type { Database } from '@/db/types';
import { GET as getIntegrity } from '@/app/api/v1/integrity/route';
import { POST as postEvents } from '@/app/api/v1/events/route';
import { flagGeneration, readFlagSet, readFlags } from '@/db/queries/integrity';
import { readCacheHeader } from '@/db/queries/scores';
import { finalizePeriod, publishPeriod } from '@/lib/assessment/service';
import { messages } from '@/lib/i18n';
import { flagBadgeLinks, integrityPageView } from '@/lib/integrity/views';
import { bearer, getRequest, seedBasics, uploadRequest } from '@/lib/ingest/test-support';
import { ADMIN } from '@/lib/periods/test-support';
import { markChanged, recomputePeriod } from '@/lib/scores';

const MONTH = '2026-10';
let database: Database;
let writer: string;
let reader: string;

/** Runs what was scheduled "after the response" so far (the recomputes writers and readers asked for). */
async function afterTheResponse() {
  while (hooks.afterResponse.length) await hooks.afterResponse.shift()!();
}

/** `calls` calls of each consumer to `provider` on three days of `month`, through the events API. */
async function ingest(month: string, provider: string, calls: Record<string, number>) {
  const rows = Object.entries(calls).flatMap(([consumer, n]) =>
    [1, 2, 3].map((d) => ({ date: `${month}-0${d}`, provider, consumer, resource: `${provider}-R`, calls: Math.round(n / 3) })),
  );
  const response = await postEvents(uploadRequest('events', { rows }, { token: writer }));
  expect(response.status).toBe(201);
}

const flagsOfApi = async (period = MONTH) => {
  const response = await getIntegrity(getRequest(`/api/v1/integrity?period=${period}`, reader));
  expect(response.status).toBe(200);
  return ((await response.json()) as { flags: Array<{ department: string; kind: string; severity: string }> }).flags;
};
const storedDepartments = async (period = MONTH) => (await readFlags(database, period)).map((f) => `${f.department}:${f.kind}`);

beforeAll(async () => {
  database = await useTestDatabase();
  await seedBasics(database, [
    ['P1', '提供方一'],
    ['P2', '提供方二'],
    ['P3', '提供方三'],
    ['C1', '使用方一'],
    ['C2', '使用方二'],
    ['C3', '使用方三'],
  ]);
  writer = await bearer(database, ['events:write']);
  reader = await bearer(database, ['scores:read']);
});

afterAll(async () => {
  setDatabase(undefined);
  await database.close();
});

beforeEach(() => {
  hooks.flagQueries = 0;
  hooks.during = null;
});

describe('integrity flags stored by the recompute', () => {
  it('the API right after an ingest includes the flags of the caller’s write (it waits, as every API read does)', async () => {
    await ingest(MONTH, 'P1', { C1: 600, C2: 201, C3: 201 }); // C1 makes 60 % of P1's calls
    expect(hooks.afterResponse.length).toBeGreaterThan(0); // the writer only scheduled the recompute
    expect(await readFlagSet(database, MONTH)).toBeNull();
    const flags = await flagsOfApi();
    expect(flags).toContainEqual(expect.objectContaining({ department: 'P1', kind: 'consumer_concentration', severity: 'warn' }));
    expect(hooks.flagQueries).toBe(4);
    await afterTheResponse();
  });

  it('stores them with the scores, stamped with the flag generation, for the month, its quarter and its year', async () => {
    for (const period of [MONTH, '2026-Q4', '2026']) {
      const header = (await readFlagSet(database, period))!;
      expect(header).toMatchObject({ stale: false, flags: 1 });
      expect(header.generation).toBe(await flagGeneration(database, period, period === '2026' ? '2026-12' : MONTH));
      expect(await storedDepartments(period)).toEqual(['P1:consumer_concentration']);
    }
  });

  it('a page read after a write runs no flag query: it shows the stored flags, as being updated, until the recompute ran', async () => {
    await ingest(MONTH, 'P2', { C1: 900, C2: 51, C3: 51 }); // 90 %: high
    const t = messages('zh-CN');
    expect(Object.keys(await flagBadgeLinks(ADMIN, MONTH, t, ['P1', 'P2']))).toEqual(['P1']);
    const page = (await integrityPageView(ADMIN, { period: MONTH }))!;
    expect([page.flags.map((f) => f.department), page.computing, page.updatingSince]).toEqual([['P1'], false, expect.any(Date)]);
    expect(hooks.flagQueries).toBe(0);

    await afterTheResponse(); // the recompute the writer (and the readers) scheduled
    expect(hooks.flagQueries).toBeGreaterThan(0);
    expect(await flagBadgeLinks(ADMIN, MONTH, t, ['P1', 'P2'])).toMatchObject({ P1: { severity: 'warn' }, P2: { severity: 'high' } });
    expect((await integrityPageView(ADMIN, { period: MONTH }))!.updatingSince).toBeNull();
  });

  it('a superseded recompute stores no flags (nor scores)', async () => {
    await markStale(database, [MONTH]);
    hooks.afterResponse.length = 0;
    const before = (await readFlagSet(database, MONTH))!;
    await database.query(`delete from integrity_flags where period = $1 and department = 'P2'`, [MONTH]); // would come back if saved
    hooks.during = (tx) => markChanged(tx, [MONTH]); // data landing while the inputs are read
    expect(await recomputePeriod(database, MONTH, { onlyIfStale: true })).toBe('superseded');
    expect(await readFlagSet(database, MONTH)).toEqual({ ...before, stale: true });
    expect(await storedDepartments()).toEqual(['P1:consumer_concentration']);
    hooks.afterResponse.length = 0;
    expect(await recomputePeriod(database, MONTH, { onlyIfStale: true })).toMatchObject({ period: MONTH, timings: { flags: expect.any(Number) } });
    expect(await storedDepartments()).toEqual(['P2:consumer_concentration', 'P1:consumer_concentration']);
  });

  it('a write to an earlier month (a spike’s history) makes a later month’s flags stale, not its scores; the API recomputes them', async () => {
    await ingest('2026-09', 'P3', { C1: 10 });
    hooks.afterResponse.length = 0; // only 2026-09, Q3 and 2026 were scheduled
    expect((await readCacheHeader(database, MONTH))!.stale).toBe(false);
    expect((await readFlagSet(database, MONTH))!.stale).toBe(true);
    await flagsOfApi();
    expect(hooks.flagQueries).toBe(4);
    expect((await readFlagSet(database, MONTH))!.stale).toBe(false);
    // The spike's monthly sums of 2026-09 were summed again (they were stale with the month).
    const sums = await database.query<{ provider: string; calls: number }>(`select provider, calls from integrity_monthly_calls where month = '2026-09'`);
    expect(sums).toEqual([{ provider: 'P3', calls: 9 }]);
    const [fresh] = await database.query<{ same: boolean }>(
      `select s.generation = g.generation as same from integrity_monthly_call_sets s join score_generations g on g.period = s.month where s.month = '2026-09'`,
    );
    expect(fresh.same).toBe(true);
  });

  it('a finalized period keeps the flags stored at finalization: no recompute replaces them', async () => {
    await publishPeriod(database, { principal: ADMIN, now: new Date('2026-11-02T02:00:00Z') }, MONTH);
    await finalizePeriod(database, { principal: ADMIN, now: new Date('2026-11-20T02:00:00Z') }, MONTH);
    hooks.afterResponse.length = 0;
    const frozen = (await readFlagSet(database, MONTH))!;
    expect(frozen.stale).toBe(false);
    // Calls that would flag P3 reach the month anyway (as a direct database edit would).
    await database.query(`insert into sharing_events (provider, day, consumer, resource, calls, records, failures)
      values ('P3', '2026-10-05', 'C1', 'P3-R', 900, 0, 0), ('P3', '2026-10-05', 'C2', 'P3-R', 50, 0, 0), ('P3', '2026-10-05', 'C3', 'P3-R', 50, 0, 0)`);
    await markStale(database, [MONTH]);
    hooks.flagQueries = 0;
    expect((await readFlagSet(database, MONTH))!.stale).toBe(false);
    expect(await recomputePeriod(database, MONTH, { onlyIfStale: true })).toBeNull();
    await expect(recomputePeriod(database, MONTH)).rejects.toMatchObject({ code: 'period_locked' });
    expect((await flagsOfApi()).map((f) => f.department)).toEqual(['P2', 'P1']);
    expect(hooks.flagQueries).toBe(0);
    expect(await readFlagSet(database, MONTH)).toEqual(frozen);
  });
});
