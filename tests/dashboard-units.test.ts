// The dashboard's pure pieces: query-string parsing and links, period words and choices,
// the Sankey layout, trend reshaping, value formatting, the memo cache, scheme metadata.
import { describe, expect, it } from 'vitest';
import { messages } from '@/lib/i18n';
import { defaultIncentiveTranslations } from '@/lib/i18n/default-incentives';
import { indicatorValueText, leverText, rankChangeText, rankRangeText, tierLabel } from '@/lib/dashboard/format';
import { departmentCodeParam, pagePath } from '@/lib/dashboard/page-path';
import { choosePeriod, groupPeriods } from '@/lib/dashboard/period-choice';
import { dateLabel, dateTimeLabel, periodLabel, recentPeriodsOfKind } from '@/lib/dashboard/period-labels';
import { parseRankingParams, rankingHref, sortHref } from '@/lib/dashboard/ranking-params';
import { buildSankey } from '@/lib/dashboard/sankey';
import { buildFlowMatrix, cellColors, contrastRatio, heat } from '@/lib/dashboard/flow-matrix';
import { localizeMeta, schemeMeta } from '@/lib/dashboard/scheme-meta';
import { buildTrendSeries, withSchemeChanges } from '@/lib/dashboard/trend-series';
import { defaultScheme } from '@/lib/scoring';

const zh = messages('zh-CN');
const en = messages('en');

describe('ranking query string', () => {
  it('falls back to defaults for anything odd', () => {
    const p = parseRankingParams({ page: '-3', sort: 'drop table', dir: 'sideways', tier: 'Bad Tier', compare: ['GAT,bad code!', 'MZT', 'GAT'] });
    expect(p).toMatchObject({ page: 1, sort: 'rank', descending: false, tier: null, compare: ['GAT', 'MZT'] });
  });

  it('reads a dimension sort and defaults scores to descending', () => {
    expect(parseRankingParams({ sort: 'dim:quality' })).toMatchObject({ sort: 'dimension', dimension: 'quality', descending: true });
    expect(parseRankingParams({ sort: 'total', dir: 'asc' })).toMatchObject({ sort: 'total', descending: false });
    expect(parseRankingParams({ sort: 'dimension' })).toMatchObject({ sort: 'rank', dimension: null });
  });

  it('writes links that parse back to the same parameters, leaving defaults out', () => {
    const p = parseRankingParams({ period: '2026-Q3', sort: 'dim:effect', dir: 'asc', tier: 'good', q: '公安', compare: 'GAT,MZT', page: '3' });
    const href = rankingHref(p);
    const back = parseRankingParams(Object.fromEntries(new URLSearchParams(href.split('?')[1])));
    expect(back).toEqual(p);
    expect(rankingHref(parseRankingParams({}))).toBe('/rankings');
  });

  it('toggles the direction when the sorted column is clicked again and resets the page', () => {
    const p = parseRankingParams({ sort: 'total', page: '4' });
    const again = parseRankingParams(Object.fromEntries(new URLSearchParams(sortHref(p, 'total').split('?')[1])));
    expect(again).toMatchObject({ sort: 'total', descending: false, page: 1 });
    const other = parseRankingParams(Object.fromEntries(new URLSearchParams(sortHref(p, 'name').split('?')[1] ?? '')));
    expect(other).toMatchObject({ sort: 'name', descending: false });
  });
});

describe('pages and codes', () => {
  it('keeps the query for the way back after sign-in', () => {
    expect(pagePath('/rankings', { period: '2026-10', compare: ['A', 'B'], empty: undefined })).toBe('/rankings?period=2026-10&compare=A&compare=B');
    expect(pagePath('/flows', {})).toBe('/flows');
  });

  it('accepts only department codes in the route', () => {
    expect(departmentCodeParam('GAT')).toBe('GAT');
    expect(departmentCodeParam('C01-03_a')).toBe('C01-03_a');
    expect(departmentCodeParam('%E0%A4%A')).toBeNull();
    expect(departmentCodeParam('a b')).toBeNull();
    expect(departmentCodeParam('x'.repeat(33))).toBeNull();
  });
});

describe('periods in words', () => {
  it('formats months, quarters and years with date-fns in Chinese and English', () => {
    expect(periodLabel('2026-10', 'zh-CN')).toBe('2026年10月');
    expect(periodLabel('2026-Q4', 'zh-CN')).toBe('2026年第四季度');
    expect(periodLabel('2026', 'zh-CN')).toBe('2026年');
    expect(periodLabel('2026-10', 'en')).toBe('October 2026');
    expect(periodLabel('2026-Q4', 'en')).toBe('Q4 2026');
    expect(periodLabel('nonsense', 'en')).toBe('nonsense');
    expect(dateLabel('2026-10-03', 'zh-CN')).toBe('2026年10月3日');
  });

  it('walks back through periods of the same kind, skipping those without data', () => {
    const available = new Set(['2026-10', '2026-09', '2026-07', '2026-Q3', '2026-Q2', '2026']);
    expect(recentPeriodsOfKind('2026-10', 3, available)).toEqual(['2026-07', '2026-09', '2026-10']);
    expect(recentPeriodsOfKind('2026-Q3', 6, available)).toEqual(['2026-Q2', '2026-Q3']);
    expect(recentPeriodsOfKind('2026-01', 3, available)).toEqual([]);
  });

  it('chooses the requested period when it has data, else the latest month', () => {
    const rows = [
      { code: '2026', kind: 'year' as const, startsOn: '2026-01-01', endsOn: '2026-12-31', status: 'open' },
      { code: '2026-Q4', kind: 'quarter' as const, startsOn: '2026-10-01', endsOn: '2026-12-31', status: 'open' },
      { code: '2026-10', kind: 'month' as const, startsOn: '2026-10-01', endsOn: '2026-10-31', status: 'open' },
      { code: '2026-09', kind: 'month' as const, startsOn: '2026-09-01', endsOn: '2026-09-30', status: 'finalized' },
    ];
    expect(choosePeriod(rows, null)!.code).toBe('2026-10');
    expect(choosePeriod(rows, '2026-Q4')!.code).toBe('2026-Q4');
    expect(choosePeriod(rows, '1999-01')!.code).toBe('2026-10');
    expect(choosePeriod([], null)).toBeNull();
    expect(groupPeriods(rows).month.map((p) => p.code)).toEqual(['2026-10', '2026-09']);
  });
});

describe('the Sankey layout', () => {
  it('puts providers and consumers in separate columns so a two-way pair stays acyclic', () => {
    const data = buildSankey([
      { provider: 'A', providerName: '甲', consumer: 'B', consumerName: '乙', calls: 10 },
      { provider: 'B', providerName: '乙', consumer: 'A', consumerName: '甲', calls: 5 },
      { provider: 'A', providerName: '甲', consumer: 'C', consumerName: '丙', calls: 0 },
    ]);
    expect(data.nodes.map((n) => `${n.side}:${n.code}`)).toEqual(['provider:A', 'provider:B', 'consumer:B', 'consumer:A']);
    expect(data.links).toEqual([
      { source: 0, target: 2, value: 10 },
      { source: 1, target: 3, value: 5 },
    ]);
    for (const link of data.links) expect(data.nodes[link.source].side).toBe('provider');
  });
});

describe('trend series', () => {
  it('has one row per period with gaps as null and drops unknown departments', () => {
    const series = buildTrendSeries(['2026-09', '2026-10'], ['A', 'B', 'GONE'], { A: '甲', B: '乙' }, [
      { period: '2026-09', code: 'A', rank: 2, total: 70, ranked: 3, schemeVersion: 1 },
      { period: '2026-10', code: 'A', rank: 1, total: 80, ranked: 3, schemeVersion: 1 },
      { period: '2026-10', code: 'B', rank: 3, total: 50, ranked: 3, schemeVersion: 1 },
    ]);
    expect(series.departments.map((d) => d.code)).toEqual(['A', 'B']);
    expect(series.rows[0]).toEqual({ period: '2026-09', totals: { A: 70, B: null }, ranks: { A: 2, B: null }, ranked: 3, schemeVersion: 1, schemeChange: null });
    expect(series.rows[1].totals).toEqual({ A: 80, B: 50 });
    expect(series.rows[1].schemeChange).toBeNull();
  });

  it('marks the period where the scheme version changed (口径变更 v1→v2), across a period without scores', () => {
    const series = buildTrendSeries(['2026-08', '2026-09', '2026-10'], ['A'], { A: '甲' }, [
      { period: '2026-08', code: 'A', rank: 1, total: 70, ranked: 3, schemeVersion: 1 },
      { period: '2026-10', code: 'A', rank: 1, total: 80, ranked: 3, schemeVersion: 2 },
    ]);
    expect(series.rows.map((r) => r.schemeChange)).toEqual([null, null, { from: 1, to: 2 }]);
  });

  it("marks a department's own trend the same way (one rule for both charts)", () => {
    const rows = withSchemeChanges([{ schemeVersion: 1 }, { schemeVersion: null }, { schemeVersion: 2 }, { schemeVersion: 2 }]);
    expect(rows.map((r) => r.schemeChange)).toEqual([null, null, { from: 1, to: 2 }, null]);
  });
});

describe('values in words', () => {
  it('writes raw values with their unit in each language', () => {
    expect(indicatorValueText({ kind: 'rate', unit: '%' }, 0.973, 'zh-CN', zh)).toBe('97.3%');
    expect(indicatorValueText({ kind: 'count', unit: '条' }, 1234567, 'zh-CN', zh)).toBe('1,234,567条');
    expect(indicatorValueText({ kind: 'count', unit: '条' }, 12, 'en', en)).toBe('12 records');
    expect(indicatorValueText({ kind: 'score', unit: '分' }, 86.46, 'zh-CN', zh)).toBe('86.5分');
    expect(indicatorValueText({ kind: 'rate', unit: null }, null, 'zh-CN', zh)).toBe(zh.department.notReported);
  });

  it('says the lever, the rank change and the interval in words', () => {
    expect(leverText('数据更新及时率', 3.21, 'zh-CN', zh)).toBe('将数据更新及时率提高到全省最佳水平，预计可提高 3.2 分');
    expect(rankChangeText(3, zh)).toBe('上升 3 位');
    expect(rankChangeText(-2, en)).toBe('down 2');
    expect(rankChangeText(0, zh)).toBe('持平');
    expect(rankChangeText(null, zh)).toBe('新参评');
    expect(rankRangeText([2, 5], zh)).toBe('第 2–5 名');
    expect(rankRangeText([4, 4], en)).toBe('No. 4');
  });

  it('names tiers from the scheme in Chinese and from the catalog in English', () => {
    expect(tierLabel('excellent', '卓越', 'zh-CN', zh)).toBe('卓越');
    expect(tierLabel('excellent', '卓越', 'en', en)).toBe('Excellent');
    expect(tierLabel('custom', '自定义', 'en', en)).toBe('自定义');
  });
});

describe('scheme metadata', () => {
  it('reads dimensions, indicators with units and tiers in scheme order, and translates known codes', () => {
    const meta = schemeMeta(defaultScheme);
    expect(meta.dimensions.map((d) => d.code)).toEqual(['volume', 'quality', 'effect']);
    expect(meta.indicators.find((i) => i.code === 'records_delivered')).toMatchObject({ dimension: 'volume', unit: '条', kind: 'count' });
    expect(meta.tiers.map((x) => x.code)).toEqual(['excellent', 'good', 'pass', 'improve']);
    const english = localizeMeta(meta, 'en', en);
    expect(english.indicators.find((i) => i.code === 'update_timeliness_rate')!.name).toBe('Data update timeliness');
    expect(english.dimensions[0].name).toBe('Volume');
    expect(schemeMeta(null)).toEqual({ dimensions: [], indicators: [], tiers: [], incentives: {} });
  });

  it('translates the default scheme’s incentives and keeps a tier’s texts the bureau rewrote', () => {
    const edited = { ...defaultScheme, incentives: { ...defaultScheme.incentives, good: ['年度通报表扬'] } };
    const english = localizeMeta(schemeMeta(edited), 'en', en);
    expect(english.incentives.excellent).toEqual(defaultIncentiveTranslations.en!.excellent);
    expect(english.incentives.excellent.join('')).not.toMatch(/\p{Script=Han}/u);
    expect(english.incentives.good).toEqual(['年度通报表扬']);
    expect(localizeMeta(schemeMeta(edited), 'zh-CN', zh).incentives.excellent).toEqual(defaultScheme.incentives.excellent);
  });

  it('has an English text for every default incentive', () => {
    for (const [tier, texts] of Object.entries(defaultScheme.incentives)) expect(defaultIncentiveTranslations.en![tier]).toHaveLength(texts.length);
  });
});

describe('times', () => {
  it('writes instants in China time whatever the server’s zone', () => {
    expect(dateTimeLabel('2026-11-26T20:26:00Z', 'zh-CN')).toBe('2026年11月27日 04:26');
    expect(dateTimeLabel('2026-11-26T01:05:00Z', 'en')).toBe('Nov 26, 2026, 09:05');
  });
});

describe('the flows heat map', () => {
  it('orders providers and consumers by calls, leaves gaps empty and shades on a log scale', () => {
    const m = buildFlowMatrix([
      { provider: 'A', providerName: '甲', consumer: 'B', consumerName: '乙', calls: 100 },
      { provider: 'C', providerName: '丙', consumer: 'B', consumerName: '乙', calls: 1000 },
      { provider: 'A', providerName: '甲', consumer: 'C', consumerName: '丙', calls: 5 },
    ]);
    expect(m.providers.map((p) => p.code)).toEqual(['C', 'A']);
    expect(m.consumers.map((c) => c.code)).toEqual(['B', 'C']);
    expect(m.cells).toEqual([
      [1000, null],
      [100, 5],
    ]);
    expect(heat(1000, m.max)).toBe(1);
    expect(heat(null, m.max)).toBe(0);
    expect(heat(100, m.max)).toBeGreaterThan(0.5);
  });
});

describe('heat-map colours', () => {
  it('keep AA contrast between every shade and its text', () => {
    for (let shade = 0; shade <= 1.0001; shade += 0.02) {
      const { background, text } = cellColors(shade);
      expect(contrastRatio(background, text)).toBeGreaterThanOrEqual(4.5);
    }
    expect(cellColors(0).text).toEqual([0, 0, 0]);
    expect(cellColors(1).text).toEqual([255, 255, 255]);
  });
});
