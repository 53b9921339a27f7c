// Step 10: recommendations. The scheme's incentive texts for the tier come
// first, then targeted ones drawn from the explanation.
import { messages } from './messages';

export interface RecommendationFacts {
  incentives: string[];
  /** Weakest dimension with a score, if the scheme has more than one dimension. */
  weakest: { name: string; score: number } | null;
  levers: Array<{ name: string; points: number }>;
  straddles: { lo: number; hi: number } | null;
  penalty: number;
  missing: string[];
}

export function recommendations(facts: RecommendationFacts): string[] {
  const texts = [...facts.incentives];
  if (facts.weakest) texts.push(messages.weakestDimension(facts.weakest.name, facts.weakest.score));
  if (facts.levers.length > 0) texts.push(messages.levers(facts.levers));
  if (facts.missing.length > 0) texts.push(messages.missing(facts.missing));
  if (facts.penalty > 0) texts.push(messages.penalty(facts.penalty));
  if (facts.straddles) texts.push(messages.straddles(facts.straddles.lo, facts.straddles.hi));
  return texts;
}
