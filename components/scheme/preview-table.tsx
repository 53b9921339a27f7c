'use client';
// The preview of a draft scheme: every department's rank, total and tier now and
// under the draft, in the draft's rank order.
import { fill, formatNumber, messages, type Locale } from '@/lib/i18n';
import type { PreviewMove } from '@/lib/schemes/preview';
import { TableHead } from '@/components/data-table';
import styles from './scheme.module.css';

const MAX_ROWS = 500;

export function PreviewTable({ locale, period, moves, onlyChanged }: { locale: Locale; period: string; moves: PreviewMove[]; onlyChanged: boolean }) {
  const t = messages(locale).schemeEditor;
  const shown = onlyChanged ? moves.filter((m) => m.rankChange !== 0 || m.tierChanged) : moves;
  return (
    <div className={styles.scroll}>
      <table className="data" data-testid="preview-table">
        <caption className="muted" style={{ textAlign: 'left' }}>
          {fill(t.previewCaption, { period })}
          {shown.length > MAX_ROWS ? ` · ${fill(t.previewLimited, { n: MAX_ROWS })}` : ''}
        </caption>
        <TableHead
          columns={[
            messages(locale).assessment.department,
            { label: t.beforeRank, numeric: true },
            { label: t.afterRank, numeric: true },
            t.change,
            { label: t.beforeTotal, numeric: true },
            { label: t.afterTotal, numeric: true },
            t.beforeTier,
            t.afterTier,
          ]}
        />
        <tbody>
          {shown.slice(0, MAX_ROWS).map((m) => (
            <tr key={m.department} className={m.tierChanged ? styles.changed : undefined} data-department={m.department} data-rank-change={m.rankChange}>
              <th scope="row">
                {m.name} <span className="muted">{m.department}</span>
              </th>
              <td className="num">{m.before.rank}</td>
              <td className="num">{m.after.rank}</td>
              <td className={m.rankChange > 0 ? styles.up : m.rankChange < 0 ? styles.down : undefined}>
                {m.rankChange > 0 ? `↑ ${fill(t.up, { n: m.rankChange })}` : m.rankChange < 0 ? `↓ ${fill(t.down, { n: -m.rankChange })}` : t.same}
              </td>
              <td className="num">{formatNumber(locale, m.before.total, 2)}</td>
              <td className="num">{formatNumber(locale, m.after.total, 2)}</td>
              <td>{m.before.tierName}</td>
              <td>{m.tierChanged ? <strong>{m.after.tierName}</strong> : m.after.tierName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
