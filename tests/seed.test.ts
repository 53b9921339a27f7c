import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/db';
import { seedDemoProvince, isEmpty } from '@/lib/demo/seed';
import { migrationStatus, migrateDatabase } from '@/db/migrate';
import { allIndicators, selfReportedScheme as defaultScheme, schemeHash } from '@/lib/scoring'; // the self-reported scheme (v1): these numbers describe it
import type { Database } from '@/db/types';
import { verifyAuditChain } from '@/lib/audit/log';

const options = (seed: number) => ({
  departments: 20,
  months: ['2026-08', '2026-09', '2026-10'],
  seed,
  indicators: allIndicators(defaultScheme),
  scheme: { name: defaultScheme.name, body: defaultScheme, hash: schemeHash(defaultScheme) },
  passwordHash: '$2b$11$notarealhashnotarealhashnotarealhashnotarealhash00',
});

async function fingerprint(database: Database): Promise<string> {
  const [events] = await database.query<{ h: string }>(
    `select md5(string_agg(concat_ws(',', provider, day, consumer, resource, calls, records, failures), ';' order by provider, day, consumer, resource)) as h from sharing_events`,
  );
  const [values] = await database.query<{ h: string }>(
    `select md5(string_agg(concat_ws(',', department_code, period, indicator, value), ';' order by department_code, period, indicator)) as h from indicator_values`,
  );
  return `${events.h}/${values.h}`;
}

let a: TestDatabase;
let b: TestDatabase;
beforeAll(async () => {
  [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
});
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
});

describe('migrations', () => {
  it('apply from zero and are current; re-running changes nothing', async () => {
    expect(await migrationStatus(a)).toBe('current'); // the app's role reads it (/api/health)
    await a.asOwner((owner) => migrateDatabase(owner)); // migrations run as the owner
    expect(await migrationStatus(a)).toBe('current');
    const tables = await a.query<{ t: string }>(`select tablename as t from pg_tables where schemaname = 'public' order by 1`);
    expect(tables.map((r) => r.t)).toEqual(expect.arrayContaining(['audit_log', 'departments', 'sharing_events', 'indicator_values', 'snapshots', 'period_scores']));
  });
});

describe('demo province seed', () => {
  it('is reproducible for a given seed and differs for another', async () => {
    expect(await isEmpty(a)).toBe(true);
    await seedDemoProvince(a, options(7));
    await seedDemoProvince(b, options(7));
    expect(await fingerprint(a)).toBe(await fingerprint(b));
    const other = await createTestDatabase();
    try {
      await seedDemoProvince(other, options(8));
      expect(await fingerprint(other)).not.toBe(await fingerprint(a));
    } finally {
      await other.close();
    }
  });

  it('is realistic: every department has data, self-calls and failures exist, top providers dominate', async () => {
    const [{ without }] = await a.query<{ without: number }>(
      `select count(*)::int as without from departments d
       where not exists (select 1 from indicator_values v where v.department_code = d.code)
          or not exists (select 1 from sharing_events e where e.provider = d.code or e.consumer = d.code)`,
    );
    expect(without).toBe(0);
    const [{ self, failures }] = await a.query<{ self: number; failures: number }>(
      `select count(*) filter (where provider = consumer)::int as self, sum(failures)::float8 as failures from sharing_events`,
    );
    expect(self).toBeGreaterThan(0);
    expect(failures).toBeGreaterThan(0);
    const shares = await a.query<{ calls: number }>(
      `select sum(calls)::float8 as calls from sharing_events where provider <> consumer group by provider order by 1 desc`,
    );
    const total = shares.reduce((s, r) => s + r.calls, 0);
    const top = shares.slice(0, Math.ceil(shares.length / 10)).reduce((s, r) => s + r.calls, 0);
    expect(top / total).toBeGreaterThan(0.5);
  });

  it('has every metric indicator, some gaps, roles and one exempted incident', async () => {
    const metricCodes = allIndicators(defaultScheme).filter((i) => i.source === 'metric').map((i) => i.code);
    const rows = await a.query<{ indicator: string; n: number }>('select indicator, count(*)::int as n from indicator_values group by indicator');
    expect(rows.map((r) => r.indicator).sort()).toEqual([...metricCodes].sort());
    const expected = 20 * 3 * metricCodes.length;
    const stored = rows.reduce((s, r) => s + r.n, 0);
    expect(stored).toBeLessThan(expected);
    expect(stored).toBeGreaterThan(expected * 0.9);
    const roles = await a.query<{ role: string }>('select distinct role from users order by 1');
    expect(roles.map((r) => r.role)).toEqual(['admin', 'assessor', 'auditor', 'department', 'leader', 'security']);
    const [{ n }] = await a.query<{ n: number }>(`select count(*)::int as n from users where role = 'department'`);
    expect(n).toBe(21);
    const incidents = await a.query<{ exemption_status: string }>('select exemption_status from incidents');
    expect(incidents.length).toBeGreaterThan(0);
    expect(incidents.filter((i) => i.exemption_status === 'granted')).toHaveLength(1);
    const audit = await a.query<{ action: string; actor: string }>('select action, actor from audit_log order by id');
    expect(audit).toEqual([{ action: 'seed.demo', actor: 'cli' }]);
    expect(await verifyAuditChain(a)).toMatchObject({ ok: true, count: 1 });
    const periods = await a.query<{ code: string }>('select code from periods order by code');
    expect(periods.map((p) => p.code)).toEqual(['2026', '2026-08', '2026-09', '2026-10', '2026-Q3', '2026-Q4']);
  });
});
