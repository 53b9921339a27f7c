// The snapshot of a finalized period and its hash. The hash is sha256 over the
// canonical JSON (lib/scoring canonicalJson: sorted keys, no whitespace) of
// {format, period, scheme, inputs, result}; verify recomputes `result` from the
// stored inputs and scheme and must arrive at the same hash.
import { hashOf } from '../audit/chain';
import { canonicalJson, parseScheme, scoreDepartments, type Scheme, type ScoringInput, type ScoringResult } from '../scoring/index';

export const SNAPSHOT_FORMAT = 'sharescore-snapshot/1';

export interface SnapshotScheme {
  id: number;
  version: number;
  hash: string;
  body: Scheme;
}

export interface SnapshotContent {
  format: typeof SNAPSHOT_FORMAT;
  period: string;
  scheme: SnapshotScheme;
  inputs: ScoringInput;
  result: ScoringResult;
}

export function snapshotHash(content: SnapshotContent): string {
  return hashOf(content);
}

/** What the database gives back equals what went in: no undefined, no -0, only JSON. */
export function asStored<T>(value: T): T {
  return JSON.parse(canonicalJson(value)) as T;
}

/** Scores the inputs with the scheme and builds the snapshot content (not yet hashed). */
export function buildSnapshot(period: string, scheme: SnapshotScheme, inputs: ScoringInput): SnapshotContent {
  const storedInputs = asStored(inputs);
  const result = asStored(scoreDepartments(storedInputs, scheme.body));
  return { format: SNAPSHOT_FORMAT, period, scheme: asStored(scheme), inputs: storedInputs, result };
}

export interface SnapshotCheck {
  ok: boolean;
  period: string;
  /** The hash stored at finalization (snapshots.hash). */
  storedHash: string;
  /** periods.snapshot_hash, which exports carry. */
  periodHash: string | null;
  /** The hash over the stored inputs and scheme with a freshly computed result. */
  recomputedHash: string;
  /** Departments whose recomputed result differs from the stored one. */
  changedDepartments: string[];
  problem: string | null;
}

/**
 * Recomputes the result from the stored inputs with the stored scheme (re-parsed,
 * so a body the engine no longer accepts is reported, not trusted) and compares.
 */
export function verifySnapshot(stored: { period: string; scheme: unknown; inputs: unknown; result: unknown; hash: string }, periodHash: string | null): SnapshotCheck {
  const base = { period: stored.period, storedHash: stored.hash, periodHash };
  const schemeRecord = stored.scheme as Partial<SnapshotScheme> | null;
  const parsed = parseScheme(schemeRecord?.body);
  if (!schemeRecord || !parsed.ok) {
    return { ...base, ok: false, recomputedHash: '', changedDepartments: [], problem: `stored scheme is not valid: ${parsed.ok ? 'missing' : parsed.errors[0]}` };
  }
  let result: ScoringResult;
  try {
    result = asStored(scoreDepartments(stored.inputs as ScoringInput, parsed.scheme));
  } catch (err) {
    return { ...base, ok: false, recomputedHash: '', changedDepartments: [], problem: `stored inputs cannot be scored: ${(err as Error).message}` };
  }
  const recomputedHash = snapshotHash({
    format: SNAPSHOT_FORMAT,
    period: stored.period,
    scheme: schemeRecord as SnapshotScheme,
    inputs: stored.inputs as ScoringInput,
    result,
  });
  const before = new Map(((stored.result as ScoringResult | null)?.departments ?? []).map((d) => [d.department, canonicalJson(d)]));
  const changedDepartments = result.departments.filter((d) => before.get(d.department) !== canonicalJson(d)).map((d) => d.department);
  // The stored result is what exports show: it must hash to the stored hash too.
  const storedContentHash = snapshotHash({ format: SNAPSHOT_FORMAT, period: stored.period, scheme: schemeRecord as SnapshotScheme, inputs: stored.inputs as ScoringInput, result: stored.result as ScoringResult });
  const problem =
    recomputedHash !== stored.hash
      ? 'recomputed hash differs from the stored snapshot hash'
      : storedContentHash !== stored.hash || changedDepartments.length
        ? 'the stored result differs from the recomputed one'
        : periodHash !== stored.hash
          ? 'the period record carries a different hash than its snapshot'
          : null;
  const ok = problem === null;
  return { ...base, ok, recomputedHash, changedDepartments, problem };
}
