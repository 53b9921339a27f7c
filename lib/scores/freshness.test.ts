import { describe, expect, it } from 'vitest';
import { recomputeOrder } from './freshness';

describe('recomputeOrder', () => {
  it('recomputes months first, then quarters, then years, each once', () => {
    expect(recomputeOrder(['2026', '2026-Q4', '2026-11', '2026-10', '2026-11', '2025', '2025-Q4', '2025-12'])).toEqual([
      '2025-12',
      '2026-10',
      '2026-11',
      '2025-Q4',
      '2026-Q4',
      '2025',
      '2026',
    ]);
  });
});
