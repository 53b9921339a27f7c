'use client';
import { useRouter } from 'next/navigation';
import { Layer, Rectangle, ResponsiveContainer, Sankey, Tooltip, type SankeyNodeProps } from 'recharts';
import { ClientOnly } from './client-only';
import type { SankeyData, SankeyNode } from '@/lib/dashboard/sankey';
import { SERIES_COLORS, colorAt } from './palette';

/**
 * The largest provider → consumer flows. Clicking a department opens its page; the tables
 * beside the chart offer the same links to the keyboard.
 */
export function FlowsSankey({ data, height = 520 }: { data: SankeyData; height?: number }) {
  const router = useRouter();
  return (
    <ClientOnly height={height}>
      <ResponsiveContainer width="100%" height={height}>
        <Sankey
          data={data}
          nodePadding={12}
          nodeWidth={12}
          margin={{ top: 8, right: 160, bottom: 8, left: 160 }}
          link={{ stroke: '#1d4ed8', strokeOpacity: 0.25 }}
          node={FlowNode}
          onClick={(item, type) => {
            const code = type === 'node' ? ((item as SankeyNodeProps).payload as unknown as Partial<SankeyNode> | undefined)?.code : undefined;
            if (typeof code === 'string') router.push(`/departments/${encodeURIComponent(code)}`);
          }}
        >
          <Tooltip />
        </Sankey>
      </ResponsiveContainer>
    </ClientOnly>
  );
}

function FlowNode({ x, y, width, height, index, payload }: SankeyNodeProps) {
  const node = payload as unknown as SankeyNode;
  const left = node.side === 'provider';
  return (
    <Layer key={`node-${index}`} style={{ cursor: 'pointer' }}>
      <Rectangle x={x} y={y} width={width} height={height} fill={colorAt(SERIES_COLORS, index)} />
      <text x={left ? x - 6 : x + width + 6} y={y + height / 2} textAnchor={left ? 'end' : 'start'} dominantBaseline="middle" fontSize={12} fill="#1f2933">
        {node.name}
      </text>
    </Layer>
  );
}
