/* eslint-disable @typescript-eslint/no-explicit-any -- these tests edit deliberately malformed scheme JSON */
import { describe, expect, it } from 'vitest';
import { defaultScheme } from './default-scheme';
import { parseScheme } from './parse-scheme';
import { schemeSchema } from './scheme-schema';

/** A minimal valid scheme as plain JSON, to break one thing at a time. */
function base(): Record<string, any> {
  return {
    name: 'test',
    dimensions: [
      { code: 'volume', name: '共享数量', weight: 0.5, indicators: [{ code: 'a', name: 'A', weight: 1 }, { code: 'b', name: 'B', weight: 1 }] },
      { code: 'quality', name: '共享质量', weight: 0.5, indicators: [{ code: 'c', name: 'C', weight: 1 }] },
    ],
    tiers: [
      { code: 'excellent', name: '优秀', topShare: 0.2 },
      { code: 'improve', name: '待改进' },
    ],
  };
}

function errorsOf(json: unknown): string[] {
  const result = parseScheme(json);
  if (result.ok) throw new Error('expected the scheme to be rejected');
  return result.errors;
}

describe('parseScheme', () => {
  it('accepts a minimal scheme and fills in the defaults', () => {
    const result = parseScheme(base());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scheme.aggregation).toBe('linear');
    expect(result.scheme.missing).toBe('zero');
    expect(result.scheme.weighting).toEqual({ method: 'expert', alpha: 0.5 });
    expect(result.scheme.dimensions[0].indicators[0]).toMatchObject({ direction: 'higher', transform: 'none', normalize: 'minmax' });
    expect(result.scheme.uncertainty).toEqual({ runs: 1000, weightJitter: 0.2, seed: 42 });
  });

  it('accepts the default scheme as it is', () => {
    expect(parseScheme(structuredClone(defaultScheme))).toEqual({ ok: true, scheme: defaultScheme });
  });

  it('names an unknown method and what was expected', () => {
    const json = base();
    json.weighting = { method: 'magic' };
    expect(errorsOf(json)).toEqual(['weighting.method: unknown method "magic" (expected one of: expert, equal, entropy, ahp, combined)']);
  });

  it('locates a negative weight by codes', () => {
    const json = base();
    json.dimensions[0].indicators[1].weight = -1;
    expect(errorsOf(json)).toEqual(['dimensions[volume].indicators[b].weight: must be ≥ 0, got -1']);
  });

  it('rejects weights that are all zero, in a dimension and across dimensions', () => {
    const json = base();
    json.dimensions[0].indicators.forEach((i: any) => (i.weight = 0));
    json.dimensions.forEach((d: any) => (d.weight = 0));
    expect(errorsOf(json)).toEqual(['dimension weights are all zero (method "expert" uses them as written)', 'dimensions[volume]: indicator weights are all zero']);
  });

  it('allows zero written weights where the method does not use them', () => {
    const json = base();
    json.dimensions.forEach((d: any) => (d.weight = 0));
    json.weighting = { method: 'equal' };
    expect(parseScheme(json).ok).toBe(true);
  });

  it('needs a target for a target indicator, and a positive one', () => {
    const json = base();
    json.dimensions[0].indicators[0].normalize = 'target';
    json.dimensions[0].indicators[1].target = 0;
    expect(errorsOf(json)).toEqual(['dimensions[volume].indicators[a]: normalize "target" needs a "target" value', 'dimensions[volume].indicators[b].target: must be greater than 0, got 0']);
  });

  it('reports duplicate codes', () => {
    const json = base();
    json.dimensions[1].indicators[0].code = 'a';
    json.dimensions[1].code = 'volume';
    json.tiers[1].code = 'excellent';
    expect(errorsOf(json)).toEqual([
      'duplicate dimension code "volume"',
      'duplicate indicator code "a" (indicator codes must be unique across all dimensions)',
      'duplicate tier code "excellent"',
    ]);
  });

  it('rejects a non-reciprocal AHP matrix, naming the matrix', () => {
    const json = base();
    json.weighting = {
      method: 'ahp',
      ahp: {
        dimensions: [
          [1, 2],
          [2, 1],
        ],
        indicators: { volume: [[1, 3], ['1/3', 1]] },
      },
    };
    expect(errorsOf(json)).toEqual(['weighting.ahp.dimensions: the matrix is not reciprocal: [1][2] × [2][1] must be 1, got 2 and 2']);
  });

  it('rejects an AHP matrix with CR ≥ 0.10, naming the matrix and its CR', () => {
    const json = base();
    json.dimensions[0].indicators.push({ code: 'd', name: 'D', weight: 1 });
    json.weighting = {
      method: 'ahp',
      ahp: {
        dimensions: [[1, 1], [1, 1]],
        // a > b, b > c, yet c ≫ a: a cycle of judgements.
        indicators: { volume: [[1, 3, '1/5'], ['1/3', 1, 3], [5, '1/3', 1]] },
      },
    };
    const errors = errorsOf(json);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^weighting\.ahp\.indicators\.volume: the AHP matrix is inconsistent, CR = \d\.\d{3} ≥ 0\.10/);
  });

  it('asks for every AHP matrix the method needs, of the right size', () => {
    const json = base();
    json.weighting = { method: 'ahp', ahp: { indicators: { volume: [[1]], nowhere: [[1]] } } };
    expect(errorsOf(json)).toEqual([
      'weighting.ahp.dimensions: method "ahp" needs a 2×2 pairwise matrix for dimensions',
      'weighting.ahp.indicators.volume: the matrix is 1×1 but there are 2 indicators in dimension "volume"',
      'weighting.ahp.indicators.nowhere: there is no dimension "nowhere"',
    ]);
  });

  it('checks the tiers: conditions on all but the last, and incentives for known tiers only', () => {
    const json = base();
    json.tiers = [{ code: 'good', name: '良好' }, { code: 'improve', name: '待改进', minScore: 0 }];
    json.incentives = { great: ['…'] };
    expect(errorsOf(json)).toEqual([
      'tiers[good]: only the last tier may have no topShare or minScore (the tiers after it could never apply)',
      'tiers[improve]: the last tier catches every remaining department, so it takes no topShare or minScore',
      'incentives.great: there is no tier "great"',
    ]);
  });

  it('gives one readable error per structural problem', () => {
    const json = base();
    delete json.name;
    json.aggregation = 'cubic';
    json.dimensions[0].indicators[0].normalise = 'rank';
    json.dimensions[1].indicators[0].code = 'Bad Code';
    json.uncertainty = { runs: 1.5 };
    expect(errorsOf(json)).toEqual([
      'name: is required',
      'aggregation: unknown aggregation "cubic" (expected one of: linear, geometric)',
      'dimensions[volume].indicators[a]: unknown field "normalise"',
      'dimensions[quality].indicators[Bad Code].code: must be lower snake case (a-z, 0-9, _), starting with a letter, got "Bad Code"',
      'uncertainty.runs: must be an int, got 1.5',
    ]);
  });

  it('rejects what is not an object at all', () => {
    expect(errorsOf('nope')).toEqual(['must be an object, got "nope"']);
  });

  it('validates through the exported zod schema too', () => {
    const json = base();
    json.dimensions[0].indicators[0].normalize = 'target';
    expect(schemeSchema.safeParse(json).success).toBe(false);
  });
});
