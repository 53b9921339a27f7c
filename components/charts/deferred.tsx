'use client';
// The charts as the pages use them: Recharts (about 0.45 MB of JavaScript) is fetched only
// once the page has been hydrated, so it no longer competes with the page's first paint (the
// largest contentful paint of /rankings is its text, not a chart: docs/performance.md).
// Until then, and on the server, each chart is the placeholder box of its height
// (client-only.tsx), so nothing moves when it appears.
import { lazy, Suspense, type ComponentType } from 'react';
import { ChartBox, ClientOnly } from './client-only';
import type { DepartmentTrendChart as DepartmentTrendChartType } from './department-trend-chart';
import type { DimensionRadar as DimensionRadarType } from './dimension-radar';
import type { FlowsSankey as FlowsSankeyType } from './flows-sankey';
import type { TopDimensionsChart as TopDimensionsChartType } from './top-dimensions-chart';
import type { TotalsHistogram as TotalsHistogramType } from './totals-histogram';
import type { TrendLinesChart as TrendLinesChartType } from './trend-lines-chart';

function deferred<P extends object>(load: () => Promise<ComponentType<P>>, height: (props: P) => number): ComponentType<P> {
  const Chart = lazy(async () => ({ default: await load() }));
  return function DeferredChart(props: P) {
    const box = <ChartBox height={height(props)} />;
    return (
      <ClientOnly height={height(props)}>
        <Suspense fallback={box}>
          <Chart {...props} />
        </Suspense>
      </ClientOnly>
    );
  };
}

type Props<C> = C extends ComponentType<infer P> ? P : never;

export const TotalsHistogram = deferred<Props<typeof TotalsHistogramType>>(async () => (await import('./totals-histogram')).TotalsHistogram, () => 260);
export const TopDimensionsChart = deferred<Props<typeof TopDimensionsChartType>>(async () => (await import('./top-dimensions-chart')).TopDimensionsChart, () => 300);
export const TrendLinesChart = deferred<Props<typeof TrendLinesChartType>>(async () => (await import('./trend-lines-chart')).TrendLinesChart, () => 280);
export const DepartmentTrendChart = deferred<Props<typeof DepartmentTrendChartType>>(async () => (await import('./department-trend-chart')).DepartmentTrendChart, () => 280);
export const DimensionRadar = deferred<Props<typeof DimensionRadarType>>(async () => (await import('./dimension-radar')).DimensionRadar, () => 300);
export const FlowsSankey = deferred<Props<typeof FlowsSankeyType>>(async () => (await import('./flows-sankey')).FlowsSankey, (p) => p.height ?? 520);
