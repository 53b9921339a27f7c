'use client';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ClientOnly } from './client-only';
import { AXIS_COLOR, GRID_COLOR, SERIES_COLORS, colorAt } from './palette';

export interface TrendLine {
  key: string;
  name: string;
}

/** A vertical mark at a period label, e.g. where the scheme version changed (口径变更 v1→v2). */
export interface TrendMarker {
  label: string;
  text: string;
}

/** Several departments' totals over periods; rows are {period label, [department code]: total | null}. */
export function TrendLinesChart({ rows, lines, markers = [] }: { rows: Array<Record<string, string | number | null>>; lines: TrendLine[]; markers?: TrendMarker[] }) {
  return (
    <ClientOnly height={280}>
      <LineChart responsive style={{ width: '100%', height: 280 }} data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid stroke={GRID_COLOR} />
        <XAxis dataKey="label" tick={{ fill: AXIS_COLOR, fontSize: 11 }} />
        <YAxis domain={[0, 100]} tick={{ fill: AXIS_COLOR, fontSize: 11 }} width={36} />
        <Tooltip formatter={(value) => (typeof value === 'number' ? value.toFixed(1) : value)} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        {markers.map((m) => (
          <ReferenceLine key={m.label} x={m.label} stroke={AXIS_COLOR} strokeDasharray="4 3" label={{ value: m.text, position: 'insideTopLeft', fill: AXIS_COLOR, fontSize: 11 }} />
        ))}
        {lines.map((l, i) => (
          <Line key={l.key} dataKey={l.key} name={l.name} stroke={colorAt(SERIES_COLORS, i)} strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
        ))}
      </LineChart>
    </ClientOnly>
  );
}
