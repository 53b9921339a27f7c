import type { ReactNode } from 'react';

/**
 * A chart with its title, a text alternative and its data as a real table (in a
 * disclosure), so the figure reads without the picture.
 */
export function ChartFigure({ id, title, description, summaryLabel, chart, table }: { id: string; title: string; description: string; summaryLabel: string; chart: ReactNode; table: ReactNode }) {
  return (
    <figure className="card chart-figure" aria-labelledby={`${id}-title`} data-testid={`chart-${id}`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="muted chart-desc" id={`${id}-desc`}>
        {description}
      </p>
      <div className="chart-area" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
        {chart}
      </div>
      <details className="chart-data">
        <summary>{summaryLabel}</summary>
        {table}
      </details>
    </figure>
  );
}
