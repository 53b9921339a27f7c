import { DataTable } from '@/components/data-table';
import { fill, formatInteger, type Locale, type Messages } from '@/lib/i18n';
import type { FlowsView } from '@/lib/dashboard/flows';
import { FlowsSankey } from '@/components/charts/deferred';
import { ChartFigure } from './chart-figure';

/** The Sankey of the largest flows, with the drawn pairs as its data table. */
export function FlowsFigure({ view, locale, t }: { view: FlowsView; locale: Locale; t: Messages }) {
  const { nodes, links } = view.sankey;
  const height = Math.max(360, Math.min(720, nodes.length * 22));
  return (
    <ChartFigure
      id="flows"
      title={fill(t.flows.sankey, { n: links.length })}
      description={t.flows.sankeyDesc}
      summaryLabel={t.dashboard.chartData}
      chart={<FlowsSankey data={view.sankey} height={height} />}
      table={
        <DataTable columns={[t.flows.provider, t.flows.consumer, { label: t.flows.callsColumn, numeric: true }]} rowCount={links.length} compact>
          {links.map((l) => (
            <tr key={`${l.source}>${l.target}`}>
              <td>{nodes[l.source].name}</td>
              <td>{nodes[l.target].name}</td>
              <td className="num">{formatInteger(locale, l.value)}</td>
            </tr>
          ))}
        </DataTable>
      }
    />
  );
}
