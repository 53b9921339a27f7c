'use client';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { ClientOnly } from './client-only';
import { AXIS_COLOR, GRID_COLOR } from './palette';

export interface HistogramBand {
  label: string;
  count: number;
}

/** How many departments fall in each band of totals. */
export function TotalsHistogram({ bands, countLabel }: { bands: HistogramBand[]; countLabel: string }) {
  return (
    <ClientOnly height={260}>
      <BarChart responsive style={{ width: '100%', height: 260 }} data={bands} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid stroke={GRID_COLOR} vertical={false} />
        <XAxis dataKey="label" tick={{ fill: AXIS_COLOR, fontSize: 11 }} interval={1} />
        <YAxis allowDecimals={false} tick={{ fill: AXIS_COLOR, fontSize: 11 }} width={36} />
        <Tooltip formatter={(value) => [value, countLabel]} />
        <Bar dataKey="count" name={countLabel} fill="#1d4ed8" isAnimationActive={false} />
      </BarChart>
    </ClientOnly>
  );
}
