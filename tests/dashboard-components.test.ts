// Server-rendered dashboard pieces, checked as HTML: the rank interval's tier flag, rank
// changes for screen readers, the sortable header's aria-sort, and the chart figure's
// text alternative and data table.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { fill, messages } from '@/lib/i18n';
import { DepartmentTrendFigure } from '@/components/dashboard/department-charts';
import type { DepartmentView } from '@/lib/dashboard/department';
import { ChartFigure } from '@/components/dashboard/chart-figure';
import { PageHeading } from '@/components/dashboard/page-heading';
import { DepartmentPage } from '@/components/dashboard/department-page';
import { RankChange } from '@/components/dashboard/rank-change';
import { RankInterval } from '@/components/dashboard/rank-interval';
import { SortHeader } from '@/components/dashboard/sort-header';
import { rankTicks } from '@/components/charts/department-trend-chart';

const t = messages('zh-CN');
const html = (el: ReturnType<typeof createElement>) => renderToStaticMarkup(el);

describe('dashboard components', () => {
  it('flags a rank interval that crosses a tier boundary, in words', () => {
    const flagged = html(createElement(RankInterval, { rank: 5, interval: [3, 8], ranked: 30, straddles: true, t }));
    expect(flagged).toContain('第 3–8 名');
    expect(flagged).toContain(t.rankings.straddles);
    expect(flagged).toContain(t.rankings.straddlesHint);
    const plain = html(createElement(RankInterval, { rank: 5, interval: [4, 6], ranked: 30, straddles: false, t }));
    expect(plain).not.toContain(t.rankings.straddles);
  });

  it('draws the interval as a range on the scale of departments ranked', () => {
    const out = html(createElement(RankInterval, { rank: 11, interval: [1, 21], ranked: 21, straddles: false, t }));
    expect(out).toContain('--lo:0.0%;--hi:100.0%;--at:50.0%');
  });

  it('gives rank changes a symbol and words', () => {
    expect(html(createElement(RankChange, { change: 3, t }))).toMatch(/▲3.*上升 3 位/);
    expect(html(createElement(RankChange, { change: -2, t }))).toMatch(/▼2.*下降 2 位/);
    expect(html(createElement(RankChange, { change: null, t }))).toContain('新参评');
  });

  it('marks the sorted column for assistive technology', () => {
    const row = (active: boolean) => html(createElement('table', null, createElement('thead', null, createElement('tr', null, createElement(SortHeader, { label: '总分', href: '/rankings?sort=total', active, descending: true, t })))));
    expect(row(true)).toContain('aria-sort="descending"');
    expect(row(false)).not.toContain('aria-sort');
  });

  it('gives every chart a title, a description and its data as a table', () => {
    const out = html(createElement(ChartFigure, { id: 'x', title: '总分分布', description: '说明', summaryLabel: '查看图表数据', chart: createElement('svg'), table: createElement('table', null) }));
    expect(out).toContain('role="img"');
    expect(out).toContain('aria-describedby="x-desc"');
    expect(out).toMatch(/<details[^>]*><summary>查看图表数据<\/summary><table>/);
  });

  it('says the scores shown are being updated, with the time they were computed, instead of just that time', () => {
    const period = { code: '2026-10', kind: 'month', startsOn: '2026-10-01', endsOn: '2026-10-31', status: 'open' } as const;
    const heading = (updatingSince: string | null) => html(createElement(PageHeading, { title: '排名', period, computedAt: '2026-10-20T02:00:00.000Z', updatingSince, locale: 'zh-CN', t, picker: null }));
    expect(heading('2026-10-20T02:00:00.000Z')).toMatch(/data-testid="scores-updating"[^>]*>有新数据，得分正在更新；当前显示 2026.*10:00/);
    expect(heading(null)).not.toContain('scores-updating');
    expect(heading(null)).toContain('得分计算于');
  });

  it('says a period never computed is being computed, with its title and the period picker, instead of scores', () => {
    const period = { code: '2026-11', kind: 'month' as const, startsOn: '2026-11-01', endsOn: '2026-11-30', status: 'open' };
    const department = { code: 'GAT', name: '公安厅', parentCode: null, level: 'province', status: 'active' } as never;
    const out = html(createElement(DepartmentPage, { loaded: { kind: 'computing', department, period, periods: [period] }, action: '/me', locale: 'zh-CN', t }));
    expect(out).toContain('data-testid="scores-computing"');
    expect(out).toContain(t.scoresComputing.notice);
    expect(out).toContain('公安厅（GAT）');
    expect(out).toContain('action="/me"');
    expect(out).not.toContain('data-testid="department-page"');
  });

  it('ticks the rank axis at round numbers', () => {
    expect(rankTicks(30)).toEqual([1, 10, 20, 30]);
    expect(rankTicks(5000)).toEqual([1, 2000, 4000]);
    expect(rankTicks(3)).toEqual([1, 2, 3]);
  });
});

describe("a department's trend", () => {
  it('marks the period where the scheme changed (口径变更 v1→v2) in its table, in both languages', () => {
    const view = {
      trend: [
        { period: '2026-09', total: 61.2, rank: 20, ranked: 60, schemeChange: null },
        { period: '2026-10', total: 58.4, rank: 25, ranked: 60, schemeChange: { from: 1, to: 2 } },
      ],
    } as unknown as DepartmentView;
    const zhHtml = html(createElement(DepartmentTrendFigure, { view, locale: 'zh-CN', t: messages('zh-CN') }));
    expect(zhHtml).toContain('口径变更 v1→v2');
    expect(zhHtml.indexOf('口径变更')).toBeGreaterThan(zhHtml.indexOf('2026')); // beside its period, not the first
    const enHtml = html(createElement(DepartmentTrendFigure, { view, locale: 'en', t: messages('en') }));
    expect(enHtml).toContain(fill(messages('en').ledgerIndicators.schemeChange, { from: 1, to: 2 }));
  });
});
