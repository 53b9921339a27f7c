// A change to the working-day calendar moves the ledgers' clocks: in the same transaction,
// every request and objection whose clock runs across the changed day (started before it,
// due on or after it) gets its due days recomputed, and the periods they fall in (before
// and after) are marked stale. The admin pages change the calendar through these.
import type { Database, Session } from '../../db/types';
import { itemsSpanningDay, lockClockInputs } from '../../db/queries/ledger-ingest';
import type { ActionContext } from '../auth/context';
import { loadWorkCalendar, removeCalendarDay, setCalendarDay } from '../periods/calendar-service';
import { markChanged } from '../scores/freshness';
import { recomputeDueDays } from './due-days';

export async function moveDueDays(tx: Session, day: string): Promise<void> {
  // Waits for request and objection batches in flight (due days from the old calendar), then reads their rows too.
  await lockClockInputs(tx, 'exclusive');
  const moved = await recomputeDueDays(tx, await itemsSpanningDay(tx, day), await loadWorkCalendar(tx), `calendar:${day}`);
  if (moved.length) await markChanged(tx, moved);
}

/** Adds or replaces a holiday or make-up workday, and moves the clocks it changes. */
export const setWorkCalendarDay = (database: Database, ctx: ActionContext, input: Parameters<typeof setCalendarDay>[2]) => setCalendarDay(database, ctx, input, moveDueDays);

/** Removes a calendar day, and moves the clocks it changes. */
export const removeWorkCalendarDay = (database: Database, ctx: ActionContext, day: string) => removeCalendarDay(database, ctx, day, moveDueDays);
