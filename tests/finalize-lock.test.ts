// Finalization: the snapshot (every department, the scheme version and body, the
// input matrix, a sha256 over it), verify giving the same hash (service, API, page
// action, CLI), and the lock: after it every write path that would change the period
// is refused with 409 — the API, the page actions and the CLI.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const auth = vi.hoisted(() => ({ principal: null as null | { kind: 'user'; id: number; username: string; role: string; departmentCode: string | null } }));
vi.mock('@/lib/auth/session', () => ({
  getSignedInUser: async () => (auth.principal ? { principal: auth.principal, displayName: auth.principal.username } : null),
  getSessionPrincipal: async () => auth.principal,
}));
vi.mock('@/lib/auth/session-token', () => ({ principalFromCookieHeader: async () => auth.principal }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

import { useTestDatabase } from './support/db';
import { setDatabase } from '@/db/client';
import type { Database } from '@/db/types';
import { POST as postMetrics } from '@/app/api/v1/metrics/route';
import { POST as postEvents } from '@/app/api/v1/events/route';
import { POST as postAppeal } from '@/app/api/v1/appeals/route';
import { POST as postDecision } from '@/app/api/v1/appeals/[id]/decision/route';
import { POST as postIncident } from '@/app/api/v1/incidents/route';
import { POST as postExemption } from '@/app/api/v1/incidents/[id]/exemption/route';
import { POST as postExemptionDecision } from '@/app/api/v1/incidents/[id]/exemption/decision/route';
import { POST as postPublish } from '@/app/api/v1/periods/[period]/publish/route';
import { POST as postWithdraw } from '@/app/api/v1/periods/[period]/withdraw/route';
import { POST as postFinalize } from '@/app/api/v1/periods/[period]/finalize/route';
import { POST as postVerify } from '@/app/api/v1/periods/[period]/verify/route';
import { fileAppealAction, requestExemptionAction, verifyAction } from '@/app/assessment/actions';
import { decideAppealAction } from '@/app/admin/appeals/actions';
import { decideExemptionAction, recordIncidentAction } from '@/app/admin/exemptions/actions';
import { finalizeAction, publishAction, withdrawAction } from '@/app/admin/periods/actions';
import periodCommand from '@/scripts/commands/period';
import { CheckFailed } from '@/scripts/commands/_shared';
import { bearer } from '@/lib/ingest/test-support';
import { fileAppeal } from '@/lib/appeals/service';
import { recordIncident, requestExemption } from '@/lib/incidents/service';
import { assertPeriodWritable, assertPeriodsWritable, overlappingPeriods } from '@/lib/periods/lock';
import { finalizePeriod, publishPeriod, verifyPeriod } from '@/lib/assessment/service';
import { snapshotHash, SNAPSHOT_FORMAT, type SnapshotContent } from '@/lib/periods/snapshot';
import { readFileSync } from 'node:fs';
import { ADMIN, at, CYCLE_DEPARTMENTS, departmentUser, seedCycleProvince } from '@/lib/periods/test-support';
import { saveScheme } from '@/lib/schemes/service';
import { defaultScheme, ENGINE_VERSION, schemeHash, type ScoringInput, type ScoringResult } from '@/lib/scoring';

let database: Database;
let hash: string;
let token: string;
let openAppealId: number;
let incidentId: number;
let requestedIncidentId: number;

// The session cookie's content does not matter: the mocked session-token module returns auth.principal.
const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json', cookie: 'next-auth.session-token=test' }, body: JSON.stringify(body) });
const req = (path: string, init: RequestInit = { method: 'POST', headers: { cookie: 'next-auth.session-token=test' } }) => new Request(`http://localhost${path}`, init);
const params = <T>(value: T) => ({ params: Promise.resolve(value) });
const as = (principal: typeof auth.principal) => (auth.principal = principal);
const form = (fields: Record<string, string | number>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, String(v));
  return f;
};

beforeAll(async () => {
  database = await useTestDatabase();
  await seedCycleProvince(database);
  token = await bearer(database, ['metrics:write', 'events:write']);
  // An incident with no request yet and one with a pending request, before the period locks.
  const incident = await recordIncident(database, { principal: ADMIN, now: at('2026-10-01 09:00') }, { department: 'MZT', occurredOn: '2026-08-12', kind: 'quality', points: 2, description: '数据更新滞后' });
  incidentId = incident.id;
  const requested = await recordIncident(database, { principal: ADMIN, now: at('2026-10-01 09:00') }, { department: 'RST', occurredOn: '2026-08-20', kind: 'security', points: 3, description: '接口未脱敏' });
  requestedIncidentId = requested.id;
  await requestExemption(database, { principal: departmentUser('RST') }, requested.id, '已履行审核程序');

  // Q3 is finalized; the month 2026-07 is published with an open appeal in its window.
  await publishPeriod(database, { principal: ADMIN, now: at('2026-10-09 10:00') }, '2026-Q3');
  const result = await finalizePeriod(database, { principal: ADMIN, now: at('2026-10-16 09:00') }, '2026-Q3');
  hash = result.hash;
}, 120_000);

afterAll(async () => {
  setDatabase(undefined);
  await database.close();
});

describe('the snapshot', () => {
  it('stores every department, the scheme version and body, the input matrix and the sha256 over them', async () => {
    const [row] = await database.query<{ scheme_id: number; scheme: SnapshotContent['scheme']; inputs: ScoringInput; result: ScoringResult; hash: string; engine_version: number; created_by: string }>(
      `select * from snapshots where period = '2026-Q3'`,
    );
    expect(row.hash).toBe(hash);
    expect(row.engine_version).toBe(ENGINE_VERSION);
    expect(row.created_by).toBe('admin');
    expect(row.scheme).toMatchObject({ version: 1, hash: schemeHash(defaultScheme) });
    expect(row.scheme.body.name).toBe(defaultScheme.name);
    expect(row.inputs.departments.map((d) => d.code).sort()).toEqual(CYCLE_DEPARTMENTS.map(([c]) => c).sort());
    expect(row.inputs.values.GAT.accuracy_rate).toBeCloseTo(0.71, 10); // mean of 0.70, 0.71, 0.72
    // Both incidents deduct: RST's exemption is only requested, not granted.
    expect([...(row.inputs.incidents ?? [])].sort((a, b) => a.department.localeCompare(b.department))).toEqual([
      { department: 'MZT', points: 2, exempt: false },
      { department: 'RST', points: 3, exempt: false },
    ]);
    expect(row.result.departments).toHaveLength(CYCLE_DEPARTMENTS.length);
    // The hash is sha256 over the canonical JSON of exactly these stored parts.
    const content: SnapshotContent = { format: SNAPSHOT_FORMAT, engine: ENGINE_VERSION, period: '2026-Q3', scheme: row.scheme, inputs: row.inputs, result: row.result };
    expect(snapshotHash(content)).toBe(hash);
    const [period] = await database.query<{ status: string; snapshot_hash: string; scheme_id: number }>(`select status, snapshot_hash, scheme_id from periods where code = '2026-Q3'`);
    expect(period).toEqual({ status: 'finalized', snapshot_hash: hash, scheme_id: row.scheme_id });
  });

  it('becomes the score cache of the period, so pages show the finalized numbers', async () => {
    const [result] = await database.query<{ result: ScoringResult }>(`select result from snapshots where period = '2026-Q3'`);
    const cached = await database.query<{ department_code: string; rank: number; total: number }>(`select department_code, rank, total from department_scores where period = '2026-Q3' order by rank, department_code`);
    expect(cached).toEqual(result.result.departments.map((d) => ({ department_code: d.department, rank: d.rank, total: d.total })));
  });
});

describe('verify', () => {
  it('recomputes the same hash: service, API, page action and CLI', async () => {
    const check = await verifyPeriod(database, { principal: ADMIN }, '2026-Q3');
    expect(check).toMatchObject({ ok: true, storedHash: hash, recomputedHash: hash, periodHash: hash, changedDepartments: [] });

    as({ kind: 'user', id: 3, username: 'auditor', role: 'auditor', departmentCode: null });
    const response = await postVerify(req('/api/v1/periods/2026-Q3/verify'), params({ period: '2026-Q3' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, recomputedHash: hash });

    const state = await verifyAction({}, form({ period: '2026-Q3' }));
    expect(state).toMatchObject({ hash });
    expect(state.ok).toContain(hash);

    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await periodCommand.run(['verify', '--period', '2026-Q3'])).toBe(0);
      expect(out.mock.calls.map((c) => String(c[0])).join('')).toBe(`ok ${hash} (engine version ${ENGINE_VERSION})\n`);
    } finally {
      out.mockRestore();
    }
  });

  it('verifies a period finalized before engine versions were recorded, with the version that made it (1)', async () => {
    // Written by the code before this change (tests/fixtures/snapshot-engine-v1.json); the row predates the column.
    const v1 = JSON.parse(readFileSync(new URL('./fixtures/snapshot-engine-v1.json', import.meta.url), 'utf8'));
    const [{ id: schemeId }] = await database.query<{ id: number }>('select id from schemes order by version limit 1');
    await database.query(`insert into periods (code, kind, starts_on, ends_on) values ($1, 'quarter', '2026-01-01', '2026-03-31') on conflict do nothing`, [v1.period]);
    await database.query(`update periods set status = 'finalized', finalized_at = now(), finalized_by = 'admin', snapshot_hash = $1, scheme_id = $2 where code = $3`, [v1.hash, schemeId, v1.period]);
    await database.query('insert into snapshots (period, scheme_id, scheme, inputs, result, hash, created_by) values ($1, $2, $3::jsonb, $4::jsonb, $5::jsonb, $6, $7)', [
      v1.period, schemeId, JSON.stringify(v1.scheme), JSON.stringify(v1.inputs), JSON.stringify(v1.result), v1.hash, 'admin',
    ]);
    const check = await verifyPeriod(database, { principal: ADMIN }, v1.period);
    expect(check).toMatchObject({ ok: true, engineVersion: 1, recomputedHash: v1.hash, problem: null });
    await expect(periodCommand.run(['verify', '--period', v1.period])).resolves.toBe(0);
  });

  it('keeps verifying after the scheme changes: a finalized period keeps its scheme forever', async () => {
    await saveScheme(database, { principal: ADMIN }, { body: { ...defaultScheme, penaltyCap: 5 }, reason: '扣分上限调整为 5 分' });
    expect((await verifyPeriod(database, { principal: ADMIN }, '2026-Q3')).recomputedHash).toBe(hash);
    const [{ scheme_id }] = await database.query<{ scheme_id: number }>(`select scheme_id from periods where code = '2026-Q3'`);
    const [{ version }] = await database.query<{ version: number }>('select version from schemes where id = $1', [scheme_id]);
    expect(version).toBe(1);
  });

  it('fails (exit 1 in the CLI) when the stored result was altered', async () => {
    await database.query(`update snapshots set result = jsonb_set(result, '{departments,0,total}', '99.5') where period = '2026-Q3'`);
    const check = await verifyPeriod(database, { principal: ADMIN }, '2026-Q3');
    expect(check.ok).toBe(false);
    expect(check.recomputedHash).toBe(hash); // the inputs still give the finalized result…
    expect(check.changedDepartments).toHaveLength(1); // …which the stored one no longer is
    await expect(periodCommand.run(['verify', '--period', '2026-Q3'])).rejects.toBeInstanceOf(CheckFailed);
    // A period that is not finalized has nothing to verify: refused, exit 1.
    await expect(periodCommand.run(['verify', '--period', '2026-07'])).rejects.toBeInstanceOf(CheckFailed);
    await database.query(`update snapshots set result = jsonb_set(result, '{departments,0,total}', to_jsonb($1::float8)) where period = '2026-Q3'`, [
      (await database.query<{ total: number }>(`select total from department_scores where period = '2026-Q3' order by rank, department_code limit 1`))[0].total,
    ]);
    expect((await verifyPeriod(database, { principal: ADMIN }, '2026-Q3')).ok).toBe(true);
  });
});

describe('the lock', () => {
  it('lists the periods a write touches', () => {
    expect(overlappingPeriods('2026-08-12')).toEqual(['2026-08', '2026-Q3', '2026']);
    expect(overlappingPeriods('2026-Q3')).toEqual(['2026', '2026-07', '2026-08', '2026-09', '2026-Q3']);
    expect(overlappingPeriods('2026')).toHaveLength(17);
    expect(overlappingPeriods('bogus')).toEqual([]);
  });

  it('assertPeriodWritable refuses months, days and periods inside a finalized one, and allows others', async () => {
    for (const code of ['2026-08', '2026-07-01', '2026-Q3', '2026']) await expect(assertPeriodWritable(database, code)).rejects.toMatchObject({ status: 409, code: 'period_locked' });
    await expect(assertPeriodsWritable(database, ['2026-10', '2026-09'])).rejects.toMatchObject({ status: 409 });
    await expect(assertPeriodWritable(database, '2026-10')).resolves.toBeUndefined();
    await expect(assertPeriodWritable(database, '2025-12')).resolves.toBeUndefined();
  });

  it('API: metrics, events, appeals, decisions, incidents, exemptions and transitions answer 409', async () => {
    const metrics = await postMetrics(new Request('http://localhost/api/v1/metrics', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: 'department,period,indicator,value\nGAT,2026-08,accuracy_rate,0.5\n' }));
    expect(metrics.status).toBe(409);
    const events = await postEvents(new Request('http://localhost/api/v1/events', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: 'date,provider,consumer,resource,calls\n2026-09-02,GAT,MZT,GAT-R1,5\n' }));
    expect(events.status).toBe(409);

    as({ kind: 'user', id: 101, username: 'gat', role: 'department', departmentCode: 'GAT' });
    const appeal = await postAppeal(req('/api/v1/appeals', json({ period: '2026-Q3', reason: '申诉' })));
    expect(appeal.status).toBe(409);
    expect((await appeal.json()).error).toBe('appeal_window_closed');
    const exemption = await postExemption(req(`/api/v1/incidents/${incidentId}/exemption`, json({ justification: '依规共享' })), params({ id: String(incidentId) }));
    expect(exemption.status).toBe(403); // not GAT's incident
    as({ kind: 'user', id: 102, username: 'mzt', role: 'department', departmentCode: 'MZT' });
    const own = await postExemption(req(`/api/v1/incidents/${incidentId}/exemption`, json({ justification: '依规共享' })), params({ id: String(incidentId) }));
    expect(own.status).toBe(409);
    expect((await own.json()).error).toBe('period_locked');

    as({ kind: 'user', id: 1, username: 'admin', role: 'admin', departmentCode: null });
    const incident = await postIncident(req('/api/v1/incidents', json({ department: 'GAT', occurredOn: '2026-09-03', kind: 'quality', points: 1, description: '补录事件' })));
    expect(incident.status).toBe(409);
    const decision = await postExemptionDecision(req(`/api/v1/incidents/${requestedIncidentId}/exemption/decision`, json({ grant: true, reason: '同意' })), params({ id: String(requestedIncidentId) }));
    expect(decision.status).toBe(409);
    for (const [handler, path, body] of [
      [postPublish, '/api/v1/periods/2026-Q3/publish', {}],
      [postWithdraw, '/api/v1/periods/2026-Q3/withdraw', { reason: '撤回' }],
      [postFinalize, '/api/v1/periods/2026-Q3/finalize', {}],
    ] as const) {
      const response = await handler(req(path, json(body)), params({ period: '2026-Q3' }));
      expect(response.status, path).toBe(409);
    }
    // Nothing changed.
    const [{ n }] = await database.query<{ n: number }>(`select count(*)::int as n from incidents where department_code = 'GAT'`);
    expect(n).toBe(0);
  });

  it('API: an appeal decision on a finalized period is refused even if the appeal was left open', async () => {
    // Possible only by tampering (finalize refuses open appeals); the decision must still not write.
    await database.query(`insert into appeals (period, department_code, reason, created_by) values ('2026-Q3', 'GAT', '遗留申诉', 'gat')`);
    const [{ id }] = await database.query<{ id: number }>(`select max(id)::int as id from appeals`);
    openAppealId = id;
    as({ kind: 'user', id: 1, username: 'admin', role: 'admin', departmentCode: null });
    const response = await postDecision(
      req(`/api/v1/appeals/${id}/decision`, json({ decision: 'accept', reason: '更正', correction: { month: '2026-08', indicator: 'accuracy_rate', value: 0.99 } })),
      params({ id: String(id) }),
    );
    expect(response.status).toBe(409);
    expect((await response.json()).error).toBe('period_locked');
    const [{ value }] = await database.query<{ value: number }>(`select value from indicator_values where department_code = 'GAT' and period = '2026-08' and indicator = 'accuracy_rate' and superseded_at is null`);
    expect(value).not.toBe(0.99);
  });

  it('page actions: every form that would change the period shows the refusal', async () => {
    as({ kind: 'user', id: 1, username: 'admin', role: 'admin', departmentCode: null });
    const attempts = [
      await recordIncidentAction({}, form({ department: 'GAT', occurredOn: '2026-09-03', kind: 'quality', points: 1, description: '补录事件' })),
      await decideExemptionAction({}, form({ id: requestedIncidentId, decision: 'grant', reason: '同意' })),
      await decideAppealAction({}, form({ id: openAppealId, decision: 'reject', reason: '不予采纳' })),
      await publishAction({}, form({ period: '2026-Q3', appealDays: 5 })),
      await withdrawAction({}, form({ period: '2026-Q3', reason: '撤回' })),
      await finalizeAction({}, form({ period: '2026-Q3' })),
    ];
    as({ kind: 'user', id: 102, username: 'mzt', role: 'department', departmentCode: 'MZT' });
    attempts.push(await requestExemptionAction({}, form({ id: incidentId, justification: '依规共享' })));
    attempts.push(await fileAppealAction({}, form({ period: '2026-Q3', reason: '申诉' })));
    for (const state of attempts) {
      expect(state.ok).toBeUndefined();
      expect(state.error).toMatch(/已定稿|不在公示期/);
    }
  });

  it('CLI: publish, withdraw and finalize of the finalized period exit 1', async () => {
    await expect(periodCommand.run(['publish', '--period', '2026-Q3'])).rejects.toBeInstanceOf(CheckFailed);
    await expect(periodCommand.run(['withdraw', '--period', '2026-Q3', '--reason', '撤回'])).rejects.toBeInstanceOf(CheckFailed);
    await expect(periodCommand.run(['finalize', '--period', '2026-Q3'])).rejects.toBeInstanceOf(CheckFailed);
    const [{ status, snapshot_hash }] = await database.query<{ status: string; snapshot_hash: string }>(`select status, snapshot_hash from periods where code = '2026-Q3'`);
    expect({ status, snapshot_hash }).toEqual({ status: 'finalized', snapshot_hash: hash });
  });

  it('services: filing an appeal on a finalized period and exemption requests are refused', async () => {
    await expect(fileAppeal(database, { principal: departmentUser('GAT') }, { period: '2026-Q3', department: 'GAT', reason: '申诉' })).rejects.toMatchObject({ status: 409 });
    await expect(requestExemption(database, { principal: departmentUser('MZT') }, incidentId, '依规共享')).rejects.toMatchObject({ status: 409, code: 'period_locked' });
  });

  it('records nothing but the refusals: the snapshot still verifies', async () => {
    expect((await verifyPeriod(database, { principal: ADMIN }, '2026-Q3')).ok).toBe(true);
  });
});
