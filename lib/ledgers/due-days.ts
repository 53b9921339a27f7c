// Due days of stored requests and objections (lib/ledgers/clocks.ts) and when they move:
// computed at ingest, recomputed when the working-day calendar changes or a catalog change
// gives a resource another share type on a request's submission day.
import { catalogVersionsOf, updateDueDays, type CatalogVersionFact, type DueDayCandidate, type DueDayChange, type ShareType } from '../../db/queries/ledger-ingest';
import { finalizedPeriodCodes } from '../../db/queries/periods';
import type { Session } from '../../db/types';
import { chinaDay, type WorkCalendar } from '../periods/calendar';
import { periodsContaining } from '../periods/codes';
import { deliveryDueOn, objectionDueOn, replyDueOn } from './clocks';

const beijingDays = new Map<string, string>();
/**
 * The Beijing date of an ISO instant. Instants from lib/ingest and db/queries are
 * normalised UTC (toISOString): the date is read off the string, memoised per UTC hour.
 */
export function dayOf(instant: string): string {
  if (instant.length !== 24 || instant[23] !== 'Z') return chinaDay(new Date(instant));
  const hour = instant.slice(0, 13);
  let day = beijingDays.get(hour);
  if (day === undefined) {
    day = chinaDay(new Date(`${hour}:00:00Z`));
    if (beijingDays.size < 200_000) beijingDays.set(hour, day);
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

/** Due days memoised by (start day, clock): a batch has a few hundred distinct days. */
export class DueDays {
  private readonly memo = new Map<string, string>();
  constructor(private readonly calendar: WorkCalendar) {}
  private cached(key: string, compute: () => string): string {
    let v = this.memo.get(key);
    if (v === undefined) this.memo.set(key, (v = compute()));
    return v;
  }
  reply(submittedAt: string, shareType: ShareType | null): string {
    const unconditional = shareType === 'unconditional';
    return this.cached(`r${dayOf(submittedAt)}${unconditional}`, () => replyDueOn(new Date(submittedAt), shareType, this.calendar));
  }
  delivery(repliedAt: string): string {
    return this.cached(`d${dayOf(repliedAt)}`, () => deliveryDueOn(new Date(repliedAt), this.calendar));
  }
  objection(submittedAt: string): string {
    return this.cached(`o${dayOf(submittedAt)}`, () => objectionDueOn(new Date(submittedAt), this.calendar));
  }
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
