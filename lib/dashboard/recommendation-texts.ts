// A department's recommendations in the reader's language, written from the stored
// result's facts by the one writer (lib/advice/sentences.ts), with the scheme's names as
// the reader sees them (localizeMeta).
import { recommendationTexts as write } from '../advice/sentences';
import type { Locale } from '../i18n';
import type { DepartmentScoreCard } from './department';
import type { SchemeMeta } from './scheme-meta';

export function recommendationTexts(card: DepartmentScoreCard, scheme: SchemeMeta, locale: Locale): string[] {
  return write(card.advice, scheme, locale);
}
