// A department's recommendations in the reader's language. In zh-CN they are the engine's
// own texts, as stored. In another language they are written again with the engine's
// function (lib/scoring/recommend.ts) from the stored result, in the reader's catalog and
// the scheme's names as the reader sees them (localizeMeta).
import type { Locale, Messages } from '../i18n';
import { recommendationFacts, recommendations } from '../scoring';
import type { DepartmentScoreCard } from './department';
import type { SchemeMeta } from './scheme-meta';

export function recommendationTexts(card: DepartmentScoreCard, scheme: SchemeMeta, locale: Locale, t: Messages): string[] {
  if (locale === 'zh-CN') return card.recommendations;
  return recommendations(recommendationFacts(card.advice, scheme, scheme.incentives[card.tier] ?? []), t.advice);
}
