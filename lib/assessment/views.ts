// What the assessment-cycle pages show, assembled from the services: the pages
// only render these (no SQL and no scoring arithmetic in app/ or components/).
import type { Database, Session } from '../../db/types';
import { listAppeals, openAppealCounts, type AppealRow } from '../../db/queries/appeals';
import { listIncidents, type IncidentRow } from '../../db/queries/incidents';
import { listPeriodRows, type PeriodRow } from '../../db/queries/periods';
import { listSchemeRows } from '../../db/queries/schemes';
import { can } from '../auth/permissions';
import { boundDepartment, type Principal } from '../auth/principal';
import { ApiError } from '../http/errors';
import { loadAssessmentDocument } from '../export/service';
import type { AssessmentDocument } from '../export/render';
import { allIndicators } from '../scoring/index';
import { schemeForPeriod } from '../schemes/service';
import { chinaDay, isWorkingDay, workingDaysBetween } from '../periods/calendar';
import { loadWorkCalendar } from '../periods/calendar-service';
import { parsePeriod } from '../periods/codes';
import { defaultPeriod } from '../periods/rows';

export type WindowState = 'notPublished' | 'open' | 'closed' | 'finalized';

export interface PeriodOverview extends PeriodRow {
  openAppeals: number;
  schemeVersion: number | null;
  /** Why finalize would be refused now, if it would. */
  finalizeBlocker: 'window' | 'appeals' | null;
}

export function windowState(period: PeriodRow, now: Date): WindowState {
  if (period.status === 'finalized') return 'finalized';
  if (period.status !== 'published') return 'notPublished';
  return period.appealDeadline && now.getTime() > period.appealDeadline.getTime() ? 'closed' : 'open';
}

/** Every period with its open appeals and what blocks finalizing it. */
export async function periodsOverview(session: Session, now: Date): Promise<PeriodOverview[]> {
  const [periods, counts, schemes] = await Promise.all([listPeriodRows(session), openAppealCounts(session), listSchemeRows(session)]);
  const versions = new Map(schemes.map((s) => [s.id, s.version]));
  return periods.map((p) => {
    const openAppeals = counts.get(p.code) ?? 0;
    const state = windowState(p, now);
    return {
      ...p,
      openAppeals,
      schemeVersion: p.schemeId === null ? null : (versions.get(p.schemeId) ?? null),
      finalizeBlocker: p.status !== 'published' ? null : state === 'open' ? 'window' : openAppeals > 0 ? 'appeals' : null,
    };
  });
}

/** Working days left in the appeal window, today included when it is a working day; null once closed. */
export async function workingDaysLeft(session: Session, deadline: Date, now: Date): Promise<number | null> {
  if (now.getTime() > deadline.getTime()) return null;
  const calendar = await loadWorkCalendar(session);
  const today = chinaDay(now);
  return workingDaysBetween(today, chinaDay(deadline), calendar) + (isWorkingDay(today, calendar) ? 1 : 0);
}

export interface ResultRow {
  cells: Array<string | number>;
  department: string;
  /** May this viewer see the row's detail columns (dimensions, deduction, interval, points)? */
  detail: boolean;
}

export interface AssessmentView {
  periods: PeriodRow[];
  period: PeriodRow | null;
  window: WindowState | null;
  daysLeft: number | null;
  scheme: { name: string; version: number } | null;
  header: string[];
  results: ResultRow[];
  document: Pick<AssessmentDocument, 'draft' | 'snapshotHash' | 'contentHash'> | null;
  /** The viewer's own department (department users), its appeals and incidents in the period. */
  department: string | null;
  appeals: AppealRow[];
  incidents: IncidentRow[];
  indicators: Array<{ code: string; name: string }>;
  canExport: boolean;
  canAppeal: boolean;
  canManage: boolean;
}

export async function assessmentView(database: Database, principal: Principal, requested: string | undefined, now: Date): Promise<AssessmentView> {
  const periods = await listPeriodRows(database);
  const period = (requested && periods.find((p) => p.code === requested)) || (requested ? null : defaultPeriod(periods));
  const department = boundDepartment(principal);
  const empty: AssessmentView = {
    periods,
    period,
    window: null,
    daysLeft: null,
    scheme: null,
    header: [],
    results: [],
    document: null,
    department,
    appeals: [],
    incidents: [],
    indicators: [],
    canExport: can(principal, 'export'),
    canAppeal: false,
    canManage: can(principal, 'periods:manage'),
  };
  if (!period) return empty;

  const scheme = await schemeForPeriod(database, period.code);
  let document: AssessmentDocument | null = null;
  try {
    document = await loadAssessmentDocument(database, { principal, now }, period.code);
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 409)) throw err; // 409 no_scores: an empty table
  }
  const [header, ...rows] = document?.rows ?? [];
  const info = parsePeriod(period.code)!;
  const window = windowState(period, now);
  return {
    ...empty,
    window,
    daysLeft: window === 'open' && period.appealDeadline ? await workingDaysLeft(database, period.appealDeadline, now) : null,
    scheme: { name: scheme.name, version: scheme.version },
    header: (header ?? []).map(String),
    results: rows.map((cells) => {
      const code = String(cells[1]);
      return { cells, department: code, detail: can(principal, 'scores:detail', { department: code }) };
    }),
    document: document && { draft: document.draft, snapshotHash: document.snapshotHash, contentHash: document.contentHash },
    appeals: department ? await listAppeals(database, { period: period.code, department }) : [],
    incidents: department ? await listIncidents(database, { department, from: info.startsOn, to: info.endsOn }) : [],
    indicators: allIndicators(scheme.scheme).map((i) => ({ code: i.code, name: i.name })),
    canAppeal: Boolean(department) && window === 'open' && can(principal, 'appeals:create', { department }),
  };
}
