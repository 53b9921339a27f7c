import { describe, expect, it } from 'vitest';
import { defaultScheme, selfReportedScheme } from './default-scheme';
import { parseSchemeOrThrow } from './parse-scheme';
import { straddlesCutoff } from './straddle';
import { FIXED_CUTOFF_TIERS } from './test-support';
import { tierIndex } from './tier';

const fixedCutoffs = parseSchemeOrThrow({ ...defaultScheme, tiers: FIXED_CUTOFF_TIERS }).tiers;

describe('the straddle flag (跨等级)', () => {
  it('flags the 59.1 case: rank interval 25–32 of 60, a total that can cross the 60 line', () => {
    // Version 1 looked at the rank interval with the nominal total: the same tier at both ends.
    expect(tierIndex(25, 59.1, 60, fixedCutoffs)).toBe(tierIndex(32, 59.1, 60, fixedCutoffs));
    expect(straddlesCutoff([25, 32], [58.3, 60.2], 60, fixedCutoffs)).toBe(true);
    // Far from every cut-off, it is not flagged.
    expect(straddlesCutoff([25, 32], [55.1, 57.9], 60, fixedCutoffs)).toBe(false);
  });

  it('checks the rank cut-offs and every floor of tiers by share of rank', () => {
    const tiers = selfReportedScheme.tiers; // 优秀 ≤ 9, 良好 ≤ 24, 合格 ≤ 48 of 60; floors 70 / 60 / 50 (v1's)
    expect(straddlesCutoff([25, 32], [58.3, 60.2], 60, tiers)).toBe(false); // all inside 合格, far above its floor
    expect(straddlesCutoff([23, 27], [58.3, 60.2], 60, tiers)).toBe(true); // crosses rank 24
    expect(straddlesCutoff([30, 40], [49.6, 51.0], 60, tiers)).toBe(true); // the 合格 floor at 50
    expect(straddlesCutoff([5, 7], [71, 74], 60, tiers)).toBe(false);
  });
});

describe('tiers by share of rank with floors', () => {
  it('demote by one tier at most', () => {
    const tiers = selfReportedScheme.tiers; // floors 70 / 60 / 50
    expect(tierIndex(3, 85, 60, tiers)).toBe(0);
    expect(tierIndex(3, 65, 60, tiers)).toBe(1); // below 优秀's floor 70: 良好
    expect(tierIndex(3, 20, 60, tiers)).toBe(1); // far below every floor: still one tier down only
    expect(tierIndex(30, 49, 60, tiers)).toBe(3); // 合格 band below its floor 50
    expect(tierIndex(50, 90, 60, tiers)).toBe(3); // the last band has no tier below
  });

  it('refuse a floor on the last tier', () => {
    expect(() => parseSchemeOrThrow({ ...defaultScheme, tiers: [{ code: 'a', name: 'A', topShare: 0.5 }, { code: 'b', name: 'B', floor: 10 }], incentives: {} })).toThrow(/takes no floor/);
  });
});
