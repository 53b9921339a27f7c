// Incidents and exemptions (容错免责): an admin records an incident (department,
// date, kind, points, description); the department may ask for an exemption with a
// justification; an admin grants or denies it with a reason. A granted exemption
// deducts nothing. Each step is audited and refused once the incident's period is
// finalized; the month, quarter and year of the incident are recomputed.
import type { Database, Session } from '../../db/types';
import { departmentExists } from '../../db/queries/departments';
import {
  getIncident,
  insertIncident,
  listIncidents,
  setExemptionDecision,
  setExemptionRequested,
  type IncidentFilter,
  type IncidentRow,
} from '../../db/queries/incidents';
import { auditSuccess } from '../audit/log';
import { can } from '../auth/permissions';
import { boundDepartment, type Principal } from '../auth/principal';
import { badRequest, conflict, forbidden, notFound, type MessageKey } from '../http/errors';
import { monthOfDate, periodsContaining } from '../periods/codes';
import { actorLabel, nowOf, requireCan, type ActionContext } from '../auth/context';
import { assertPeriodWritable } from '../periods/lock';
import { markChanged } from '../scores/freshness';
import { chinaDay } from '../periods/calendar';

export const INCIDENT_KINDS = ['security', 'quality'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export const MAX_POINTS = 100;
const MAX_TEXT = 2000;

export interface RecordIncidentInput {
  department: string;
  occurredOn: string;
  kind: string;
  points: number;
  description: string;
}

function requiredText(value: string | null | undefined, message: MessageKey): string {
  const trimmed = (value ?? '').trim();
  if (!trimmed) throw badRequest(message);
  if (trimmed.length > MAX_TEXT) throw badRequest('incidents.errors.tooLong', { max: MAX_TEXT });
  return trimmed;
}

function checkDate(day: string, today: string): string {
  const trimmed = day.trim();
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(trimmed) && !Number.isNaN(Date.parse(`${trimmed}T00:00:00Z`)) && new Date(`${trimmed}T00:00:00Z`).toISOString().startsWith(trimmed);
  if (!valid) throw badRequest('incidents.errors.badDate', { day });
  if (trimmed > today) throw badRequest('incidents.errors.futureDate', { day: trimmed });
  return trimmed;
}

export async function recordIncident(database: Database, ctx: ActionContext, input: RecordIncidentInput): Promise<IncidentRow> {
  requireCan(ctx, 'incidents:manage');
  const department = input.department.trim();
  const occurredOn = checkDate(input.occurredOn, chinaDay(nowOf(ctx)));
  if (!INCIDENT_KINDS.includes(input.kind as IncidentKind)) throw badRequest('incidents.errors.badKind');
  if (typeof input.points !== 'number' || !Number.isFinite(input.points) || input.points <= 0 || input.points > MAX_POINTS) {
    throw badRequest('incidents.errors.badPoints', { max: MAX_POINTS });
  }
  const points = Math.round(input.points * 100) / 100;
  const description = requiredText(input.description, 'incidents.errors.descriptionRequired');
  const incident = await database.transaction(async (tx) => {
    if (!(await departmentExists(tx, department))) throw notFound('incidents.errors.unknownDepartment', { department });
    await assertPeriodWritable(tx, occurredOn);
    const row = await insertIncident(tx, { departmentCode: department, occurredOn, kind: input.kind as IncidentKind, points, description, createdBy: actorLabel(ctx.principal) });
    await markChanged(tx, periodsContaining(monthOfDate(occurredOn)));
    await auditSuccess(tx, ctx, 'incident.create', `incident:${row.id}`, { id: row.id, department, occurredOn, kind: input.kind, points, description });
    return row;
  });
  return incident;
}

async function lockedIncident(tx: Session, id: number): Promise<IncidentRow> {
  const incident = await getIncident(tx, id, { forUpdate: true });
  if (!incident) throw notFound('incidents.errors.unknownIncident', { id });
  return incident;
}

/** The department asks for an exemption (容错免责申请), once, with a justification. */
export async function requestExemption(database: Database, ctx: ActionContext, id: number, justification: string): Promise<IncidentRow> {
  const text = requiredText(justification, 'incidents.errors.justificationRequired');
  return database.transaction(async (tx) => {
    const incident = await lockedIncident(tx, id);
    requireCan(ctx, 'exemptions:request', { department: incident.departmentCode });
    if (incident.exemptionStatus !== 'none') throw conflict('incidents.errors.alreadyRequested', { id });
    await assertPeriodWritable(tx, incident.occurredOn);
    await setExemptionRequested(tx, id, text);
    await auditSuccess(tx, ctx, 'exemption.request', `incident:${id}`, { id, department: incident.departmentCode, justification: text });
    return (await getIncident(tx, id))!;
  });
}

/** An admin grants or denies a requested exemption, with a reason. */
export async function decideExemption(database: Database, ctx: ActionContext, id: number, input: { grant: boolean; reason: string }): Promise<IncidentRow> {
  requireCan(ctx, 'exemptions:decide');
  const reason = requiredText(input.reason, 'incidents.errors.reasonRequired');
  const now = nowOf(ctx);
  const incident = await database.transaction(async (tx) => {
    const row = await lockedIncident(tx, id);
    if (row.exemptionStatus !== 'requested') throw conflict('incidents.errors.notRequested', { id });
    await assertPeriodWritable(tx, row.occurredOn);
    const status = input.grant ? 'granted' : 'denied';
    await setExemptionDecision(tx, id, { status, reason, decidedBy: actorLabel(ctx.principal), decidedAt: now });
    await markChanged(tx, periodsContaining(monthOfDate(row.occurredOn)));
    await auditSuccess(tx, ctx, input.grant ? 'exemption.grant' : 'exemption.deny', `incident:${id}`, { id, department: row.departmentCode, points: row.points, reason });
    return (await getIncident(tx, id))!;
  });
  return incident;
}

/** Admins and readers see every incident; a department its own. */
export async function incidentsFor(session: Session, principal: Principal, filter: IncidentFilter = {}): Promise<IncidentRow[]> {
  if (can(principal, 'incidents:read')) return listIncidents(session, filter);
  const own = boundDepartment(principal);
  if (!own || (filter.department && filter.department !== own) || !can(principal, 'incidents:read', { department: own })) throw forbidden();
  return listIncidents(session, { ...filter, department: own });
}
