'use client';
// The ranking table's rows, a client component fed compact rows: a page of 50 departments
// then travels as one small JSON array instead of a tree of server-rendered elements.
import type { CSSProperties } from 'react';
import { fill, formatNumber, type Locale, type Messages } from '@/lib/i18n';
import type { ChangeWords } from '@/lib/dashboard/format';
import { RankChange } from './rank-change';
import { RankInterval, type IntervalWords } from './rank-interval';
import { TierBadge } from './tier-badge';
import { FlagBadge, type FlagBadgeData } from '../integrity/flag-badge';

export interface RankingRowData {
  code: string;
  name: string;
  href: string;
  rank: number;
  change: number | null;
  total: number;
  tier: string;
  tierLabel: string;
  /** In scheme order; null where the reader may not see them. */
  dimensions: number[] | null;
  penalty: number | null;
  rankInterval: [number, number] | null;
  straddlesTier: boolean;
  /** 缺报 and its cost, in words; null when everything was reported or the detail is hidden. */
  missing: string | null;
  own: boolean;
  /** Its integrity flags, where the reader may see them. */
  flag?: FlagBadgeData | null;
}

export type RowWords = ChangeWords &
  IntervalWords & { rankings: Pick<Messages['rankings'], 'compareLabel' | 'own' | 'detailHidden' | 'empty'>; standing: Pick<Messages['standing'], 'notReported'> };

export function RankingRows({ rows, dimensionCount, ranked, compare, form, locale, t }: { rows: RankingRowData[]; dimensionCount: number; ranked: number; compare: string[]; form: string; locale: Locale; t: RowWords }) {
  if (rows.length === 0) {
    return (
      <tbody>
        <tr>
          <td colSpan={8 + dimensionCount} className="muted">
            {t.rankings.empty}
          </td>
        </tr>
      </tbody>
    );
  }
  return (
    <tbody>
      {rows.map((r) => (
        <tr key={r.code} className={r.own ? 'own-row' : undefined}>
          <td className="col-compare">
            <input type="checkbox" form={form} name="compare" value={r.code} defaultChecked={compare.includes(r.code)} aria-label={fill(t.rankings.compareLabel, { name: r.name })} />
          </td>
          <td className="num rank-cell">{r.rank}</td>
          <td>
            <RankChange change={r.change} t={t} />
          </td>
          <th scope="row" className="dept-cell">
            <a href={r.href}>{r.name}</a>
            <span className="dept-code">{r.code}</span>
            {r.own ? <span className="own-tag">{t.rankings.own}</span> : null}
            <FlagBadge badge={r.flag} />
            {r.missing ? (
              <span className="not-reported" title={r.missing}>
                {t.standing.notReported}
              </span>
            ) : null}
          </th>
          <td className="num total-cell">{formatNumber(locale, r.total, 1)}</td>
          {r.dimensions ? (
            r.dimensions.map((score, i) => (
              <td key={i} className={`num col-dim dim-${i}`} style={{ '--v': `${Math.max(0, Math.min(100, score))}%` } as CSSProperties}>
                {formatNumber(locale, score, 1)}
              </td>
            ))
          ) : (
            <td colSpan={dimensionCount} className="muted small">
              {t.rankings.detailHidden}
            </td>
          )}
          <td className="num">{r.penalty === null ? '—' : r.penalty > 0 ? `−${formatNumber(locale, r.penalty, 1)}` : formatNumber(locale, 0, 1)}</td>
          <td>
            <TierBadge tier={r.tier} label={r.tierLabel} />
          </td>
          <td className="col-interval">{r.rankInterval ? <RankInterval rank={r.rank} interval={r.rankInterval} ranked={ranked} straddles={r.straddlesTier} t={t} /> : '—'}</td>
        </tr>
      ))}
    </tbody>
  );
}
