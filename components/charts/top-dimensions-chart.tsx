'use client';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ClientOnly } from './client-only';
import type { NamedCode } from '@/lib/dashboard/scheme-meta';
import { AXIS_COLOR, DIMENSION_COLORS, GRID_COLOR, colorAt } from './palette';

/** The top departments' dimension scores side by side; rows are {name, [dimension code]: score}. */
export function TopDimensionsChart({ rows, dimensions }: { rows: Array<Record<string, string | number>>; dimensions: NamedCode[] }) {
  return (
    <ClientOnly height={300}>
      <BarChart responsive style={{ width: '100%', height: 300 }} data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid stroke={GRID_COLOR} vertical={false} />
        <XAxis dataKey="name" tick={{ fill: AXIS_COLOR, fontSize: 11 }} interval={0} angle={-30} textAnchor="end" height={70} />
        <YAxis domain={[0, 100]} tick={{ fill: AXIS_COLOR, fontSize: 11 }} width={36} />
        <Tooltip formatter={(value) => (typeof value === 'number' ? value.toFixed(1) : value)} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        {dimensions.map((d, i) => (
          <Bar key={d.code} dataKey={d.code} name={d.name} fill={colorAt(DIMENSION_COLORS, i)} isAnimationActive={false} />
        ))}
      </BarChart>
    </ClientOnly>
  );
}
