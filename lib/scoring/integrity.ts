// Thresholds of the integrity flags (docs/scoring.md, "Integrity"): the database computes
// the flags (db/queries/integrity.ts); the scheme only says where the lines are. Absent
// from a scheme, or partly given, the defaults below fill in.
import type { Scheme } from './scheme-schema';
import { dampeningOf, type Dampening } from './dampening';

type Given = NonNullable<Scheme['integrity']>;
type Full<T> = { [K in keyof T]-?: Required<NonNullable<T[K]>> };
export type IntegrityThresholds = Full<Given> & {
  /** Who counts as a thin consumer: below the scheme's dampening minimum. */
  dampening: Dampening;
};

/**
 * Why these defaults (docs/scoring.md):
 * - concentration 0.5 / 0.8 with ≥ 3 consumers: the lines; with one or two consumers
 *   one of them carries half by arithmetic. In the demo province (2026-11) 3 of 60 pass 0.5, none 0.6.
 * - thin consumers: ≥ 5 of them, 30 % / 50 % of the provider's consumers (no demo provider has any).
 * - reciprocal: each ≥ 40 % / 60 % of the other's calls (the demo's closest natural pair is 34 %/41 %).
 * - spike: robust z ≥ 3.5 (Iglewicz–Hoaglin's outlier line) / ≥ 6, over ≥ 3 of the last 12 months, and
 *   ≥ 1.5 × the median: a steady department's MAD is tiny, and +20 % in a long month is no spike
 *   (the demo's largest month-on-median ratio is 1.33).
 * - zombie: 6 months without a call; any → info, 25 % / 50 % of the resources → warn / high.
 * - self-report: ≥ 0.95 reported against ≥ 3 objections of the kind, or a mean rating ≤ 2.5 of ≥ 3.
 */
export const DEFAULT_INTEGRITY: Full<Given> = {
  concentration: { warn: 0.5, high: 0.8, minConsumers: 3 },
  thinConsumers: { minCount: 5, warn: 0.3, high: 0.5 },
  reciprocal: { warn: 0.4, high: 0.6 },
  spike: { warn: 3.5, high: 6, minRatio: 1.5, minMonths: 3, historyMonths: 12 },
  zombie: { months: 6, warn: 0.25, high: 0.5 },
  selfReport: { reported: 0.95, minObjections: 3, maxRating: 2.5, minRatings: 3 },
};

export function integrityOf(scheme: Pick<Scheme, 'integrity' | 'dampening'>): IntegrityThresholds {
  const given = scheme.integrity ?? {};
  const d = DEFAULT_INTEGRITY;
  return {
    concentration: { ...d.concentration, ...given.concentration },
    thinConsumers: { ...d.thinConsumers, ...given.thinConsumers },
    reciprocal: { ...d.reciprocal, ...given.reciprocal },
    spike: { ...d.spike, ...given.spike },
    zombie: { ...d.zombie, ...given.zombie },
    selfReport: { ...d.selfReport, ...given.selfReport },
    dampening: dampeningOf(scheme),
  };
}

/** The flag kinds (CONTRACT: score integrity), in the order the page lists them. */
export const FLAG_KINDS = ['consumer_concentration', 'thin_consumers', 'reciprocal_pair', 'call_spike', 'zombie_resources', 'self_report_conflict'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];
export const FLAG_SEVERITIES = ['info', 'warn', 'high'] as const;
export type FlagSeverity = (typeof FLAG_SEVERITIES)[number];
