// Fixtures for the assessment-cycle tests (tests/periods-*, appeals-*, finalize-*,
// export-*, scheme-*): a small province with known values, and principals.
import { ensurePeriods } from '../../db/queries/periods';
import { departments, schemes } from '../../db/schema';
import type { Database } from '../../db/types';
import type { Principal } from '../auth/principal';
import { periodsOfMonths } from './codes';
import { allIndicators, defaultScheme, schemeHash } from '../scoring/index';
import { csvLines } from '../../db/queries/csv-line';

export const CYCLE_DEPARTMENTS: Array<[string, string]> = [
  ['GAT', '省公安厅'],
  ['MZT', '省民政厅'],
  ['RST', '省人力资源和社会保障厅'],
  ['SWJ', '省税务局'],
  ['ZRT', '省自然资源厅'],
  ['WJW', '省卫生健康委'],
];

export const CYCLE_MONTHS = ['2026-07', '2026-08', '2026-09'];

export const ADMIN: Principal = { kind: 'user', id: 1, username: 'admin', role: 'admin', departmentCode: null };
export const ASSESSOR: Principal = { kind: 'user', id: 2, username: 'assessor', role: 'assessor', departmentCode: null };
export const AUDITOR: Principal = { kind: 'user', id: 3, username: 'auditor', role: 'auditor', departmentCode: null };
export const LEADER: Principal = { kind: 'user', id: 4, username: 'leader', role: 'leader', departmentCode: null };
export const departmentUser = (code: string, id = 100): Principal => ({ kind: 'user', id, username: code.toLowerCase(), role: 'department', departmentCode: code });

/** A metric value that differs by department (index i) and month (index m), in range for its kind. */
function metricValue(kind: string | undefined, i: number, m: number): number {
  if (kind === 'count') return 10 + i * 7 + m;
  if (kind === 'score') return 70 + i * 4 + m;
  return Math.round((0.7 + i * 0.04 + m * 0.01) * 10000) / 10000;
}

/**
 * Six departments, the default scheme as version 1, every metric indicator for
 * every month, and sharing events between them; period rows for the months, their
 * quarter and year.
 */
export async function seedCycleProvince(database: Database, months = CYCLE_MONTHS): Promise<void> {
  await database.transaction(async (tx) => {
    await tx.db.insert(departments).values(CYCLE_DEPARTMENTS.map(([code, name]) => ({ code, name })));
    await tx.db.insert(schemes).values({ version: 1, name: defaultScheme.name, body: defaultScheme, hash: schemeHash(defaultScheme), reason: '初始默认方案', createdBy: 'test' });
    const metrics = allIndicators(defaultScheme).filter((i) => i.source === 'metric');
    const rows: Array<Array<string | number>> = [];
    months.forEach((month, m) =>
      CYCLE_DEPARTMENTS.forEach(([code], i) => {
        for (const indicator of metrics) rows.push([code, month, indicator.code, metricValue(indicator.kind, i, m), 'seed']);
      }),
    );
    await tx.copyCsv('indicator_values', ['department_code', 'period', 'indicator', 'value', 'batch_id'], csvLines(rows));
    const events: Array<Array<string | number>> = [];
    months.forEach((month) =>
      CYCLE_DEPARTMENTS.forEach(([provider], i) =>
        CYCLE_DEPARTMENTS.forEach(([consumer], j) => {
          if (i === j || (i + j) % 3 === 0) return;
          events.push([provider, `${month}-10`, consumer, `${provider}-R1`, 100 * (i + 1) + j, 1000 * (i + 1), i]);
        }),
      ),
    );
    await tx.copyCsv('sharing_events', ['provider', 'day', 'consumer', 'resource', 'calls', 'records', 'failures'], csvLines(events));
    await ensurePeriods(tx, periodsOfMonths(months));
  });
}

/** Beijing-time instant: at('2026-10-09 10:00'). */
export const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
