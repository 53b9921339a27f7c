'use client';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrendMarker } from './trend-lines-chart';
import { ClientOnly } from './client-only';
import { AXIS_COLOR, GRID_COLOR } from './palette';

export interface DepartmentTrendRow {
  label: string;
  total: number;
  rank: number;
}

/** Rank ticks that read well: 1, then round steps up to the number ranked. */
export function rankTicks(maxRank: number): number[] {
  const rough = Math.max(1, maxRank / 4);
  const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500].find((s) => s >= rough) ?? Math.ceil(rough / 1000) * 1000;
  const ticks = [1];
  for (let t = step; t <= maxRank; t += step) if (t > 1) ticks.push(t);
  return ticks;
}

/** A department's total (left axis) and rank (right axis, 1 at the top) over periods. */
export function DepartmentTrendChart({ rows, totalLabel, rankLabel, maxRank, markers = [] }: { rows: DepartmentTrendRow[]; totalLabel: string; rankLabel: string; maxRank: number; markers?: TrendMarker[] }) {
  return (
    <ClientOnly height={280}>
      <LineChart responsive style={{ width: '100%', height: 280 }} data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid stroke={GRID_COLOR} />
        <XAxis dataKey="label" tick={{ fill: AXIS_COLOR, fontSize: 11 }} />
        <YAxis yAxisId="total" domain={[0, 100]} tick={{ fill: AXIS_COLOR, fontSize: 11 }} width={36} />
        <YAxis yAxisId="rank" orientation="right" reversed domain={[1, Math.max(2, maxRank)]} ticks={rankTicks(Math.max(2, maxRank))} allowDecimals={false} tick={{ fill: AXIS_COLOR, fontSize: 11 }} width={40} />
        <Tooltip formatter={(value, name) => (typeof value === 'number' && name === totalLabel ? value.toFixed(1) : value)} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        {markers.map((m) => (
          <ReferenceLine key={m.label} yAxisId="total" x={m.label} stroke={AXIS_COLOR} strokeDasharray="4 3" label={{ value: m.text, position: 'insideTopLeft', fill: AXIS_COLOR, fontSize: 11 }} />
        ))}
        <Line yAxisId="total" dataKey="total" name={totalLabel} stroke="#b91c1c" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        <Line yAxisId="rank" dataKey="rank" name={rankLabel} stroke="#1d4ed8" strokeWidth={2} strokeDasharray="5 3" dot={{ r: 3 }} isAnimationActive={false} />
      </LineChart>
    </ClientOnly>
  );
}
