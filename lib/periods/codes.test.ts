import { describe, expect, it } from 'vitest';
import { daysOfMonth, parsePeriod, periodsContaining, periodsOfMonths, previousPeriod, recentMonths } from './codes';

describe('period codes', () => {
  it('lists the periods months need rows for: each month, its quarter and its year, once', () => {
    const periods = periodsOfMonths(['2026-03', '2026-04', '2026-03']);
    expect(periods.map((p) => p.code)).toEqual(['2026-03', '2026-Q1', '2026', '2026-04', '2026-Q2']);
    expect(periods[1]).toMatchObject({ kind: 'quarter', startsOn: '2026-01-01', endsOn: '2026-03-31' });
    expect(periodsOfMonths([])).toEqual([]);
  });
  it('parses months, quarters and years with their date ranges', () => {
    expect(parsePeriod('2026-10')).toMatchObject({ kind: 'month', startsOn: '2026-10-01', endsOn: '2026-10-31', months: ['2026-10'] });
    expect(parsePeriod('2026-Q1')).toMatchObject({ kind: 'quarter', startsOn: '2026-01-01', endsOn: '2026-03-31', months: ['2026-01', '2026-02', '2026-03'] });
    expect(parsePeriod('2024-02')?.endsOn).toBe('2024-02-29');
    expect(parsePeriod('2026')?.months).toHaveLength(12);
  });
  it('rejects malformed codes', () => {
    for (const bad of ['2026-13', '2026-Q5', '2026-1', '26', '2026-Q0', '2026-10-01', '']) expect(parsePeriod(bad)).toBeNull();
  });
  it('finds the periods a month touches and the previous period of each kind', () => {
    expect(periodsContaining('2026-11')).toEqual(['2026-11', '2026-Q4', '2026']);
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(previousPeriod('2026-Q1')).toBe('2025-Q4');
    expect(previousPeriod('2026-Q3')).toBe('2026-Q2');
    expect(previousPeriod('2026')).toBe('2025');
  });
  it('lists the last whole months before a date and the days of a month', () => {
    expect(recentMonths('2026-01-15', 3)).toEqual(['2025-10', '2025-11', '2025-12']);
    expect(daysOfMonth('2026-02')).toHaveLength(28);
  });
});
