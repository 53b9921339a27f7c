import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultScheme, selfReportedScheme } from './default-scheme';
import { allIndicators } from './layout';

// CONTRACT.md §8: the codes are part of the contract.
const contract = {
  volume: ['resources_published', 'records_delivered', 'positive_list_rate', 'shareable_rate', 'demand_response_rate', 'delivery_timeliness_rate'],
  quality: ['completeness_rate', 'accuracy_rate', 'update_timeliness_rate', 'catalog_timeliness_rate', 'objection_resolution_rate', 'resource_utilization_rate', 'service_success_rate'],
  effect: ['calls_served', 'consumer_departments', 'scenarios_supported', 'satisfaction_score'],
};
const eventsIndicators = ['records_delivered', 'service_success_rate', 'calls_served', 'consumer_departments'];
const ledgerIndicators = ['resources_published', 'shareable_rate', 'demand_response_rate', 'delivery_timeliness_rate', 'objection_resolution_rate', 'resource_utilization_rate', 'satisfaction_score'];

describe('the default scheme', () => {
  it('has the §8 indicators in three dimensions', () => {
    expect(Object.fromEntries(defaultScheme.dimensions.map((d) => [d.code, d.indicators.map((i) => i.code)]))).toEqual(contract);
    expect(defaultScheme.dimensions.map((d) => d.name)).toEqual(['共享数量', '共享质量', '应用成效']);
  });

  it('marks each indicator’s source and kind as §8 does', () => {
    const indicators = allIndicators(defaultScheme);
    expect(indicators.filter((i) => i.source === 'events').map((i) => i.code)).toEqual(eventsIndicators);
    expect(indicators.filter((i) => i.kind === 'count').map((i) => i.code)).toEqual(['resources_published', 'records_delivered', 'calls_served', 'consumer_departments', 'scenarios_supported']);
    expect(indicators.find((i) => i.code === 'satisfaction_score')).toMatchObject({ kind: 'score', unit: '分', target: 100 });
    expect(indicators.every((i) => typeof i.unit === 'string' && i.unit.length > 0)).toBe(true);
    expect(indicators.filter((i) => i.source === 'ledger').map((i) => i.code)).toEqual(ledgerIndicators);
    expect(indicators.filter((i) => i.source === 'metric').map((i) => i.code)).toEqual([
      'positive_list_rate', 'completeness_rate', 'accuracy_rate', 'update_timeliness_rate', 'catalog_timeliness_rate', 'scenarios_supported',
    ]);
  });

  it('has expert weights summing to 1 at each level, in both shipped versions', () => {
    const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
    for (const scheme of [defaultScheme, selfReportedScheme]) {
      expect(sum(scheme.dimensions.map((d) => d.weight))).toBeCloseTo(1, 12);
      for (const d of scheme.dimensions) expect(sum(d.indicators.map((i) => i.weight))).toBeCloseTo(1, 12);
    }
  });

  it('keeps version 1 (self-reported statutory indicators) with the shares of rank and incentives of version 2, and floors five points higher', () => {
    const v1 = allIndicators(selfReportedScheme);
    expect(v1.some((i) => i.source === 'ledger')).toBe(false);
    expect(v1.find((i) => i.code === 'demand_response_rate')).toMatchObject({ source: 'metric' });
    expect(selfReportedScheme.tiers.map((t) => [t.code, t.topShare])).toEqual(defaultScheme.tiers.map((t) => [t.code, t.topShare]));
    expect(selfReportedScheme.tiers.map((t) => t.floor)).toEqual([70, 60, 50, undefined]);
    expect(defaultScheme.tiers.map((t) => t.floor)).toEqual([65, 55, 45, undefined]);
    expect(selfReportedScheme.incentives).toEqual(defaultScheme.incentives);
  });

  it('has the four tiers with incentive texts for each, and the stated settings', () => {
    expect(defaultScheme.tiers.map((t) => [t.code, t.name])).toEqual([
      ['excellent', '优秀'],
      ['good', '良好'],
      ['pass', '合格'],
      ['improve', '待改进'],
    ]);
    for (const tier of defaultScheme.tiers) expect(defaultScheme.incentives[tier.code]?.length).toBeGreaterThan(0);
    expect(defaultScheme.incentives.excellent.join()).toMatch(/第三十八条/);
    expect(defaultScheme.incentives.improve.join()).toMatch(/整改通知书/);
    expect(defaultScheme.incentives.improve.join()).toMatch(/共享承诺书/);
    expect([defaultScheme.assessmentPoints, defaultScheme.penaltyCap, defaultScheme.uncertainty]).toEqual([10, 10, { runs: 1000, weightJitter: 0.2, seed: 42 }]);
  });

  it('is what examples/default-scheme.json holds (regenerate the file if this fails)', () => {
    const file = JSON.parse(readFileSync(new URL('../../examples/default-scheme.json', import.meta.url), 'utf8'));
    expect(file).toEqual(defaultScheme);
  });
});
