// Due days of stored requests and objections (lib/ledgers/clocks.ts) and when they move:
// computed at ingest, recomputed when the working-day calendar changes or a catalog change
// gives a resource another share type on a request's submission day.
import { catalogVersionsOf, updateDueDays, type CatalogVersionFact, type DueDayCandidate, type DueDayChange, type ShareType } from '../../db/queries/ledger-ingest';
import { finalizedPeriodCodes } from '../../db/queries/periods';
import type { Session } from '../../db/types';
import { chinaDay, type WorkCalendar } from '../periods/calendar';
import { periodsContaining } from '../periods/codes';
import { deliveryDueFrom, objectionDueFrom, replyDueFrom } from './clocks';

const nextDays = new Map<string, string>();
/**
 * The Beijing date of an ISO instant. Instants from lib/ingest and db/queries are
 * normalised UTC (toISOString): the date is read off the string — the UTC date before
 * 16:00 UTC, the next one from then on (UTC+8).
 */
export function dayOf(instant: string): string {
  if (instant.length !== 24 || instant[23] !== 'Z') return chinaDay(new Date(instant));
  const utcDay = instant.slice(0, 10);
  if (instant.charCodeAt(11) * 10 + instant.charCodeAt(12) < 16 + 528) return utcDay; // '0'·11 = 528
  let day = nextDays.get(utcDay);
  if (day === undefined) {
    day = chinaDay(new Date(`${utcDay}T16:00:00Z`));
    if (nextDays.size < 100_000) nextDays.set(utcDay, day);
  }
  return day;
}

/** A resource's versions, and its share type and provider on a day (the latest version with updated_on ≤ day). */
export class CatalogFacts {
  private readonly byResource = new Map<string, CatalogVersionFact[]>();
  constructor(versions: CatalogVersionFact[]) {
    for (const v of versions) {
      const list = this.byResource.get(v.resource) ?? [];
      list.push(v); // oldest first (catalogVersionsOf)
      this.byResource.set(v.resource, list);
    }
  }
  has(resource: string): boolean {
    return this.byResource.has(resource);
  }
  current(resource: string): CatalogVersionFact | undefined {
    return this.byResource.get(resource)?.find((v) => v.current);
  }
  on(resource: string, day: string): CatalogVersionFact | undefined {
    const list = this.byResource.get(resource) ?? [];
    for (let i = list.length - 1; i >= 0; i--) if (list[i].updated_on <= day) return list[i];
    return undefined;
  }
  shareTypeOn(resource: string | null, day: string): ShareType | null {
    return resource ? (this.on(resource, day)?.share_type ?? null) : null;
  }
}

/** Due days memoised by (start day, clock): a batch has a few hundred distinct days. Start days are Beijing dates (dayOf). */
export class DueDays {
  private readonly memo = { replyUnconditional: new Map<string, string>(), reply: new Map<string, string>(), delivery: new Map<string, string>(), objection: new Map<string, string>() };
  constructor(private readonly calendar: WorkCalendar) {}
  /** Due days remembered. */
  get size(): number {
    const m = this.memo;
    return m.replyUnconditional.size + m.reply.size + m.delivery.size + m.objection.size;
  }
  private static cached(memo: Map<string, string>, day: string, compute: () => string): string {
    let v = memo.get(day);
    if (v === undefined) memo.set(day, (v = compute()));
    return v;
  }
  replyFrom(submittedDay: string, shareType: ShareType | null): string {
    const memo = shareType === 'unconditional' ? this.memo.replyUnconditional : this.memo.reply;
    return DueDays.cached(memo, submittedDay, () => replyDueFrom(submittedDay, shareType, this.calendar));
  }
  deliveryFrom(repliedDay: string): string {
    return DueDays.cached(this.memo.delivery, repliedDay, () => deliveryDueFrom(repliedDay, this.calendar));
  }
  objectionFrom(submittedDay: string): string {
    return DueDays.cached(this.memo.objection, submittedDay, () => objectionDueFrom(submittedDay, this.calendar));
  }
  reply(submittedAt: string, shareType: ShareType | null): string {
    return this.replyFrom(dayOf(submittedAt), shareType);
  }
  delivery(repliedAt: string): string {
    return this.deliveryFrom(dayOf(repliedAt));
  }
  objection(submittedAt: string): string {
    return this.objectionFrom(dayOf(submittedAt));
  }
}

let lastCalendar: { key: string; due: DueDays } | null = null;
const MEMO_LIMIT = 50_000;

/**
 * The due days on this calendar, kept from one batch to the next while the calendar's days
 * are the same: its memo fills once, not in every batch (about a thousand start days each,
 * up to 20 working days counted for each).
 */
export function dueDaysOn(calendar: WorkCalendar): DueDays {
  const key = `${[...calendar.holidays].sort().join()}|${[...calendar.workdays].sort().join()}`;
  if (lastCalendar?.key !== key || lastCalendar.due.size > MEMO_LIMIT) lastCalendar = { key, due: new DueDays(calendar) };
  return lastCalendar.due;
}

/** The months of these days, and the periods containing them (month, quarter, year). */
export function touchedPeriods(days: Iterable<string | null>): { months: string[]; periods: string[] } {
  const months = new Set<string>();
  for (const d of days) if (d) months.add(d.slice(0, 7));
  const periods = new Set<string>();
  for (const m of months) for (const p of periodsContaining(m)) periods.add(p);
  return { months: [...months].sort(), periods: [...periods].sort() };
}

/**
 * Recomputes the due days of `candidates` on `calendar` and the catalog as stored, and
 * stores those that moved (earlier states kept in ledger_history under `supersededBy`).
 * An item due in a finalized period keeps its due day: that period's scores are sealed.
 * Returns the periods whose scores changed.
 */
export async function recomputeDueDays(tx: Session, candidates: DueDayCandidate[], calendar: WorkCalendar, supersededBy: string): Promise<string[]> {
  if (!candidates.length) return [];
  const resources = [...new Set(candidates.map((c) => c.resource).filter((r): r is string => !!r))];
  const catalog = new CatalogFacts(await catalogVersionsOf(tx, resources));
  const due = new DueDays(calendar);
  const moved: Array<{ change: DueDayChange; days: Array<string | null> }> = [];
  for (const c of candidates) {
    let change: DueDayChange;
    if (c.ledger === 'request') {
      const reply = due.reply(c.submitted_at, catalog.shareTypeOn(c.resource, dayOf(c.submitted_at)));
      const delivery = c.replied_at && (c.decision === 'approved' || c.decision === 'conditional') ? due.delivery(c.replied_at) : null;
      change = { ledger: 'request', id: c.id, due_on: reply, delivery_due_on: delivery };
    } else {
      change = { ledger: 'objection', id: c.id, due_on: due.objection(c.submitted_at), delivery_due_on: null };
    }
    if (change.due_on === c.due_on && change.delivery_due_on === c.delivery_due_on) continue;
    moved.push({ change, days: [c.due_on, c.delivery_due_on, change.due_on, change.delivery_due_on] });
  }
  if (!moved.length) return [];
  const finalized = new Set(await finalizedPeriodCodes(tx, touchedPeriods(moved.flatMap((m) => m.days)).periods));
  const kept = moved.filter((m) => !touchedPeriods(m.days).periods.some((p) => finalized.has(p)));
  await updateDueDays(tx, kept.map((m) => m.change), supersededBy);
  return touchedPeriods(kept.flatMap((m) => m.days)).periods;
}
