import type { CSSProperties } from 'react';
import type { Messages } from '@/lib/i18n';
import { rankRangeText, type RankWords } from '@/lib/dashboard/format';

export type IntervalWords = RankWords & { rankings: Pick<Messages['rankings'], 'straddles' | 'straddlesHint'> };

/**
 * The rank interval drawn as a range on the scale 1…ranked (1 at the left) with the rank as
 * a dot (both drawn by CSS from custom properties), in words, and flagged where it crosses
 * a tier boundary.
 */
export function RankInterval({ rank, interval, ranked, straddles, t }: { rank: number; interval: [number, number]; ranked: number; straddles: boolean; t: IntervalWords }) {
  const span = Math.max(1, ranked - 1);
  const at = (r: number) => `${(((Math.min(Math.max(r, 1), ranked) - 1) / span) * 100).toFixed(1)}%`;
  const style = { '--lo': at(interval[0]), '--hi': at(interval[1]), '--at': at(rank) } as CSSProperties;
  return (
    <span className={`interval${straddles ? ' interval-straddles' : ''}`} style={style}>
      {rankRangeText(interval, t)}
      {straddles ? (
        <span className="interval-flag" title={t.rankings.straddlesHint}>
          {t.rankings.straddles}
          <span className="visually-hidden">：{t.rankings.straddlesHint}</span>
        </span>
      ) : null}
    </span>
  );
}
