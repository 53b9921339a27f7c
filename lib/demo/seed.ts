// Writes the demo province (province.ts) into a database in one transaction: either the
// whole province is there, or nothing is. Events go in with COPY, a few days at a time; the
// ledgers (ledgers.ts: catalog, requests, objections) with COPY too.
import { analyze, copyEventCsv, copyLedgerRows, writeDemoRows } from '../../db/queries/seed';
import { loadWorkCalendar } from '../periods/calendar-service';
import { generateLedgers } from './ledgers';
import { ensurePeriods } from '../../db/queries/periods';
import type { Database } from '../../db/types';
import { appendAudit } from '../audit/log';
import { CLI } from '../auth/principal';
import { daysOfMonth, periodsOfMonths } from '../periods/codes';
import { buildProfiles, generateEventDays, generateIncidents, generateMetrics, type DemoIndicator, type ProvinceOptions } from './province';

export { isEmpty } from '../../db/queries/seed';

export interface DemoAccount {
  username: string;
  role: string;
  departmentCode: string | null;
}

export interface SeedInput extends ProvinceOptions {
  indicators: DemoIndicator[];
  /** Version 1, in force from the start. */
  scheme: { name: string; body: unknown; hash: string };
  /** Version 2 (the ledger scheme), in force for periods starting on or after `effectiveFrom`. */
  ledgerScheme?: { name: string; body: unknown; hash: string; effectiveFrom: string };
  /** The ledgers' clock: nothing is replied, delivered or resolved after it. Default: now, or the end of the last month if earlier. */
  now?: Date;
  passwordHash: string;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedSummary {
  departments: number;
  events: number;
  metricValues: number;
  incidents: number;
  catalogVersions: number;
  requests: number;
  objections: number;
  accounts: DemoAccount[];
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

const EXEMPTION = {
  exemptionStatus: 'granted' as const,
  exemptionRequest: '已按共享目录和安全规范履行审核程序，系使用方越权使用所致',
  decisionReason: '经核查，该部门依规共享、尽职履责，予以免责',
  decidedBy: 'admin',
};

export async function seedDemoProvince(database: Database, input: SeedInput): Promise<SeedSummary> {
  const profiles = buildProfiles(input);
  const codes = profiles.map((p) => p.department.code);
  const accounts = demoAccounts(codes);
  const metrics = generateMetrics(profiles, input, input.indicators);
  const incidents = generateIncidents(profiles, input);
  const totalDays = input.months.reduce((n, m) => n + daysOfMonth(m).length, 0);
  let events = 0;
  let days = 0;

  let ledgers = { catalog: 0, requests: 0, objections: 0 };

  await database.transaction(async (tx) => {
    await writeDemoRows(tx, {
      departments: profiles.map(({ department: { code, name, parentCode, level, peerGroup } }) => ({ code, name, parentCode, level, peerGroup })),
      scheme: { ...input.scheme, version: 1, reason: '初始默认方案', createdBy: 'seed' },
      ...(input.ledgerScheme
        ? { laterScheme: { ...input.ledgerScheme, version: 2, reason: '法定时限类指标改由共享台账计算（台账口径）', createdBy: 'seed' } }
        : {}),
      users: accounts.map((a) => ({ ...a, passwordHash: input.passwordHash })),
      metrics,
      incidents: incidents.map(({ exempted, ...i }) => ({ ...i, ...(exempted ? EXEMPTION : {}), decided: exempted, createdBy: 'seed' })),
    });
    await ensurePeriods(tx, periodsOfMonths(input.months));
    // COPY a few days at a time: big enough to be fast, small enough to stream.
    let pending: string[] = [];
    let pendingRows = 0;
    const flush = async () => {
      if (pending.length) await copyEventCsv(tx, pending.join(''));
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
    const generated = generateLedgers(profiles, { months: input.months, seed: input.seed, now: input.now ?? ledgerClock(input.months), calendar: await loadWorkCalendar(tx) });
    await copyLedgerRows(tx, generated);
    ledgers = { catalog: generated.catalog.length, requests: generated.requests.length, objections: generated.objections.length };
    // The seed changes data like any batch: it is the audit log's first entry.
    await appendAudit(tx, {
      actor: CLI,
      action: 'seed.demo',
      outcome: 'success',
      payload: { departments: codes.length, months: input.months, seed: input.seed, events, metricValues: metrics.length, incidents: incidents.length, ...ledgers },
    });
  });
  await analyze(database);
  return {
    departments: codes.length,
    events,
    metricValues: metrics.length,
    incidents: incidents.length,
    catalogVersions: ledgers.catalog,
    requests: ledgers.requests,
    objections: ledgers.objections,
    accounts,
  };
}

/** Now, or 24:00 Beijing time of the last month's last day when that is earlier (a past province stays the same). */
function ledgerClock(months: string[]): Date {
  const last = months[months.length - 1];
  const [y, m] = last.split('-').map(Number);
  const end = new Date(Date.UTC(y, m, 1) - 8 * 3_600_000 - 1000);
  const now = new Date();
  return now < end ? now : end;
}
