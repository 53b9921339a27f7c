// Dampening of the events-derived effect indicators (docs/scoring.md, "Dampening"): the
// database applies it when it aggregates the sharing events (db/queries/matrix.ts); the
// scheme only says how. Absent from a scheme, the defaults apply.
import type { Scheme } from './scheme-schema';

export type Dampening = NonNullable<Scheme['dampening']>;

/**
 * minCalls 30 and minDays 3: the smallest genuine consumer in the demo province makes 52
 * calls a month on 3 days; a consumer below both is trying it out (or is a sock puppet).
 * consumerCap 2: no consumer counts for more than twice what the provider's median real
 * consumer calls, so one friend's 100,000 calls weigh like two ordinary consumers.
 */
export const DEFAULT_DAMPENING: Dampening = { minCalls: 30, minDays: 3, consumerCap: 2 };

/** No dampening: every consumer with a call counts and every call counts in full. */
export const NO_DAMPENING: Dampening = { minCalls: 1, minDays: 1, consumerCap: null };

export function dampeningOf(scheme: Pick<Scheme, 'dampening'>): Dampening {
  return scheme.dampening ?? DEFAULT_DAMPENING;
}
