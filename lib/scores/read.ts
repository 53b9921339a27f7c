// The scores API (docs/api.md) and the export's draft served from the cache,
// recomputed first when stale (freshness.ts), so they include the caller's own writes. Everyone who may read scores sees every department's rank, total and
// tier; the rest of an entry only where can(…, 'scores:detail', {department}).
import type { PeriodRow } from '../../db/queries/periods';
import { readDepartmentResult, readRanking, readResults, type CacheHeader } from '../../db/queries/scores';
import type { Database } from '../../db/types';
import { can } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { forbidden, notFound } from '../http/errors';
import type { DepartmentResult } from '../scoring';
import { freshScores } from './freshness';
import { requirePeriod } from '../periods/rows';

const PUBLIC_FIELDS = ['department', 'name', 'rank', 'total', 'tier', 'tierName'] as const;

async function freshCache(database: Database, code: string): Promise<{ period: PeriodRow; header: CacheHeader }> {
  const period = await requirePeriod(database, code);
  return { period, header: (await freshScores(database, code))! };
}

function periodHeader(period: PeriodRow, header: CacheHeader) {
  const { id, version, hash } = header.summary.scheme;
  return {
    period: period.code,
    status: period.status,
    computedAt: header.computedAt.toISOString(),
    scheme: { id, version, hash },
    ...(period.status === 'finalized' ? { snapshotHash: period.snapshotHash } : {}),
  };
}

export async function getPeriodScores(database: Database, code: string, principal: Principal) {
  const { period, header } = await freshCache(database, code);
  const ranking = await readRanking(database, code);
  const departments = ranking.map((entry) =>
    can(principal, 'scores:detail', { department: String(entry.department) }) ? entry : Object.fromEntries(PUBLIC_FIELDS.map((f) => [f, entry[f]])),
  );
  return { ...periodHeader(period, header), departments };
}

export async function getDepartmentScore(database: Database, code: string, department: string, principal: Principal) {
  if (!can(principal, 'scores:detail', { department })) throw forbidden('scores.noDetail');
  const { period, header } = await freshCache(database, code);
  const result = await readDepartmentResult(database, code, department);
  // Unknown, or not ranked in this period (inactive): either way nothing to show.
  if (!result) throw notFound('scores.unknownDepartment', { value: department });
  return { ...periodHeader(period, header), ...result };
}

/** A period's current scores in rank order (for the export's draft), or null when it has none. */
export async function currentResults(database: Database, period: string): Promise<{ departments: DepartmentResult[]; computedAt: Date } | null> {
  const header = await freshScores(database, period);
  if (!header) return null;
  return { departments: await readResults(database, period), computedAt: header.computedAt };
}
