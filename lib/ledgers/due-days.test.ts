import { describe, expect, it } from 'vitest';
import { calendarFrom, chinaDay } from '../periods/calendar';
import { CatalogFacts, DueDays, dayOf, dueDaysOn, touchedPeriods } from './due-days';

describe('dayOf', () => {
  it('reads the Beijing date off a UTC ISO string, as chinaDay computes it', () => {
    for (const instant of ['2026-11-02T15:59:59.999Z', '2026-11-02T16:00:00.000Z', '2026-12-31T16:30:00.000Z', '2026-02-28T23:00:00.000Z']) {
      expect(dayOf(instant)).toBe(chinaDay(new Date(instant)));
    }
    for (const day of ['2026-01-31', '2026-02-28', '2024-02-28', '2024-02-29', '2026-06-30', '2026-12-31']) {
      for (let hour = 0; hour < 24; hour++) {
        for (const minute of ['00:00.000', '59:59.999']) {
          const instant = `${day}T${String(hour).padStart(2, '0')}:${minute}Z`;
          expect(dayOf(instant), instant).toBe(chinaDay(new Date(instant)));
        }
      }
    }
    expect(dayOf('2026-11-02T16:00:00.000Z')).toBe('2026-11-03');
    expect(dayOf('2026-11-03T00:30:00+08:00')).toBe('2026-11-03'); // any other form: parsed
  });
});

describe('DueDays', () => {
  it('gives 1 working day to an unconditional resource, 10 otherwise, 20 to deliver, 10 for an objection — across a holiday', () => {
    const due = new DueDays(calendarFrom([{ day: '2026-11-04', kind: 'holiday' }]));
    expect(due.reply('2026-11-03T01:00:00.000Z', 'unconditional')).toBe('2026-11-05'); // Tue → Wed is a holiday → Thu
    expect(due.reply('2026-11-02T01:00:00.000Z', 'conditional')).toBe('2026-11-17');
    expect(due.reply('2026-11-02T01:00:00.000Z', null)).toBe('2026-11-17');
    expect(due.delivery('2026-11-02T01:00:00.000Z')).toBe('2026-12-01');
    expect(due.objection('2026-11-02T01:00:00.000Z')).toBe('2026-11-17');
    // From the Beijing date, as the checks call them: the same days.
    expect([due.replyFrom('2026-11-03', 'unconditional'), due.replyFrom('2026-11-02', 'none'), due.deliveryFrom('2026-11-02'), due.objectionFrom('2026-11-02')]).toEqual([
      '2026-11-05', '2026-11-17', '2026-12-01', '2026-11-17',
    ]);
  });
});

describe('dueDaysOn', () => {
  it('keeps the due days from batch to batch while the calendar has the same days, and starts again when one changes', () => {
    const first = dueDaysOn(calendarFrom([{ day: '2026-11-04', kind: 'holiday' }]));
    expect(first.replyFrom('2026-11-03', 'unconditional')).toBe('2026-11-05');
    expect(dueDaysOn(calendarFrom([{ day: '2026-11-04', kind: 'holiday' }]))).toBe(first);
    const none = dueDaysOn(calendarFrom([]));
    expect(none).not.toBe(first);
    expect(none.replyFrom('2026-11-03', 'unconditional')).toBe('2026-11-04');
    expect(dueDaysOn(calendarFrom([{ day: '2026-11-04', kind: 'workday' }]))).not.toBe(none);
  });
});

describe('CatalogFacts', () => {
  it('gives a resource its version on a day: the latest with updated_on on or before it', () => {
    const row = { resource: 'R', provider: 'GAT', name: 'n', legal_basis: null, update_cycle: 'daily', published_on: '2026-01-01', status: 'active' } as const;
    const facts = new CatalogFacts([
      { id: 1, resource: 'R', provider: 'GAT', share_type: 'conditional', updated_on: '2026-01-01', current: false, row: { ...row, share_type: 'conditional', updated_on: '2026-01-01' } },
      { id: 2, resource: 'R', provider: 'GAT', share_type: 'unconditional', updated_on: '2026-06-01', current: true, row: { ...row, share_type: 'unconditional', updated_on: '2026-06-01' } },
    ]);
    expect(facts.shareTypeOn('R', '2025-12-31')).toBeNull();
    expect(facts.shareTypeOn('R', '2026-05-31')).toBe('conditional');
    expect(facts.shareTypeOn('R', '2026-06-01')).toBe('unconditional');
    expect(facts.current('R')?.id).toBe(2);
    expect(facts.has('X')).toBe(false);
  });
});

describe('touchedPeriods', () => {
  it('gives the months of the days and every month, quarter and year containing them', () => {
    expect(touchedPeriods(['2026-11-17', null, '2026-12-01', '2026-11-30'])).toEqual({
      months: ['2026-11', '2026-12'],
      periods: ['2026', '2026-11', '2026-12', '2026-Q4'],
    });
  });
});
