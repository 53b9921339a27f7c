// What the pages show of the integrity flags (docs/dashboard.md, "Integrity"): the /integrity
// page, the badges on the rankings and department pages, and the flags a department may
// contest in an appeal. Pages only read the flags the recompute stored with the scores
// (lib/scores/integrity-flags.ts): none computes them, so no reader waits for the flag queries. A
// period whose flags are behind its data shows them as they stand, marked as being updated;
// one never computed shows none, as being computed; both are recomputed after the response,
// as the scores are (lib/scores/freshness.ts).
import 'server-only';
import { getDatabase } from '../../db/client';
import { listSetAsides, readFlagSet, readFlagSummary, type FlagSetHeader, type SetAsideRow } from '../../db/queries/integrity';
import { departmentNames, listPeriods } from '../../db/queries/dashboard';
import type { Database } from '../../db/types';
import { can } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { choosePeriod, type PeriodChoiceRow } from '../dashboard/period-choice';
import { fill, type Messages } from '../i18n/index';
import { refreshSoon } from '../scores/freshness';
import { FLAG_KINDS, FLAG_SEVERITIES, type FlagKind, type FlagSeverity } from '../scoring/index';
import { integrityScope } from './service';
import { storedFlags, type IntegrityFlag } from './stored';

type Scope = { all: true } | { all: false; department: string };

/** The principal's scope, or null when it may see no flags. */
function scopeOf(principal: Principal | null): Scope | null {
  try {
    return integrityScope(principal);
  } catch {
    return null;
  }
}

/** A period whose stored flags are missing or behind its data: recomputed after the response (never awaited here). */
function refreshIfBehind(database: Database, period: string, header: FlagSetHeader | null): void {
  if (header && !header.stale) return;
  refreshSoon(database, [period]).catch((err) => console.error('score recompute failed:', err));
}

/** The stored flags this principal may see in a period (all, or its department's), or null when it may see none. */
export async function visibleFlags(principal: Principal | null, period: string): Promise<{ header: FlagSetHeader | null; flags: IntegrityFlag[] } | null> {
  const scope = scopeOf(principal);
  if (!scope) return null;
  const database = await getDatabase();
  const stored = await storedFlags(database, period, scope.all ? null : scope.department);
  refreshIfBehind(database, period, stored.header);
  return stored;
}

/**
 * Of these departments (a page's rows: at 5,000 departments nearly every one has a flag, and a
 * page shows fifty), the count and highest severity of the stored flags the principal may see,
 * for badges; empty when it may see none.
 */
export async function flagBadges(principal: Principal | null, period: string, departments: string[]): Promise<Record<string, { count: number; severity: FlagSeverity }>> {
  const scope = scopeOf(principal);
  const wanted = !scope ? [] : scope.all ? departments : departments.filter((code) => code === scope.department);
  if (!wanted.length) return {}; // no badge to show (a leader's /me): nothing to read
  const database = await getDatabase();
  const [header, summary] = await Promise.all([readFlagSet(database, period), readFlagSummary(database, period, wanted)]);
  refreshIfBehind(database, period, header);
  return Object.fromEntries(summary.map((s) => [s.department, { count: s.count, severity: s.severity }]));
}

/** A department's flags as a badge: count, highest severity, words and the link to them. */
export interface FlagBadgeData {
  count: number;
  severity: FlagSeverity;
  href: string;
  label: string;
  title: string;
}

/** Badges for these departments as this principal may see them (admins, leaders, auditors: all; a department: its own). */
export async function flagBadgeLinks(principal: Principal | null, period: string, t: Messages, departments: string[]): Promise<Record<string, FlagBadgeData>> {
  const summary = await flagBadges(principal, period, departments);
  const out: Record<string, FlagBadgeData> = {};
  for (const [department, s] of Object.entries(summary)) {
    out[department] = {
      ...s,
      href: `/integrity?period=${encodeURIComponent(period)}&department=${encodeURIComponent(department)}`,
      label: fill(t.integrity.badge, { count: s.count }),
      title: fill(t.integrity.badgeTitle, { severity: t.integrity.severities[s.severity] }),
    };
  }
  return out;
}

/** The flag kinds a department has in a period (what it may contest in an appeal). */
export async function ownFlagKinds(principal: Principal, department: string, period: string): Promise<FlagKind[]> {
  const flags = (await visibleFlags(principal, period))?.flags ?? [];
  return [...new Set(flags.filter((f) => f.department === department).map((f) => f.kind))];
}

export interface IntegrityFilters {
  period?: string | null;
  kind?: string | null;
  severity?: string | null;
  department?: string | null;
}

export interface IntegrityPageView {
  period: PeriodChoiceRow;
  periods: PeriodChoiceRow[];
  flags: IntegrityFlag[];
  /** All the principal may see in the period, before the filters. */
  total: number;
  departments: string[];
  names: Record<string, string>;
  setAsides: SetAsideRow[];
  filters: { kind: FlagKind | null; severity: FlagSeverity | null; department: string | null };
  canManage: boolean;
  /** The period is finalized (or shares days with a finalized one): set-asides are refused. */
  locked: boolean;
  /** The flags were never computed: their first computation is under way. */
  computing: boolean;
  /** When the flags shown were computed, if newer data is being checked meanwhile. */
  updatingSince: Date | null;
}

export async function integrityPageView(principal: Principal, filters: IntegrityFilters): Promise<IntegrityPageView | null> {
  const database = await getDatabase();
  const periods = await listPeriods(database);
  const period = choosePeriod(periods, filters.period ?? null);
  if (!period) return null;
  const stored = await visibleFlags(principal, period.code);
  const all = stored?.flags ?? [];
  const kind = FLAG_KINDS.find((k) => k === filters.kind) ?? null;
  const severity = FLAG_SEVERITIES.find((s) => s === filters.severity) ?? null;
  const departments = [...new Set(all.map((f) => f.department))].sort();
  const department = filters.department && departments.includes(filters.department) ? filters.department : null;
  const flags = all.filter((f) => (!kind || f.kind === kind) && (!severity || f.severity === severity) && (!department || f.department === department));
  const partners = all.flatMap((f) => (typeof f.evidence.partner === 'string' ? [f.evidence.partner] : []));
  const scope = integrityScope(principal);
  const setAsides = await listSetAsides(database, period.code, scope.all ? undefined : scope.department);
  const names = await departmentNames(database, [...new Set([...departments, ...partners, ...setAsides.flatMap((s) => [s.provider, s.consumer])])]);
  const overlapping = periods.filter((p) => p.startsOn <= period.endsOn && p.endsOn >= period.startsOn);
  return {
    period,
    periods,
    flags,
    total: all.length,
    departments,
    names,
    setAsides,
    filters: { kind, severity, department },
    canManage: can(principal, 'integrity:manage'),
    locked: overlapping.some((p) => p.status === 'finalized'),
    computing: !stored?.header,
    updatingSince: stored?.header?.stale ? stored.header.computedAt : null,
  };
}
