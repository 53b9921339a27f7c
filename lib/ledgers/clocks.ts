// The ledgers' statutory clocks (条例 art. 21, 22, 26), in working days on the bureau's
// calendar, counted as appeal deadlines are (docs/scoring.md "Ledger indicators"): n
// working days end at 24:00 Beijing time on the n-th working day after the submission day.
// Pure: due days are stored at write time and recomputed when the calendar changes.
import { addWorkingDays, chinaDay, endOfChinaDay, workingDaysBetween, type WorkCalendar } from '../periods/calendar';

export type ShareType = 'unconditional' | 'conditional' | 'none';

/** Working days a provider has to reply: 1 for an unconditional resource, else 10 (art. 21). */
export const REPLY_DAYS_UNCONDITIONAL = 1;
export const REPLY_DAYS_OTHER = 10;
/** Working days to deliver after an approving reply (art. 22). */
export const DELIVERY_DAYS = 20;
/** Working days to resolve an objection (art. 26). */
export const OBJECTION_DAYS = 10;

/** The reply's due day. `shareType` is the resource's on the submission day; null (a need not yet in the catalog) counts as not unconditional. */
export function replyDueOn(submittedAt: Date, shareType: ShareType | null, calendar: WorkCalendar): string {
  return replyDueFrom(chinaDay(submittedAt), shareType, calendar);
}

/** The same from the submission's Beijing date. */
export function replyDueFrom(submittedDay: string, shareType: ShareType | null, calendar: WorkCalendar): string {
  return addWorkingDays(submittedDay, shareType === 'unconditional' ? REPLY_DAYS_UNCONDITIONAL : REPLY_DAYS_OTHER, calendar);
}

/** The delivery's due day, counted from an approving reply. */
export function deliveryDueOn(repliedAt: Date, calendar: WorkCalendar): string {
  return deliveryDueFrom(chinaDay(repliedAt), calendar);
}

export const deliveryDueFrom = (repliedDay: string, calendar: WorkCalendar) => addWorkingDays(repliedDay, DELIVERY_DAYS, calendar);

export function objectionDueOn(submittedAt: Date, calendar: WorkCalendar): string {
  return objectionDueFrom(chinaDay(submittedAt), calendar);
}

export const objectionDueFrom = (submittedDay: string, calendar: WorkCalendar) => addWorkingDays(submittedDay, OBJECTION_DAYS, calendar);

/** Done by the end (24:00 Beijing time) of the due day. */
export function doneOnTime(doneAt: Date, dueOn: string): boolean {
  return doneAt.getTime() <= endOfChinaDay(dueOn).getTime();
}

export type Clock =
  | { state: 'done'; onTime: boolean }
  | { state: 'open'; remainingWorkingDays: number } // 0: due today
  | { state: 'overdue'; overdueWorkingDays: number };

/** What a page shows beside an item: 剩余 N 个工作日 / 已超期 N 个工作日 / 按期 / 超期. */
export function clockOf(dueOn: string, doneAt: Date | null, now: Date, calendar: WorkCalendar): Clock {
  if (doneAt) return { state: 'done', onTime: doneOnTime(doneAt, dueOn) };
  if (doneOnTime(now, dueOn)) return { state: 'open', remainingWorkingDays: workingDaysBetween(chinaDay(now), dueOn, calendar) };
  return { state: 'overdue', overdueWorkingDays: Math.max(1, workingDaysBetween(dueOn, chinaDay(now), calendar)) };
}
