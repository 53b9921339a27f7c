// Writes the demo province (lib/demo) into a database in one transaction: either the
// whole province is there, or nothing is. Events go in with COPY, one day at a time.
import { sql } from 'drizzle-orm';
import { buildProfiles, generateEventDays, generateIncidents, generateMetrics, type DemoIndicator, type ProvinceOptions } from '../../lib/demo/province';
import { daysOfMonth } from '../../lib/periods/codes';
import * as schema from '../schema';
import type { Database } from '../types';
import { csvLines } from './csv-line';
import { ensurePeriods } from './periods';
import { appendAudit } from '../../lib/audit/log';
import { CLI } from '../../lib/auth/principal';

export interface DemoAccount {
  username: string;
  role: string;
  departmentCode: string | null;
}

export interface SeedInput extends ProvinceOptions {
  indicators: DemoIndicator[];
  scheme: { name: string; body: unknown; hash: string };
  passwordHash: string;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedSummary {
  departments: number;
  events: number;
  metricValues: number;
  incidents: number;
  accounts: DemoAccount[];
}

export async function isEmpty(database: Database): Promise<boolean> {
  const [{ n }] = await database.query<{ n: number }>('select count(*)::int as n from departments');
  return n === 0;
}

export function demoAccounts(departmentCodes: string[]): DemoAccount[] {
  const first = departmentCodes[0] ?? null;
  return [
    { username: 'admin', role: 'admin', departmentCode: null },
    { username: 'leader', role: 'leader', departmentCode: null },
    { username: 'assessor', role: 'assessor', departmentCode: null },
    { username: 'auditor', role: 'auditor', departmentCode: null },
    { username: 'security', role: 'security', departmentCode: null },
    { username: 'department', role: 'department', departmentCode: first },
    ...departmentCodes.map((code) => ({ username: code.toLowerCase(), role: 'department', departmentCode: code })),
  ];
}

export async function seedDemoProvince(database: Database, input: SeedInput): Promise<SeedSummary> {
  const profiles = buildProfiles(input);
  const codes = profiles.map((p) => p.department.code);
  const accounts = demoAccounts(codes);
  const metrics = generateMetrics(profiles, input, input.indicators);
  const incidents = generateIncidents(profiles, input);
  const totalDays = input.months.reduce((n, m) => n + daysOfMonth(m).length, 0);
  let events = 0;
  let days = 0;

  await database.transaction(async (tx) => {
    await tx.copyCsv(
      'departments',
      ['code', 'name', 'parent_code', 'level', 'peer_group'],
      csvLines(profiles.map((p) => [p.department.code, p.department.name, p.department.parentCode, p.department.level, p.department.peerGroup])),
    );
    await tx.db.insert(schema.schemes).values({
      version: 1,
      name: input.scheme.name,
      body: input.scheme.body,
      hash: input.scheme.hash,
      reason: '初始默认方案',
      createdBy: 'seed',
    });
    await ensurePeriods(tx, input.months);
    await tx.copyCsv(
      'users',
      ['username', 'display_name', 'password_hash', 'role', 'department_code', 'password_changed_at'],
      csvLines(accounts.map((a) => [a.username, a.username, input.passwordHash, a.role, a.departmentCode, new Date().toISOString()])),
    );
    await tx.copyCsv('indicator_values', ['department_code', 'period', 'indicator', 'value', 'batch_id'], csvLines(metrics.map((m) => [...m, 'seed'])));
    if (incidents.length) {
      await tx.db.insert(schema.incidents).values(
        incidents.map((i) => ({
          departmentCode: i.departmentCode,
          occurredOn: i.occurredOn,
          kind: i.kind,
          points: i.points,
          description: i.description,
          exemptionStatus: i.exempted ? 'granted' : 'none',
          exemptionRequest: i.exempted ? '已按共享目录和安全规范履行审核程序，系使用方越权使用所致' : null,
          decisionReason: i.exempted ? '经核查，该部门依规共享、尽职履责，予以免责' : null,
          decidedBy: i.exempted ? 'admin' : null,
          decidedAt: i.exempted ? sql`now()` : null,
          createdBy: 'seed',
        })) as never,
      );
    }
    // COPY a few days at a time: big enough to be fast, small enough to stream.
    let pending: string[] = [];
    let pendingRows = 0;
    const flush = async () => {
      if (!pending.length) return;
      await tx.copyCsv('sharing_events', ['day', 'provider', 'consumer', 'resource', 'calls', 'records', 'failures'], pending.join(''));
      pending = [];
      pendingRows = 0;
    };
    for (const chunk of generateEventDays(profiles, input)) {
      pending.push(chunk.csv);
      pendingRows += chunk.rows;
      events += chunk.rows;
      days++;
      if (pendingRows >= 200_000) await flush();
      input.onProgress?.(days, totalDays);
    }
    await flush();
    // The seed changes data like any batch: it is the audit log's first entry.
    await appendAudit(tx, {
      actor: CLI,
      action: 'seed.demo',
      outcome: 'success',
      payload: { departments: codes.length, months: input.months, seed: input.seed, events, metricValues: metrics.length, incidents: incidents.length },
    });
  });
  // Fresh statistics, so the period matrix gets good plans at once (PGlite never autovacuums).
  await database.query('analyze');
  return { departments: codes.length, events, metricValues: metrics.length, incidents: incidents.length, accounts };
}
