// The scheme's shape (CONTRACT.md §7) as a zod schema. Structure only lives
// here; the rules that need the whole scheme (duplicates, all-zero weights,
// AHP consistency, tier order) are in scheme-rules.ts and run as a refinement.
import { z } from 'zod';
import { schemeRuleErrors } from './scheme-rules';

/** Lower snake case, as CONTRACT.md §2 asks of indicator codes; used for every code in a scheme. */
const code = z.string().regex(/^[a-z][a-z0-9_]*$/, { error: 'must be lower snake case (a-z, 0-9, _), starting with a letter' });
const name = z.string().trim().min(1, { error: 'must not be empty' });

/** A pairwise comparison entry: a positive number or a fraction string such as "1/3". */
const matrixEntry = z.union([z.number(), z.string()]);
const pairwiseMatrix = z.array(z.array(matrixEntry));

export const indicatorSchema = z.strictObject({
  code,
  name,
  weight: z.number().min(0).default(1),
  direction: z.enum(['higher', 'lower']).default('higher'),
  transform: z.enum(['none', 'log1p']).default('none'),
  normalize: z.enum(['minmax', 'target', 'zscore', 'rank']).default('minmax'),
  target: z.number().optional(),
  aggregate: z.enum(['sum', 'mean', 'last', 'max']).default('mean'),
  /** metric: reported per month; events: derived from the sharing events; ledger: computed from the catalog, request and objection ledgers (docs/scoring.md, "Ledger indicators"). */
  source: z.enum(['metric', 'events', 'ledger']).default('metric'),
  /** What the raw value is: an integer count ≥ 0, a rate in [0, 1] or a score in [0, 100]. */
  kind: z.enum(['count', 'rate', 'score']).optional(),
  /** Display unit in Chinese, e.g. 个, 条, %, 分. */
  unit: z.string().optional(),
});

export const dimensionSchema = z.strictObject({
  code,
  name,
  weight: z.number().min(0).default(1),
  indicators: z.array(indicatorSchema).min(1),
});

export const tierSchema = z.strictObject({
  code,
  name,
  topShare: z.number().gt(0).max(1).optional(),
  minScore: z.number().min(0).max(100).optional(),
  /** A total below the floor places the department one tier lower, never more (docs/scoring.md, "Tiers"). */
  floor: z.number().min(0).max(100).optional(),
});

/** How the database counts calls and consumers (db/queries/matrix.ts; docs/scoring.md, "Dampening"). */
export const dampeningSchema = z.strictObject({
  /** A consumer counts toward consumer_departments only with at least this many calls in the period… */
  minCalls: z.number().int().min(0),
  /** …on at least this many distinct days. */
  minDays: z.number().int().min(0),
  /** Each consumer's calls count toward calls_served up to this multiple of the provider's median real consumer; null: no cap. */
  consumerCap: z.number().min(1).nullable(),
});

const share = z.number().min(0).max(1);
/**
 * Thresholds of the integrity flags (db/queries/integrity.ts; docs/scoring.md, "Integrity").
 * Every group and field is optional: what is left out takes its default (lib/scoring/integrity.ts).
 */
export const integritySchema = z.strictObject({
  /** One consumer's share of a provider's calls from others: > warn → warn, > high → high; only with ≥ minConsumers consumers. */
  concentration: z.strictObject({ warn: share, high: share, minConsumers: z.number().int().min(1) }).partial().optional(),
  /** Consumers below the dampening minimum: at least minCount of them, making up ≥ warn / ≥ high of the provider's consumers. */
  thinConsumers: z.strictObject({ minCount: z.number().int().min(1), warn: share, high: share }).partial().optional(),
  /** A→B and B→A each at least this share of the other's calls from others. */
  reciprocal: z.strictObject({ warn: share, high: share }).partial().optional(),
  /** Robust z of a month's calls against the department's own monthly history, and at least minRatio × its median. */
  spike: z
    .strictObject({
      warn: z.number().min(0),
      high: z.number().min(0),
      minRatio: z.number().min(1),
      minMonths: z.number().int().min(2),
      historyMonths: z.number().int().min(2).max(60),
    })
    .partial()
    .optional(),
  /** Active shareable resources nobody else called for `months` months: share ≥ warn / ≥ high (any: info). */
  zombie: z.strictObject({ months: z.number().int().min(1).max(24), warn: share, high: share }).partial().optional(),
  /** A self-reported quality rate ≥ reported while ≥ minObjections objections of its kind, or a mean rating ≤ maxRating over ≥ minRatings. */
  selfReport: z
    .strictObject({ reported: share, minObjections: z.number().int().min(1), maxRating: z.number().min(1).max(5), minRatings: z.number().int().min(1) })
    .partial()
    .optional(),
});

export const weightingSchema = z.strictObject({
  method: z.enum(['expert', 'equal', 'entropy', 'ahp', 'combined']).default('expert'),
  /** Share of the expert weight in `combined`. */
  alpha: z.number().min(0).max(1).default(0.5),
  ahp: z
    .strictObject({
      dimensions: pairwiseMatrix.optional(),
      indicators: z.record(z.string(), pairwiseMatrix).default({}),
    })
    .optional(),
});

export const uncertaintySchema = z.strictObject({
  /** Capped because the engine keeps every run's ranks: n × runs × 2 bytes. */
  runs: z.number().int().min(0).max(10_000).default(1000),
  /** Each weight is multiplied by a factor in [1 − jitter, 1 + jitter]; below 1 so no weight can vanish. */
  weightJitter: z.number().min(0).lt(1).default(0.2),
  seed: z.number().int().min(0).max(0xffffffff).default(42),
});

const schemeShape = z.strictObject({
  name,
  description: z.string().optional(),
  aggregation: z.enum(['linear', 'geometric']).default('linear'),
  missing: z.enum(['zero', 'mean', 'exclude']).default('zero'),
  assessmentPoints: z.number().min(0).default(10),
  penaltyCap: z.number().min(0).default(10),
  dimensions: z.array(dimensionSchema).min(1),
  weighting: weightingSchema.default({ method: 'expert', alpha: 0.5 }),
  tiers: z.array(tierSchema).min(1),
  incentives: z.record(z.string(), z.array(z.string())).default({}),
  uncertainty: uncertaintySchema.default({ runs: 1000, weightJitter: 0.2, seed: 42 }),
  // Optional without defaults, so schemes written before them parse and hash as before.
  /** Rank, tier and rank interval within each department's peer group. */
  rankWithinGroups: z.boolean().optional(),
  dampening: dampeningSchema.optional(),
  integrity: integritySchema.optional(),
});

export const schemeSchema = schemeShape.superRefine((scheme, ctx) => {
  for (const message of schemeRuleErrors(scheme)) ctx.addIssue({ code: 'custom', message, path: [] });
});

export type Scheme = z.infer<typeof schemeShape>;
/** A scheme as written in JSON, before defaults are filled in. */
export type SchemeInput = z.input<typeof schemeShape>;
export type Dimension = Scheme['dimensions'][number];
export type Indicator = Dimension['indicators'][number];
export type Tier = Scheme['tiers'][number];
export type PairwiseMatrix = Array<Array<number | string>>;
