// How the dashboard writes values in the reader's language: raw indicator values with
// their unit, weights as percentages, tier names. Presentation only; no scoring here.
import { fill, formatInteger, formatNumber, type Locale, type Messages } from '../i18n';
import type { IndicatorMeta } from './scheme-meta';

/** The tier's name in the reader's language: the catalog's for English, the scheme's in Chinese. */
export function tierLabel(tier: string, schemeName: string, locale: Locale, t: Messages): string {
  if (locale === 'zh-CN') return schemeName || tier;
  return (t.dashboard.tierNames as Record<string, string>)[tier] ?? schemeName ?? tier;
}

export function percent(locale: Locale, fraction: number, digits = 1): string {
  return `${formatNumber(locale, fraction * 100, digits)}%`;
}

function unitLabel(unit: string | null, locale: Locale, t: Messages): string {
  if (!unit) return '';
  const name = (t.dashboard.unitNames as Record<string, string>)[unit] ?? unit;
  return locale === 'zh-CN' ? name : ` ${name}`;
}

/** A raw indicator value as the reader expects it: 97.0%, 1,234 个, 86.5 分; null → "not reported". */
export function indicatorValueText(indicator: Pick<IndicatorMeta, 'kind' | 'unit'>, value: number | null, locale: Locale, t: Messages): string {
  if (value === null || value === undefined) return t.department.notReported;
  if (indicator.kind === 'rate' || indicator.unit === '%') return percent(locale, value);
  if (indicator.kind === 'count') return `${formatInteger(locale, value)}${unitLabel(indicator.unit, locale, t)}`;
  const digits = Number.isInteger(value) ? 0 : value < 10 ? 3 : 1;
  return `${formatNumber(locale, value, digits)}${unitLabel(indicator.unit, locale, t)}`;
}

/** The words rank texts need (a part of the catalog, so client components get only these). */
export type RankWords = { dashboard: Pick<Messages['dashboard'], 'rankValue' | 'rankRange'> };
export type ChangeWords = { rankings: Pick<Messages['rankings'], 'newEntry' | 'placesUp' | 'placesDown' | 'unchanged'> };

/** "第 3 名" / "No. 3". */
export const rankText = (rank: number, t: RankWords) => fill(t.dashboard.rankValue, { rank });

/** "第 2–5 名" / "No. 2–5", or the single rank when the interval is one place. */
export function rankRangeText(interval: [number, number], t: RankWords): string {
  return interval[0] === interval[1] ? rankText(interval[0], t) : fill(t.dashboard.rankRange, { lo: interval[0], hi: interval[1] });
}

/** The words for a rank change: "上升 3 位", "下降 2 位", "持平", "新参评". */
export function rankChangeText(change: number | null, t: ChangeWords): string {
  if (change === null) return t.rankings.newEntry;
  if (change > 0) return fill(t.rankings.placesUp, { n: change });
  if (change < 0) return fill(t.rankings.placesDown, { n: -change });
  return t.rankings.unchanged;
}

/** The lever in words: "将数据更新及时率提高到全省最佳水平，预计可提高 3.2 分". */
export function leverText(indicatorName: string, points: number, locale: Locale, t: Messages): string {
  return fill(t.department.leverText, { indicator: indicatorName, points: formatNumber(locale, points, 1) });
}
