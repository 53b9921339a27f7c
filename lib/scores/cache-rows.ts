// What a recompute stores for a period, built where the engine ran: the department rows as
// COPY text and the summary as JSON. In a Next.js server that is the scoring worker, so the
// serving thread receives two strings instead of cloning, annotating and serialising 5,000
// results itself, which held up every other request of the process for seconds
// (docs/performance.md, "The recompute's rows off the serving thread"). Pure: the CLI, the
// tests and finalization build the same rows in place.
import { csvLines } from '../../db/queries/csv-line';
import type { CacheSummary } from '../../db/queries/scores';
import { withRecommendations } from '../advice/sentences';
import { hashOf } from '../audit/chain';
import { scoreDepartments, type Scheme, type ScoringInput, type ScoringResult } from '../scoring';

/** The scheme as the cache header names it. */
export type SchemeRef = CacheSummary['scheme'];

export interface CacheRows {
  departments: number;
  /** department_scores rows (period, department_code, rank, total, tier, detail) in COPY csv form. */
  csv: string;
  summaryJson: string;
}

/** A scoring job: everything the engine and the row builder need, cloneable to a worker. */
export interface ScoringJob {
  period: string;
  input: ScoringInput;
  scheme: Scheme;
  schemeRef: SchemeRef;
}

export interface ScoredPeriod extends CacheRows {
  inputHash: string;
}

export function summaryOf(scheme: SchemeRef, result: ScoringResult): CacheSummary {
  const { engine, weights, methodology, sensitivity } = result;
  return { scheme, departments: result.departments.length, weights, methodology, ...(engine ? { engine, sensitivity } : {}) };
}

/** A result's rows, each department with its recommendation sentences (zh-CN) as the pages show them. */
export function cacheRowsOf(period: string, schemeRef: SchemeRef, scheme: Scheme, result: ScoringResult): CacheRows {
  const departments = withRecommendations(result.departments, scheme);
  return {
    departments: departments.length,
    csv: csvLines(departments.map((d) => [period, d.department, d.rank, d.total, d.tier, JSON.stringify(d)])),
    summaryJson: JSON.stringify(summaryOf(schemeRef, result)),
  };
}

/** The engine, then the rows: one period's whole recompute between reading and writing. */
export function scorePeriod(job: ScoringJob): ScoredPeriod {
  const result = scoreDepartments(job.input, job.scheme);
  return { inputHash: hashOf(job.input), ...cacheRowsOf(job.period, job.schemeRef, job.scheme, result) };
}
