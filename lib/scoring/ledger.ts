// The ledger indicators' values from their counts (docs/scoring.md, "Ledger indicators"):
// the database counts (db/queries/ledger-indicators.ts), this turns counts into the values
// the engine scores. A rate with nothing due is 不适用 (left out, its weight re-spread over
// the rest of its dimension); satisfaction with fewer than 3 ratings is missing.

/** Per provider department and period: what the ledgers hold. */
export interface LedgerCounts {
  department: string;
  repliedOnTime: number;
  repliesDue: number;
  deliveredOnTime: number;
  deliveriesDue: number;
  resolvedOnTime: number;
  objectionsDue: number;
  ratings: number;
  ratingSum: number;
  activeResources: number;
  shareableResources: number;
  calledResources: number;
}

export const LEDGER_INDICATORS = [
  'resources_published',
  'shareable_rate',
  'demand_response_rate',
  'delivery_timeliness_rate',
  'objection_resolution_rate',
  'resource_utilization_rate',
  'satisfaction_score',
] as const;
export type LedgerIndicator = (typeof LEDGER_INDICATORS)[number];

/** Satisfaction needs at least this many ratings in the period; fewer → missing. */
export const MIN_RATINGS = 3;

export const NO_LEDGER_ROWS = (department: string): LedgerCounts => ({
  department,
  repliedOnTime: 0,
  repliesDue: 0,
  deliveredOnTime: 0,
  deliveriesDue: 0,
  resolvedOnTime: 0,
  objectionsDue: 0,
  ratings: 0,
  ratingSum: 0,
  activeResources: 0,
  shareableResources: 0,
  calledResources: 0,
});

/** Each ledger indicator as numerator / denominator (what a department page shows: 按期答复 41 / 45). */
export function ledgerFractions(c: LedgerCounts): Record<LedgerIndicator, { numerator: number; denominator: number | null }> {
  return {
    resources_published: { numerator: c.shareableResources, denominator: null },
    shareable_rate: { numerator: c.shareableResources, denominator: c.activeResources },
    demand_response_rate: { numerator: c.repliedOnTime, denominator: c.repliesDue },
    delivery_timeliness_rate: { numerator: c.deliveredOnTime, denominator: c.deliveriesDue },
    objection_resolution_rate: { numerator: c.resolvedOnTime, denominator: c.objectionsDue },
    resource_utilization_rate: { numerator: c.calledResources, denominator: c.shareableResources },
    satisfaction_score: { numerator: c.ratingSum, denominator: c.ratings },
  };
}

export interface LedgerValue {
  value: number | null;
  /** 不适用: nothing was due (a rate's denominator is 0). */
  notApplicable: boolean;
}

/** The value of one ledger indicator from a department's counts. */
export function ledgerValue(code: LedgerIndicator, c: LedgerCounts): LedgerValue {
  if (code === 'resources_published') return { value: c.shareableResources, notApplicable: false };
  if (code === 'satisfaction_score') {
    return { value: c.ratings >= MIN_RATINGS ? 25 * (c.ratingSum / c.ratings - 1) : null, notApplicable: false };
  }
  const { numerator, denominator } = ledgerFractions(c)[code];
  return denominator ? { value: numerator / denominator, notApplicable: false } : { value: null, notApplicable: true };
}

export const isLedgerIndicator = (code: string): code is LedgerIndicator => (LEDGER_INDICATORS as readonly string[]).includes(code);
