// The engine's input and output shapes (CONTRACT.md §3 scores API and §5 `score`).

export interface ScoringInput {
  departments: Array<{ code: string; name?: string }>;
  /** Department code → indicator code → raw value; null/undefined or absent = not reported. */
  values: Record<string, Record<string, number | null | undefined>>;
  /** Security or quality incidents; exempt ones (容错免责) deduct nothing. */
  incidents?: Array<{ department: string; points: number; exempt: boolean }>;
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
  recommendations: string[];
  indicators: Record<string, IndicatorResult>;
  /** Up to three indicators whose rise to the best department's score would add most points. */
  levers: Array<{ indicator: string; points: number }>;
  /** Total of the department ranked just above minus this total; null for rank 1. */
  gapToAbove: number | null;
  /** Indicators with no reported value. */
  missing: string[];
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
  scheme: { name: string; hash: string };
  weights: { dimensions: Record<string, number>; indicators: Record<string, number> };
  methodology: Methodology;
  /** In rank order; equal ranks by department code. */
  departments: DepartmentResult[];
}
