// The engine's input and output shapes (CONTRACT.md §3 scores API and §5 `score`).

export interface ScoringInput {
  /** `group`: the department's peer group (省直部门, 市, 县 or a sector); absent = one group. */
  departments: Array<{ code: string; name?: string; group?: string }>;
  /** Department code → indicator code → raw value; null/undefined or absent = not reported. */
  values: Record<string, Record<string, number | null | undefined>>;
  /** Security or quality incidents; exempt ones (容错免责) deduct nothing. */
  incidents?: Array<{ department: string; points: number; exempt: boolean }>;
  /**
   * Department code → indicators that do not apply to it (不适用: nothing was due, e.g. no
   * request fell due in the period). Such an indicator is left out for that department and
   * its weight re-spread over the rest of its dimension, whatever the missing policy; its
   * value must be absent. Absent or empty: every indicator applies (inputs made before
   * 不适用 existed score exactly as they did).
   */
  notApplicable?: Record<string, string[]>;
}

export interface IndicatorResult {
  /** Raw value as given, null when not reported. */
  value: number | null;
  /** 0–100; null only when the value is missing under the `exclude` policy. */
  score: number | null;
  /** Effective weight within its dimension for this department. */
  weight: number;
  /** Contribution to the total before the penalty; a department's points add up to that total. */
  points: number;
  /** 不适用: nothing was due, so the indicator is left out for this department (present only when true). */
  notApplicable?: true;
}

export interface DepartmentResult {
  department: string;
  name: string;
  rank: number;
  total: number;
  /** Dimension scores 0–100 (0 when, under `exclude`, nothing in the dimension was reported). */
  dimensions: Record<string, number>;
  penalty: number;
  tier: string;
  tierName: string;
  /** 5th and 95th percentile of the rank under weight uncertainty. */
  rankInterval: [number, number];
  /** The tier at either end of the rank interval differs: do not over-read this place. */
  straddlesTier: boolean;
  /** Engine version 1 only, written by the caller (lib/advice); version 2 results carry facts only. */
  recommendations?: string[];
  indicators: Record<string, IndicatorResult>;
  /**
   * Up to three indicators whose rise would add most points. Version 1: to the best
   * department's score. Version 2: to a reachable `target` (raw value) with its `basis`,
   * ≥ 0.05 points each.
   */
  levers: Array<{ indicator: string; points: number; target?: number; basis?: 'nextTier' | 'peerQuartile' }>;
  /** Total of the department ranked just above minus this total; null for rank 1. */
  gapToAbove: number | null;
  /** Indicators with no reported value (version 2: only those the department reports itself). */
  missing: string[];
  // Engine version 2:
  /** The department's peer group, when the input gives groups. */
  group?: string;
  /** The rank among all departments, when the scheme ranks within groups (`rank` is then within the group). */
  overallRank?: number;
  /** 5th and 95th percentile of the total under the weight uncertainty (the straddle flag's score side). */
  totalInterval?: [number, number];
  /** Best and worst rank over the documented alternative methods (docs/scoring.md). */
  methodInterval?: [number, number];
  /** Points the unreported indicators cost: the gain if each were at the reporters' median. */
  missingCost?: number;
  /** The dimension to work on: the lowest, when it is below the peer group's median there; else null. */
  weakDimension?: string | null;
}

export interface MethodSensitivity {
  samples: number;
  seed: number;
  /** First-order and total Sobol indices of each method choice on the ranks. */
  choices: Array<{ choice: string; alternatives: string[]; first: number; total: number }>;
}

export interface AhpMatrixReport {
  lambdaMax: number;
  ci: number;
  cr: number;
}

export interface Methodology {
  aggregation: 'linear' | 'geometric';
  missing: 'zero' | 'mean' | 'exclude';
  weighting: {
    method: 'expert' | 'equal' | 'entropy' | 'ahp' | 'combined';
    alpha?: number;
    ahp?: { dimensions?: AhpMatrixReport; indicators: Record<string, AhpMatrixReport> };
  };
  indicators: Record<string, { dimension: string; direction: string; transform: string; normalize: string; target?: number }>;
  randomIndex: readonly number[];
  uncertainty: { runs: number; weightJitter: number; seed: number; prng: string; percentiles: [number, number] };
  penaltyCap: number;
  assessmentPoints: number;
  conventions: string[];
}

export interface ScoringResult {
  /** The engine version that made the result (absent: version 1). */
  engine?: number;
  scheme: { name: string; hash: string };
  weights: { dimensions: Record<string, number>; indicators: Record<string, number> };
  methodology: Methodology;
  /** In rank order; equal ranks by department code. */
  departments: DepartmentResult[];
  /** Engine version 2: which method choices move the ranks most. */
  sensitivity?: MethodSensitivity;
}
