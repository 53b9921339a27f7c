import { describe, expect, it } from 'vitest';
import { calendarFrom } from '../periods/calendar';
import { clockOf, deliveryDueOn, doneOnTime, objectionDueOn, replyDueOn } from './clocks';

// 2026: National Day holiday 10-01..10-08 with make-up workdays Sunday 09-27 and Saturday 10-10.
const calendar = calendarFrom([
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => ({ day: `2026-10-${d}`, kind: 'holiday' })),
  { day: '2026-09-27', kind: 'workday' },
  { day: '2026-10-10', kind: 'workday' },
]);
const at = (iso: string) => new Date(iso);

describe('ledger clocks', () => {
  it('gives an unconditional resource one working day: Monday 09:00 → end of Tuesday', () => {
    expect(replyDueOn(at('2026-11-02T09:00:00+08:00'), 'unconditional', calendar)).toBe('2026-11-03');
    expect(replyDueOn(at('2026-11-06T17:00:00+08:00'), 'unconditional', calendar)).toBe('2026-11-09'); // Friday → Monday
  });

  it('gives conditional resources and needs outside the catalog ten working days', () => {
    expect(replyDueOn(at('2026-11-02T09:00:00+08:00'), 'conditional', calendar)).toBe('2026-11-16');
    expect(replyDueOn(at('2026-11-02T09:00:00+08:00'), null, calendar)).toBe('2026-11-16');
  });

  it('counts the submission day in Beijing time, not UTC', () => {
    // 2026-11-02 23:30 UTC is already Tuesday in Beijing.
    expect(replyDueOn(at('2026-11-02T23:30:00Z'), 'unconditional', calendar)).toBe('2026-11-04');
  });

  it('skips a holiday and counts a make-up workday on a weekend', () => {
    // Friday 09-25 + 10: Sun 09-27 (1), 09-28..30 (2-4), 10-01..08 off, Fri 10-09 (5), Sat 10-10 (6), 10-12..15 (7-10).
    expect(objectionDueOn(at('2026-09-25T10:00:00+08:00'), calendar)).toBe('2026-10-15');
    expect(replyDueOn(at('2026-09-30T10:00:00+08:00'), 'unconditional', calendar)).toBe('2026-10-09');
  });

  it('gives delivery twenty working days from the approving reply', () => {
    expect(deliveryDueOn(at('2026-11-02T09:00:00+08:00'), calendar)).toBe('2026-11-30');
  });

  it('is on time up to 24:00 Beijing time of the due day', () => {
    expect(doneOnTime(at('2026-11-03T23:59:59+08:00'), '2026-11-03')).toBe(true);
    expect(doneOnTime(at('2026-11-04T00:00:00+08:00'), '2026-11-03')).toBe(false);
  });

  it('tells what is left and how late, in working days', () => {
    expect(clockOf('2026-11-16', null, at('2026-11-12T10:00:00+08:00'), calendar)).toEqual({ state: 'open', remainingWorkingDays: 2 });
    expect(clockOf('2026-11-16', null, at('2026-11-16T10:00:00+08:00'), calendar)).toEqual({ state: 'open', remainingWorkingDays: 0 });
    expect(clockOf('2026-11-16', null, at('2026-11-19T10:00:00+08:00'), calendar)).toEqual({ state: 'overdue', overdueWorkingDays: 3 });
    expect(clockOf('2026-11-16', at('2026-11-17T08:00:00+08:00'), at('2026-11-19T10:00:00+08:00'), calendar)).toEqual({ state: 'done', onTime: false });
  });
});
