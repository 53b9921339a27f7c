'use client';
import { Legend, PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, Tooltip } from 'recharts';
import { ClientOnly } from './client-only';
import { AXIS_COLOR, GRID_COLOR, MEDIAN_COLOR } from './palette';

export interface RadarRow {
  name: string;
  own: number;
  median: number | null;
}

/** A department's dimension scores against the provincial median. */
export function DimensionRadar({ rows, ownLabel, medianLabel }: { rows: RadarRow[]; ownLabel: string; medianLabel: string }) {
  return (
    <ClientOnly height={300}>
      <RadarChart responsive style={{ width: '100%', height: 300 }} data={rows} outerRadius="70%">
        <PolarGrid stroke={GRID_COLOR} />
        <PolarAngleAxis dataKey="name" tick={{ fill: '#1f2933', fontSize: 12 }} />
        <PolarRadiusAxis domain={[0, 100]} tick={{ fill: AXIS_COLOR, fontSize: 10 }} angle={30} tickCount={5} />
        <Tooltip formatter={(value) => (typeof value === 'number' ? value.toFixed(1) : value)} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        <Radar dataKey="median" name={medianLabel} stroke={MEDIAN_COLOR} fill={MEDIAN_COLOR} fillOpacity={0.15} strokeDasharray="4 3" isAnimationActive={false} />
        <Radar dataKey="own" name={ownLabel} stroke="#b91c1c" fill="#b91c1c" fillOpacity={0.3} isAnimationActive={false} />
      </RadarChart>
    </ClientOnly>
  );
}
