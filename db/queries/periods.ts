import { parsePeriod, periodsContaining } from '../../lib/periods/codes';
import type { Session } from '../types';

/** Makes sure the months, and the quarters and years containing them, have period rows. */
export async function ensurePeriods(session: Session, months: Iterable<string>): Promise<void> {
  const codes = new Set<string>();
  for (const m of months) for (const p of periodsContaining(m)) codes.add(p);
  if (!codes.size) return;
  const infos = [...codes].map((c) => parsePeriod(c)!);
  const params = infos.flatMap((p) => [p.code, p.kind, p.startsOn, p.endsOn]);
  const values = infos.map((_, i) => `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}::date, $${i * 4 + 4}::date)`);
  await session.query(
    `insert into periods (code, kind, starts_on, ends_on) values ${values.join(', ')} on conflict (code) do nothing`,
    params,
  );
}

// ── The assessment cycle: one period row ────────────────────────────────────

export interface PeriodRow {
  code: string;
  kind: 'month' | 'quarter' | 'year';
  startsOn: string;
  endsOn: string;
  status: 'open' | 'published' | 'finalized';
  publishedAt: Date | null;
  appealDeadline: Date | null;
  finalizedAt: Date | null;
  finalizedBy: string | null;
  snapshotHash: string | null;
  schemeId: number | null;
}

export interface RawPeriodRow {
  code: string;
  kind: PeriodRow['kind'];
  starts_on: string;
  ends_on: string;
  status: PeriodRow['status'];
  published_at: Date | string | null;
  appeal_deadline: Date | string | null;
  finalized_at: Date | string | null;
  finalized_by: string | null;
  snapshot_hash: string | null;
  scheme_id: number | null;
}

export const PERIOD_COLUMNS = `code, kind, starts_on::text as starts_on, ends_on::text as ends_on, status, published_at,
  appeal_deadline, finalized_at, finalized_by, snapshot_hash, scheme_id`;

const date = (v: Date | string | null) => (v === null ? null : new Date(v));

export const toPeriodRow = (r: RawPeriodRow): PeriodRow => ({
  code: r.code,
  kind: r.kind,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  status: r.status,
  publishedAt: date(r.published_at),
  appealDeadline: date(r.appeal_deadline),
  finalizedAt: date(r.finalized_at),
  finalizedBy: r.finalized_by,
  snapshotHash: r.snapshot_hash,
  schemeId: r.scheme_id === null ? null : Number(r.scheme_id),
});

/** One period; `forUpdate` locks its row until the transaction ends (serialises transitions). */
export async function getPeriodRow(session: Session, code: string, options: { forUpdate?: boolean } = {}): Promise<PeriodRow | null> {
  const [row] = await session.query<RawPeriodRow>(
    `select ${PERIOD_COLUMNS} from periods where code = $1${options.forUpdate ? ' for update' : ''}`,
    [code],
  );
  return row ? toPeriodRow(row) : null;
}

/** Every period, newest first, months before the quarter and year that contain them. */
export async function listPeriodRows(session: Session): Promise<PeriodRow[]> {
  const rows = await session.query<RawPeriodRow>(
    `select ${PERIOD_COLUMNS} from periods
     order by ends_on desc, case kind when 'month' then 0 when 'quarter' then 1 else 2 end, code desc`,
  );
  return rows.map(toPeriodRow);
}

/** The codes among `codes` that are finalized. */
export async function finalizedPeriodCodes(session: Session, codes: string[]): Promise<string[]> {
  if (!codes.length) return [];
  const rows = await session.query<{ code: string }>(
    `select code from periods where code = any($1::text[]) and status = 'finalized' order by code`,
    [codes],
  );
  return rows.map((r) => r.code);
}

export async function setPeriodPublished(
  tx: Session,
  code: string,
  fields: { publishedAt: Date; appealDeadline: Date; schemeId: number },
): Promise<void> {
  await tx.query(
    `update periods set status = 'published', published_at = $2, appeal_deadline = $3, scheme_id = $4 where code = $1`,
    [code, fields.publishedAt, fields.appealDeadline, fields.schemeId],
  );
}

/** Back to open: the publication (and its appeal window) is withdrawn. */
export async function setPeriodOpen(tx: Session, code: string): Promise<void> {
  await tx.query(`update periods set status = 'open', published_at = null, appeal_deadline = null, scheme_id = null where code = $1`, [code]);
}

export async function setPeriodFinalized(
  tx: Session,
  code: string,
  fields: { finalizedAt: Date; finalizedBy: string; snapshotHash: string; schemeId: number },
): Promise<void> {
  await tx.query(
    `update periods set status = 'finalized', finalized_at = $2, finalized_by = $3, snapshot_hash = $4, scheme_id = $5 where code = $1`,
    [code, fields.finalizedAt, fields.finalizedBy, fields.snapshotHash, fields.schemeId],
  );
}

/** The published periods, locked for update (a scheme change withdraws them). */
export async function publishedPeriodCodes(tx: Session, options: { forUpdate?: boolean } = {}): Promise<string[]> {
  const rows = await tx.query<{ code: string }>(
    `select code from periods where status = 'published' order by code${options.forUpdate ? ' for update' : ''}`,
  );
  return rows.map((r) => r.code);
}

// ── Working-day calendar: public holidays and make-up workdays ──────────────

export interface CalendarDayRow {
  day: string;
  kind: 'holiday' | 'workday';
  name: string | null;
}

export async function listCalendarDays(session: Session, from?: string, to?: string): Promise<CalendarDayRow[]> {
  return session.query<CalendarDayRow>(
    `select day::text as day, kind, name from calendar_days
     where ($1::date is null or day >= $1::date) and ($2::date is null or day <= $2::date) order by day`,
    [from ?? null, to ?? null],
  );
}

export async function countCalendarDays(session: Session): Promise<number> {
  const [{ n }] = await session.query<{ n: number }>('select count(*)::int as n from calendar_days');
  return n;
}

/** Inserts days; an existing day is replaced when `replace`, else kept. Returns rows written. */
export async function upsertCalendarDays(session: Session, days: readonly CalendarDayRow[], replace: boolean): Promise<number> {
  if (!days.length) return 0;
  const params = days.flatMap((d) => [d.day, d.kind, d.name]);
  const values = days.map((_, i) => `($${i * 3 + 1}::date, $${i * 3 + 2}, $${i * 3 + 3})`);
  const rows = await session.query(
    `insert into calendar_days (day, kind, name) values ${values.join(', ')}
     on conflict (day) do ${replace ? 'update set kind = excluded.kind, name = excluded.name' : 'nothing'} returning day`,
    params,
  );
  return rows.length;
}

export async function deleteCalendarDay(session: Session, day: string): Promise<boolean> {
  const rows = await session.query('delete from calendar_days where day = $1::date returning day', [day]);
  return rows.length > 0;
}
