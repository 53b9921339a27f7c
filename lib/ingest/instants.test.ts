// normalInstant's fast paths give what parsing in full gives, on every form a cell may take.
import { describe, expect, it } from 'vitest';
import { INSTANT, isCalendarDate, normalInstant } from './instants';

/** The full parse, as every cell was read before the fast paths. */
function parsedInFull(v: string): string | null {
  const ms = INSTANT.test(v) && isCalendarDate(v.slice(0, 10)) ? Date.parse(v.replace(' ', 'T')) : NaN;
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

describe('normalInstant', () => {
  it('agrees with the full parse on the forms a cell may take, valid or not', () => {
    const days = ['2026-10-09', '2026-02-28', '2026-02-29', '2024-02-29', '2026-12-31', '2026-01-01', '2026-04-31', '0001-01-01', '9999-12-31', '2026-13-01'];
    const clocks = ['00:00', '09:30', '23:59', '24:00', '12:60', '07:05', '16:45'];
    const seconds = ['', ':00', ':59', ':60', ':07'];
    const fractions = ['', '.1', '.12', '.123', '.1234', '.123456', '.999'];
    const offsets = ['Z', '+08:00', '-05:00', '+00:00', '+05:30', '+14:00', '-12:00', '+23:00', '+24:00', '+25:00', '+0800', '+08', '-0330', '+08:60', 'z', ''];
    const separators = ['T', ' ', 't'];
    let compared = 0;
    for (const day of days) {
      for (const separator of separators) {
        for (const clock of clocks) {
          for (const secs of seconds) {
            for (const fraction of secs ? fractions : ['']) {
              for (const offset of offsets) {
                const v = `${day}${separator}${clock}${secs}${fraction}${offset}`;
                expect(normalInstant(v), v).toBe(parsedInFull(v));
                compared++;
              }
            }
          }
        }
      }
    }
    expect(compared).toBe(10 * 3 * 7 * (1 + 4 * 7) * 16);
  });

  it('reads the common forms', () => {
    expect(normalInstant('2026-10-09T09:30:00+08:00')).toBe('2026-10-09T01:30:00.000Z');
    expect(normalInstant('2026-10-09T07:30:00+08:00')).toBe('2026-10-08T23:30:00.000Z'); // the day before in UTC
    expect(normalInstant('2026-10-09T01:30:00.000Z')).toBe('2026-10-09T01:30:00.000Z');
    expect(normalInstant('2026-10-09 09:30:00+08:00')).toBe('2026-10-09T01:30:00.000Z');
    expect(normalInstant('2026-10-09T24:00:00.000Z')).toBe('2026-10-10T00:00:00.000Z');
    expect(normalInstant('2026-02-30T09:30:00+08:00')).toBeNull();
    expect(normalInstant('2026-10-09T09:30:00')).toBeNull(); // no offset
  });
});
