// Step 4: the missing-value policy. `zero` scores a missing value 0 (not
// reporting is not rewarded); `mean` gives it the mean score of those who
// reported; `exclude` leaves it out (NaN) and aggregation re-normalises weights.
import type { Scheme } from './scheme-schema';

export function applyMissingPolicy(scores: Float64Array, policy: Scheme['missing']): Float64Array {
  if (policy === 'exclude') return scores.slice();
  let fill = 0;
  if (policy === 'mean') {
    let sum = 0;
    let count = 0;
    for (const s of scores) {
      if (!Number.isNaN(s)) {
        sum += s;
        count++;
      }
    }
    fill = count > 0 ? sum / count : 0; // nobody reported: nothing to average, score 0
  }
  return scores.map((s) => (Number.isNaN(s) ? fill : s));
}
