import { describe, expect, it } from 'vitest';
import { scoringInputFromRows } from './input-from-rows';
import { indicator, testScheme } from './test-support';

const scheme = testScheme([
  { code: 'd', name: 'd', indicators: [indicator('calls', { kind: 'count' }), indicator('rate', { kind: 'rate' })] },
]);

describe('scoringInputFromRows', () => {
  it('builds departments (with names), values and incidents', () => {
    const result = scoringInputFromRows(
      [
        { row: 2, department: 'D01', indicator: 'calls', value: '12', name: '省公安厅' },
        { row: 3, department: 'D01', indicator: 'rate', value: '' },
        { row: 4, department: 'D02', indicator: 'rate', value: 0.5 },
      ],
      [{ row: 2, department: 'D02', points: '2', exempt: '是' }, { row: 3, department: 'D01', points: 1 }],
      scheme,
    );
    expect(result).toEqual({
      ok: true,
      input: {
        departments: [{ code: 'D01', name: '省公安厅' }, { code: 'D02' }],
        values: { D01: { calls: 12, rate: null }, D02: { rate: 0.5 } },
        incidents: [
          { department: 'D02', points: 2, exempt: true },
          { department: 'D01', points: 1, exempt: false },
        ],
      },
    });
  });

  it('reports every bad row with its number', () => {
    const result = scoringInputFromRows(
      [
        { row: 2, department: 'D 1', indicator: 'calls', value: '1' },
        { row: 3, department: 'D2', indicator: 'nope', value: '1' },
        { row: 4, department: 'D2', indicator: 'calls', value: 'many' },
        { row: 5, department: 'D2', indicator: 'rate', value: '97' },
        { row: 6, department: 'D3', indicator: 'calls', value: '1' },
        { row: 7, department: 'D3', indicator: 'calls', value: '2' },
      ],
      [
        { row: 2, department: 'D9', points: '1', exempt: 'false' },
        { row: 3, department: 'D3', points: '-1' },
        { row: 4, department: 'D3', points: '1', exempt: 'maybe' },
      ],
      scheme,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'row 2: department code "D 1" must be 1–32 characters of A-Z a-z 0-9 _ -',
      'row 3: indicator "nope" is not in the scheme',
      'row 4: value "many" is not a number',
      'row 5: rate is a rate: it must be a fraction between 0 and 1 (0.97, not 97%), got 97',
      'row 7: a second value for department D3, indicator calls (first on row 6)',
      'incidents row 2: department "D9" has no values in the input',
      'incidents row 3: points "-1" must be a number ≥ 0',
      'incidents row 4: exempt "maybe" must be true or false',
    ]);
  });

  it('refuses an input without rows', () => {
    expect(scoringInputFromRows([], [], scheme)).toEqual({ ok: false, errors: ['the input has no rows'] });
  });
});
