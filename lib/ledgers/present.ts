// How the ledger pages say a clock (docs/dashboard.md "Ledgers"): 剩余 N 个工作日 / 今日到期 /
// 已超期 N 个工作日 while open, 按期 / 超期 once done. Pure.
import { fill, type Messages } from '../i18n';
import type { Clock } from './clocks';

export type ClockTone = 'ok' | 'warn' | 'bad';

export function clockText(clock: Clock | null, t: Messages): { text: string; tone: ClockTone | null } {
  const c = t.ledgers.clock;
  if (!clock) return { text: c.none, tone: null };
  if (clock.state === 'done') return clock.onTime ? { text: c.onTime, tone: 'ok' } : { text: c.late, tone: 'bad' };
  if (clock.state === 'overdue') return { text: fill(c.overdue, { n: clock.overdueWorkingDays }), tone: 'bad' };
  if (clock.remainingWorkingDays === 0) return { text: c.dueToday, tone: 'warn' };
  return { text: fill(c.remaining, { n: clock.remainingWorkingDays }), tone: clock.remainingWorkingDays <= 2 ? 'warn' : 'ok' };
}

/** Today less `months` calendar months, as a Beijing date (the 31st becomes the month's last day). */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** May the consumer rate this request now (data delivered, and no platform rating)? The service checks the same. */
export function rateable(row: { decision: string; deliveredAt: Date | null; ratingSource: 'platform' | 'consumer' | null }): boolean {
  return (row.decision === 'approved' || row.decision === 'conditional') && row.deliveredAt !== null && row.ratingSource !== 'platform';
}
