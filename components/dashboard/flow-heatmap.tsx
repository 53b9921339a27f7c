import { AppLink } from '@/components/app-link';
import { fill, formatCompact, formatInteger, type Locale, type Messages } from '@/lib/i18n';
import { cellColors, heat, type FlowMatrix } from '@/lib/dashboard/flow-matrix';

/** Light to dark blue by calls, black or white text for AA contrast; an empty cell stays white. */
function cellStyle(calls: number | null, max: number) {
  if (calls === null) return undefined;
  const { background, text } = cellColors(heat(calls, max));
  return { background: `rgb(${background.join(',')})`, color: `rgb(${text.join(',')})` };
}

/** The top providers × top consumers as a table whose cells are shaded by calls. */
export function FlowHeatmap({ matrix, period, locale, t }: { matrix: FlowMatrix; period: string; locale: Locale; t: Messages }) {
  const href = (code: string) => `/departments/${encodeURIComponent(code)}?period=${encodeURIComponent(period)}`;
  return (
    <section className="card" aria-labelledby="heatmap-title" data-testid="flow-heatmap">
      <h2 id="heatmap-title">{fill(t.flows.heatmap, { n: matrix.providers.length, m: matrix.consumers.length })}</h2>
      <p className="muted chart-desc">{t.flows.heatmapDesc}</p>
      <div className="table-scroll">
        <table className="data heatmap">
          <thead>
            <tr>
              <th scope="col" className="heatmap-corner">
                {t.flows.provider} ＼ {t.flows.consumer}
              </th>
              {matrix.consumers.map((c) => (
                <th key={c.code} scope="col" className="heatmap-col">
                  <AppLink href={href(c.code)}>{c.name}</AppLink>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.providers.map((p, i) => (
              <tr key={p.code}>
                <th scope="row">
                  <AppLink href={href(p.code)}>{p.name}</AppLink>
                </th>
                {matrix.cells[i].map((calls, j) => (
                  <td key={matrix.consumers[j].code} className="num heatmap-cell" style={cellStyle(calls, matrix.max)} title={calls === null ? undefined : `${p.name} → ${matrix.consumers[j].name}：${formatInteger(locale, calls)}`}>
                    {calls === null ? '' : formatCompact(locale, calls)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
