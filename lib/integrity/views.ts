// What the pages show of the integrity flags (docs/dashboard.md, "Integrity"): the /integrity
// page, the badges on the rankings and department pages, and the flags a department may
// contest in an appeal. A period's flags are computed once for everyone by Next.js
// ('use cache') under the highest data generation (any write that can change a flag raises
// it: events of any month, metrics, ledgers, set-asides) and the Beijing day (the zombie
// window ends today in an open period).
import 'server-only';
import { getDatabase } from '../../db/client';
import { dataGeneration, listSetAsides, type SetAsideRow } from '../../db/queries/integrity';
import { departmentNames, listPeriods } from '../../db/queries/dashboard';
import { can } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { choosePeriod, type PeriodChoiceRow } from '../dashboard/period-choice';
import { chinaDay, endOfChinaDay } from '../periods/calendar';
import { fill, type Messages } from '../i18n/index';
import { sharedView } from '../scores/shared-cache';
import { FLAG_KINDS, FLAG_SEVERITIES, type FlagKind, type FlagSeverity } from '../scoring/index';
import { computeFlags, flagSummary, integrityScope, type IntegrityFlag } from './service';

/** A period's flags, built once for everyone per data generation and day (Cache Components). */
export async function sharedFlags(period: string, generation: number, day: string): Promise<IntegrityFlag[]> {
  'use cache';
  sharedView([period]);
  void generation; // the key: every write that can change a flag raises it
  return computeFlags(await getDatabase(), period, endOfChinaDay(day));
}

/** The flags this principal may see in a period, or null when it may see none. */
export async function visibleFlags(principal: Principal | null, period: string): Promise<IntegrityFlag[] | null> {
  let scope: ReturnType<typeof integrityScope>;
  try {
    scope = integrityScope(principal);
  } catch {
    return null;
  }
  const database = await getDatabase();
  const flags = await sharedFlags(period, await dataGeneration(database), chinaDay(new Date()));
  return scope.all ? flags : flags.filter((f) => f.department === scope.department);
}

/** Per department, the count and highest severity of its flags (for badges); empty when the principal may see none. */
export async function flagBadges(principal: Principal | null, period: string) {
  return flagSummary((await visibleFlags(principal, period)) ?? []);
}

/** A department's flags as a badge: count, highest severity, words and the link to them. */
export interface FlagBadgeData {
  count: number;
  severity: FlagSeverity;
  href: string;
  label: string;
  title: string;
}

/** Badges per department for this principal (admins, leaders, auditors: all; a department: its own). */
export async function flagBadgeLinks(principal: Principal | null, period: string, t: Messages): Promise<Record<string, FlagBadgeData>> {
  const summary = await flagBadges(principal, period);
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
  const flags = (await visibleFlags(principal, period)) ?? [];
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
}

export async function integrityPageView(principal: Principal, filters: IntegrityFilters): Promise<IntegrityPageView | null> {
  const database = await getDatabase();
  const periods = await listPeriods(database);
  const period = choosePeriod(periods, filters.period ?? null);
  if (!period) return null;
  const all = (await visibleFlags(principal, period.code)) ?? [];
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
  };
}
