// Appeals (数据异议与申诉) against a published period's result.
import type { Session } from '../types';

export type AppealStatus = 'open' | 'accepted' | 'rejected';

export interface AppealRow {
  id: number;
  period: string;
  departmentCode: string;
  departmentName: string | null;
  indicator: string | null;
  reason: string;
  evidence: string | null;
  status: AppealStatus;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  createdBy: string;
  createdAt: Date;
}

interface RawAppealRow {
  id: number;
  period: string;
  department_code: string;
  department_name: string | null;
  indicator: string | null;
  reason: string;
  evidence: string | null;
  status: AppealStatus;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: Date | string | null;
  created_by: string;
  created_at: Date | string;
}

const toRow = (r: RawAppealRow): AppealRow => ({
  id: Number(r.id),
  period: r.period,
  departmentCode: r.department_code,
  departmentName: r.department_name,
  indicator: r.indicator,
  reason: r.reason,
  evidence: r.evidence,
  status: r.status,
  decisionReason: r.decision_reason,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at === null ? null : new Date(r.decided_at),
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
});

const SELECT = `select a.*, d.name as department_name from appeals a left join departments d on d.code = a.department_code`;

export interface AppealFilter {
  period?: string;
  department?: string;
  status?: AppealStatus;
  limit?: number;
}

/** Open appeals first (oldest first, as a queue), then decided ones newest first. */
export async function listAppeals(session: Session, filter: AppealFilter = {}): Promise<AppealRow[]> {
  const rows = await session.query<RawAppealRow>(
    `${SELECT}
     where ($1::text is null or a.period = $1) and ($2::text is null or a.department_code = $2) and ($3::text is null or a.status = $3)
     order by (a.status = 'open') desc,
       case when a.status = 'open' then a.created_at end asc,
       a.decided_at desc nulls last, a.id desc
     limit $4`,
    [filter.period ?? null, filter.department ?? null, filter.status ?? null, filter.limit ?? 500],
  );
  return rows.map(toRow);
}

export async function getAppeal(session: Session, id: number, options: { forUpdate?: boolean } = {}): Promise<AppealRow | null> {
  const [row] = await session.query<RawAppealRow>(
    options.forUpdate
      ? `select a.*, null::text as department_name from appeals a where a.id = $1 for update`
      : `${SELECT} where a.id = $1`,
    [id],
  );
  return row ? toRow(row) : null;
}

export async function countOpenAppeals(session: Session, period: string): Promise<number> {
  const [{ n }] = await session.query<{ n: number }>(`select count(*)::int as n from appeals where period = $1 and status = 'open'`, [period]);
  return n;
}

/** An open appeal of the department on the same target (total: indicator null), if any. */
export async function findOpenAppeal(session: Session, period: string, department: string, indicator: string | null): Promise<number | null> {
  const [row] = await session.query<{ id: number }>(
    `select id from appeals where period = $1 and department_code = $2 and indicator is not distinct from $3 and status = 'open' limit 1`,
    [period, department, indicator],
  );
  return row ? Number(row.id) : null;
}

export interface NewAppeal {
  period: string;
  departmentCode: string;
  indicator: string | null;
  reason: string;
  evidence: string | null;
  createdBy: string;
}

export async function insertAppeal(tx: Session, appeal: NewAppeal): Promise<AppealRow> {
  const [row] = await tx.query<RawAppealRow>(
    `insert into appeals (period, department_code, indicator, reason, evidence, created_by)
     values ($1, $2, $3, $4, $5, $6) returning *, null::text as department_name`,
    [appeal.period, appeal.departmentCode, appeal.indicator, appeal.reason, appeal.evidence, appeal.createdBy],
  );
  return toRow(row);
}

export async function decideAppealRow(
  tx: Session,
  id: number,
  decision: { status: 'accepted' | 'rejected'; reason: string; decidedBy: string; decidedAt: Date },
): Promise<void> {
  await tx.query(`update appeals set status = $2, decision_reason = $3, decided_by = $4, decided_at = $5 where id = $1`, [
    id,
    decision.status,
    decision.reason,
    decision.decidedBy,
    decision.decidedAt,
  ]);
}

/** Open appeals per period. */
export async function openAppealCounts(session: Session): Promise<Map<string, number>> {
  const rows = await session.query<{ period: string; n: number }>(`select period, count(*)::int as n from appeals where status = 'open' group by period`);
  return new Map(rows.map((r) => [r.period, Number(r.n)]));
}
