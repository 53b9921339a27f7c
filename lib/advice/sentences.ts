// A department's recommendations in words (docs/scoring.md, "Recommendations"). The engine
// gives facts — incentives by tier, levers with their points and reachable target, missing
// indicators and their cost, penalty, rank interval — and this module writes them in the
// reader's catalog. One writer for the API, the cache, the export and every page.
import { fill, formatNumber, messages, type Locale, type Messages } from '../i18n';
import { allIndicators, MIN_LEVER_POINTS, recommendationFacts, type AdviceCells, type DepartmentResult, type RecommendationFacts, type Scheme } from '../scoring';

/** The scheme as the reader names it (lib/dashboard/scheme-meta SchemeMeta fits). */
export interface AdviceScheme {
  dimensions: ReadonlyArray<{ code: string; name: string }>;
  indicators: ReadonlyArray<{ code: string; name: string; dimension: string; unit?: string | null; kind?: 'count' | 'rate' | 'score' | null }>;
  incentives: Record<string, string[]>;
}

/** Engine version 1's sentences: incentives, weakest dimension, levers, missing, penalty, straddle. */
export function v1Sentences(facts: RecommendationFacts, words: Messages['advice'] = messages('zh-CN').advice): string[] {
  const texts = [...facts.incentives];
  if (facts.weakest) texts.push(fill(words.weakestDimension, { dimension: facts.weakest.name, score: facts.weakest.score.toFixed(1) }));
  if (facts.levers.length > 0) {
    const items = facts.levers.map((l) => fill(words.lever, { indicator: l.name, points: l.points.toFixed(2) }));
    texts.push(fill(words.levers, { items: items.join(words.separator) }));
  }
  if (facts.missing.length > 0) texts.push(fill(words.missing, { indicators: facts.missing.join(words.separator) }));
  if (facts.penalty > 0) texts.push(fill(words.penalty, { points: facts.penalty.toFixed(2) }));
  if (facts.straddles) texts.push(fill(words.straddles, { lo: facts.straddles.lo, hi: facts.straddles.hi }));
  return texts;
}

/** Written by engine version 2 (facts only) rather than version 1 (sentences stored). */
export const isFactsResult = (d: Pick<DepartmentResult, 'methodInterval'>) => d.methodInterval !== undefined;

/** The levers every surface shows: the engine's list, and for version 1 results without the ones under 0.05 points. */
export function shownLevers<L extends { points: number }>(levers: readonly L[]): L[] {
  return levers.filter((l) => l.points >= MIN_LEVER_POINTS);
}

/** A target in the indicator's own unit, named in the reader's language: 95.0%, 1,234 个 / 1,234 items, 88.5 分. */
export function formatTarget(value: number, kind: AdviceScheme['indicators'][number]['kind'], unit: string | null | undefined, locale: Locale): string {
  if (kind === 'rate') return `${formatNumber(locale, value * 100, 1)}%`;
  const name = unit ? ((messages(locale).dashboard.unitNames as Record<string, string>)[unit] ?? unit) : '';
  const suffix = name ? ` ${name}` : '';
  return kind === 'count' ? `${formatNumber(locale, Math.ceil(value - 1e-9), 0)}${suffix}` : `${formatNumber(locale, value, 1)}${suffix}`;
}

/** One lever in words: the reachable target and what it adds (version 1 levers: the points only). */
export function leverTexts(levers: DepartmentResult['levers'], scheme: AdviceScheme, locale: Locale): string[] {
  const t = messages(locale);
  const indicator = new Map(scheme.indicators.map((i) => [i.code, i]));
  return levers.map((l) => {
    const meta = indicator.get(l.indicator);
    const name = meta?.name ?? l.indicator;
    const points = formatNumber(locale, l.points, 2);
    if (l.target === undefined) return fill(t.department.leverText, { indicator: name, points });
    const basis = l.basis === 'peerQuartile' ? t.rankingAdvice.basisPeerQuartile : t.rankingAdvice.basisNextTier;
    return fill(t.rankingAdvice.lever, { indicator: name, target: formatTarget(l.target, meta?.kind, meta?.unit, locale), basis, points });
  });
}

/** 改进建议: what the department can do, from a version 2 result's facts. */
export function improvementAdvice(d: DepartmentResult, scheme: AdviceScheme, locale: Locale): string[] {
  const t = messages(locale);
  const words = t.rankingAdvice;
  const nameOf = (code: string) => scheme.indicators.find((i) => i.code === code)?.name ?? code;
  const texts: string[] = [];
  if (d.weakDimension) {
    const dimension = scheme.dimensions.find((x) => x.code === d.weakDimension);
    texts.push(fill(words.weakDimension, { dimension: dimension?.name ?? d.weakDimension, score: formatNumber(locale, d.dimensions[d.weakDimension] ?? 0, 1) }));
  }
  const levers = shownLevers(d.levers);
  if (levers.length) texts.push(fill(words.levers, { items: leverTexts(levers, scheme, locale).join(t.advice.separator) }));
  if (d.missing.length) texts.push(fill(words.missing, { indicators: d.missing.map(nameOf).join(t.advice.separator), points: formatNumber(locale, d.missingCost ?? 0, 2) }));
  if (d.penalty > 0) texts.push(fill(t.advice.penalty, { points: d.penalty.toFixed(2) }));
  if (d.straddlesTier) texts.push(fill(t.advice.straddles, { lo: d.rankInterval[0], hi: d.rankInterval[1] }));
  return texts;
}

/** 激励建议 and 改进建议 of one department, for any stored result (version 1 or 2). */
export function adviceColumns(d: DepartmentResult, scheme: AdviceScheme, locale: Locale): { incentives: string[]; advice: string[] } {
  const incentives = scheme.incentives[d.tier] ?? [];
  if (isFactsResult(d)) return { incentives, advice: improvementAdvice(d, scheme, locale) };
  const all = locale === 'zh-CN' && d.recommendations ? d.recommendations : v1Sentences(recommendationFacts(d, scheme, incentives), messages(locale).advice);
  return { incentives, advice: all.slice(incentives.length) };
}

/** The recommendations as one list (incentives first), as the scores API and the score card give them. */
export function recommendationTexts(d: DepartmentResult, scheme: AdviceScheme, locale: Locale): string[] {
  const { incentives, advice } = adviceColumns(d, scheme, locale);
  return [...incentives, ...advice];
}

/** A parsed scheme as the advice writer reads it (names as written, in zh-CN). */
export function adviceSchemeOf(scheme: Scheme): AdviceScheme {
  return { dimensions: scheme.dimensions, indicators: allIndicators(scheme), incentives: scheme.incentives };
}

/** 缺报: "指标、指标（约 −1.23 分）", or '' when everything was reported. */
export function missingCell(d: DepartmentResult, scheme: AdviceScheme, locale: Locale): string {
  if (!d.missing.length) return '';
  const t = messages(locale);
  const names = d.missing.map((code) => scheme.indicators.find((i) => i.code === code)?.name ?? code).join(t.advice.separator);
  return d.missingCost === undefined ? names : fill(t.standing.missingWithCost, { indicators: names, points: formatNumber(locale, d.missingCost, 2) });
}

/** The export's last three cells of one department (lib/scoring assessmentRows). */
export function assessmentCells(scheme: AdviceScheme, locale: Locale = 'zh-CN'): (d: DepartmentResult) => AdviceCells {
  return (d) => ({ ...adviceColumns(d, scheme, locale), missing: missingCell(d, scheme, locale) });
}

/** The cached entries: each result with its zh-CN recommendations, which the scores API carries as before. */
export function withRecommendations(departments: DepartmentResult[], scheme: Scheme): DepartmentResult[] {
  const named = adviceSchemeOf(scheme);
  return departments.map((d) => (d.recommendations ? d : { ...d, recommendations: recommendationTexts(d, named, 'zh-CN') }));
}
