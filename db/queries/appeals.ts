// Appeals (数据异议与申诉) against a published period's result.
import { and, count, desc, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import { appeals, departments, type AppealRow as AppealRecord, type NewAppealRow } from '../schema';
import type { Session } from '../types';

export type AppealStatus = AppealRecord['status'];

/** An appeal with its department's name (null where the query does not join it). */
export type AppealRow = AppealRecord & { departmentName: string | null };

export interface AppealFilter {
  period?: string;
  department?: string;
  status?: AppealStatus;
  limit?: number;
}

const withName = { ...getTableColumns(appeals), departmentName: departments.name };
const noName = (row: AppealRecord): AppealRow => ({ ...row, departmentName: null });

/** Open appeals first (oldest first, as a queue), then decided ones newest first. */
export async function listAppeals(session: Session, filter: AppealFilter = {}): Promise<AppealRow[]> {
  const open = sql`${appeals.status} = 'open'`;
  return session.db
    .select(withName)
    .from(appeals)
    .leftJoin(departments, eq(departments.code, appeals.departmentCode))
    .where(
      and(
        filter.period ? eq(appeals.period, filter.period) : undefined,
        filter.department ? eq(appeals.departmentCode, filter.department) : undefined,
        filter.status ? eq(appeals.status, filter.status) : undefined,
      ),
    )
    .orderBy(desc(open), sql`case when ${open} then ${appeals.createdAt} end asc`, sql`${appeals.decidedAt} desc nulls last`, desc(appeals.id))
    .limit(filter.limit ?? 500);
}

export async function getAppeal(session: Session, id: number, options: { forUpdate?: boolean } = {}): Promise<AppealRow | null> {
  if (options.forUpdate) {
    const [row] = await session.db.select().from(appeals).where(eq(appeals.id, id)).for('update');
    return row ? noName(row) : null;
  }
  const [row] = await session.db.select(withName).from(appeals).leftJoin(departments, eq(departments.code, appeals.departmentCode)).where(eq(appeals.id, id));
  return row ?? null;
}

export async function countOpenAppeals(session: Session, period: string): Promise<number> {
  return session.db.$count(appeals, and(eq(appeals.period, period), eq(appeals.status, 'open')));
}

/** An open appeal of the department on the same target (total: indicator null; a ledger row: that row; not one contesting a flag), if any. */
export async function findOpenAppeal(session: Session, period: string, department: string, indicator: string | null, ledger: { kind: string; id: string } | null = null): Promise<number | null> {
  const target = ledger
    ? and(eq(appeals.ledgerKind, ledger.kind as 'request' | 'objection'), eq(appeals.ledgerId, ledger.id))
    : and(indicator === null ? isNull(appeals.indicator) : eq(appeals.indicator, indicator), isNull(appeals.ledgerKind));
  const [row] = await session.db
    .select({ id: appeals.id })
    .from(appeals)
    .where(and(eq(appeals.period, period), eq(appeals.departmentCode, department), target, isNull(appeals.flag), eq(appeals.status, 'open')))
    .limit(1);
  return row?.id ?? null;
}

export type NewAppeal = Pick<NewAppealRow, 'period' | 'departmentCode' | 'reason' | 'createdBy'> & {
  indicator: string | null;
  evidence: string | null;
  ledgerKind?: 'request' | 'objection' | null;
  ledgerId?: string | null;
  flag?: string | null;
};

/** An open appeal of the department contesting the same integrity flag kind, if any. */
export async function findOpenFlagAppeal(session: Session, period: string, department: string, flag: string): Promise<number | null> {
  const [row] = await session.db
    .select({ id: appeals.id })
    .from(appeals)
    .where(and(eq(appeals.period, period), eq(appeals.departmentCode, department), eq(appeals.flag, flag), eq(appeals.status, 'open')))
    .limit(1);
  return row?.id ?? null;
}

export async function insertAppeal(tx: Session, appeal: NewAppeal): Promise<AppealRow> {
  const [row] = await tx.db.insert(appeals).values(appeal).returning();
  return noName(row);
}

export async function decideAppealRow(
  tx: Session,
  id: number,
  decision: { status: 'accepted' | 'rejected'; reason: string; decidedBy: string; decidedAt: Date },
): Promise<void> {
  const { reason: decisionReason, ...rest } = decision;
  await tx.db.update(appeals).set({ ...rest, decisionReason }).where(eq(appeals.id, id));
}

/** Open appeals per period. */
export async function openAppealCounts(session: Session): Promise<Map<string, number>> {
  const rows = await session.db.select({ period: appeals.period, n: count() }).from(appeals).where(eq(appeals.status, 'open')).groupBy(appeals.period);
  return new Map(rows.map((r) => [r.period, r.n]));
}
