import { describe, expect, it } from 'vitest';
import { messages } from '../i18n';
import { allIndicators, recommendationFacts, scoreDepartments, type Scheme, type ScoringInput } from '../scoring';
import { workedInput, workedScheme } from '../scoring/test-support';
import { v1Sentences as recommendations } from './sentences';

// Engine version 1 wrote these sentences into its results; finalized snapshots of that
// version are recomputed with them (lib/periods/snapshot.ts).
const scoreV1 = (input: ScoringInput, scheme: Scheme) => scoreDepartments(input, scheme, { engine: 1, v1Recommendations: (facts) => recommendations(facts) });

describe('engine version 1 recommendations', () => {
  it('start with the tier’s incentive texts, then targeted advice', () => {
    const texts = recommendations({
      incentives: ['信息化项目立项审批优先支持'],
      weakest: { name: '共享质量', score: 61.25 },
      levers: [{ name: '数据完整率', points: 3.2 }, { name: '接口调用成功率', points: 1.05 }],
      straddles: { lo: 3, hi: 9 },
      penalty: 2,
      missing: ['异议按期处理率'],
    });
    expect(texts).toEqual([
      '信息化项目立项审批优先支持',
      '短板维度为「共享质量」（61.3 分），建议作为下期改进重点',
      '优先改进：数据完整率（提升至最优水平可增 3.20 分）、接口调用成功率（提升至最优水平可增 1.05 分）',
      '以下指标本期未报送数据：异议按期处理率，请按期报送',
      '本期因安全或质量事件扣 2.00 分，请落实整改',
      '权重不确定性分析显示排名区间为第 3–9 名，跨越等级分界，等级结论宜审慎解读',
    ].map((t, i) => (i === 4 ? `${t}，避免再次发生` : t)));
  });

  it('say nothing targeted when there is nothing to say', () => {
    expect(recommendations({ incentives: [], weakest: null, levers: [], straddles: null, penalty: 0, missing: [] })).toEqual([]);
  });

  it('come from the scheme’s incentives for the department’s tier', () => {
    const scheme = workedScheme({ incentives: { top: ['优先支持'], rest: ['下发整改通知书'] } });
    const result = scoreV1(workedInput, scheme);
    const first = Object.fromEntries(result.departments.map((d) => [d.department, d.recommendations![0]]));
    expect(first).toEqual({ A: '优先支持', C: '优先支持', B: '下发整改通知书' });
    // B's weakest dimension is a tie (50, 50): no "weakest" advice, only the levers.
    expect(result.departments.find((d) => d.department === 'B')!.recommendations!.slice(1)).toEqual([
      '优先改进：x1（提升至最优水平可增 22.50 分）、y1（提升至最优水平可增 20.00 分）、x2（提升至最优水平可增 7.50 分）',
    ]);
  });

  it('are written in the words given: the same facts in English', () => {
    const texts = recommendations(
      { incentives: [], weakest: { name: 'Quality', score: 61.25 }, levers: [{ name: 'Completeness', points: 3.2 }, { name: 'Call success', points: 1.05 }], straddles: { lo: 3, hi: 9 }, penalty: 2, missing: ['Appeals on time'] },
      messages('en').advice,
    );
    expect(texts).toEqual([
      'Weakest dimension: Quality (61.3 points); make it the focus for next period',
      'Improve first: Completeness (up to 3.20 more points if raised to the best level); Call success (up to 1.05 more points if raised to the best level)',
      'No data reported this period for: Appeals on time; please report on time',
      '2.00 points deducted this period for security or quality incidents; fix the causes so they do not recur',
      'Under weight uncertainty the rank lies between 3 and 9, across a tier boundary; read the tier with caution',
    ]);
  });

  it('can be written again from the result alone: its facts in codes give back the engine’s texts', () => {
    const scheme = workedScheme({ incentives: { top: ['优先支持'], rest: ['下发整改通知书'] } });
    const input = { ...workedInput, incidents: [{ department: 'C', points: 1.5, exempt: false }] };
    const result = scoreV1(input, scheme);
    const named = { dimensions: scheme.dimensions, indicators: allIndicators(scheme) };
    for (const d of result.departments) {
      expect(recommendations(recommendationFacts(d, named, scheme.incentives[d.tier] ?? []))).toEqual(d.recommendations);
    }
    expect(result.departments.find((d) => d.department === 'C')!.recommendations!.join()).toMatch(/扣 1.50 分/);
  });

  it('can be written again when a dimension has no score (exclude, nothing reported in it)', () => {
    const scheme = workedScheme({ missing: 'exclude' });
    const input = { ...workedInput, values: { ...workedInput.values, C: { x1: 0.2, x2: 5, y1: null } } };
    const result = scoreV1(input, scheme);
    const c = result.departments.find((d) => d.department === 'C')!;
    expect(c.dimensions.b).toBe(0); // stored as 0, but it has no score: it must not be called the weakest
    const named = { dimensions: scheme.dimensions, indicators: allIndicators(scheme) };
    expect(recommendationFacts(c, named, []).weakest).toBeNull();
    for (const d of result.departments) expect(recommendations(recommendationFacts(d, named, []))).toEqual(d.recommendations);
  });
});
