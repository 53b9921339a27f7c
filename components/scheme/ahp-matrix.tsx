'use client';
// One AHP pairwise comparison matrix: the upper triangle is edited, the lower shows
// the reciprocal; CR and the weights update as the admin types (lib/scoring ahp).
import { fill, messages, type Locale } from '@/lib/i18n';
import { checkMatrix, reciprocalText, setJudgement } from '@/lib/schemes/editing';
import type { PairwiseMatrix } from '@/lib/scoring';
import styles from './scheme.module.css';

export function AhpMatrixEditor({
  locale,
  title,
  labels,
  matrix,
  onChange,
}: {
  locale: Locale;
  title: string;
  labels: string[];
  matrix: PairwiseMatrix;
  onChange: (matrix: PairwiseMatrix) => void;
}) {
  const t = messages(locale).schemeEditor;
  const check = checkMatrix(matrix);
  const n = labels.length;
  return (
    <div className={styles.matrix}>
      <table className="data">
        <caption style={{ textAlign: 'left' }}>{title}</caption>
        <thead>
          <tr>
            <td />
            {labels.map((l) => (
              <th key={l} scope="col">
                {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: n }, (_, i) => (
            <tr key={i}>
              <th scope="row">{labels[i]}</th>
              {Array.from({ length: n }, (_, j) => {
                const entry = matrix[i]?.[j] ?? 1;
                if (i === j) return <td key={j} className="num">1</td>;
                if (i > j) {
                  return (
                    <td key={j} className={`num ${styles.mirror}`}>
                      {reciprocalText(matrix[j]?.[i] ?? 1) || String(entry)}
                    </td>
                  );
                }
                return (
                  <td key={j}>
                    <input
                      aria-label={`${labels[i]} : ${labels[j]}`}
                      defaultValue={String(entry)}
                      inputMode="decimal"
                      style={{ width: '4.5em' }}
                      onChange={(e) => onChange(setJudgement(matrix, i, j, e.target.value))}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p role="status" aria-live="polite" className={check.ok && check.consistent ? styles.good : styles.bad}>
        {check.ok ? (
          <>
            {fill(t.ahpCr, { cr: check.cr.toFixed(3) })} · {check.consistent ? t.ahpConsistent : t.ahpInconsistent} ·{' '}
            {fill(t.ahpWeights, { weights: check.weights.map((w, k) => `${labels[k]} ${(w * 100).toFixed(1)}%`).join('，') })}
          </>
        ) : (
          fill(t.ahpError, { message: check.message })
        )}
      </p>
    </div>
  );
}
