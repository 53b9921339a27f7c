// Which method choices move a period's ranks most (docs/scoring.md, "Method interval and
// sensitivity"): the Sobol indices the engine computed with the period's scores. A period
// finalized by engine version 1 has none stored: they are computed from its snapshot's
// inputs and scheme with today's engine, for reading only (the snapshot is untouched).
import { getSnapshot } from '../../db/queries/assessment';
import type { Database } from '../../db/types';
import { parseSchemeOrThrow, scoreDepartments, type MethodSensitivity, type ScoringInput } from '../scoring';
import { freshScores } from './freshness';
import { requirePeriod } from '../periods/rows';

export interface PeriodSensitivity {
  period: string;
  departments: number;
  sensitivity: MethodSensitivity;
  /** Where the indices come from: the period's scores, or a finalized engine-1 snapshot's inputs. */
  source: 'scores' | 'snapshot';
}

export async function periodSensitivity(database: Database, code: string): Promise<PeriodSensitivity | null> {
  await requirePeriod(database, code);
  const header = await freshScores(database, code);
  if (!header) return null;
  const stored = header.summary.sensitivity as MethodSensitivity | undefined;
  if (stored) return { period: code, departments: header.summary.departments, sensitivity: stored, source: 'scores' };
  const snapshot = await getSnapshot(database, code);
  if (!snapshot) return null;
  const scheme = parseSchemeOrThrow((snapshot.scheme as { body?: unknown }).body, `the scheme of ${code}`);
  const result = scoreDepartments(snapshot.inputs as ScoringInput, scheme, { runs: 0 });
  return { period: code, departments: result.departments.length, sensitivity: result.sensitivity!, source: 'snapshot' };
}
