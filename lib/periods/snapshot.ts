// The snapshot of a finalized period and its hash. The hash is sha256 over the
// canonical JSON (lib/scoring canonicalJson: sorted keys, no whitespace) of
// {format, period, scheme, inputs, result} and, from format 2 on, the `engine` version
// that made the result; verify recomputes `result` from the stored inputs and scheme
// with that same engine version and must arrive at the same hash.
import { hashOf } from '../audit/chain';
import { v1Sentences } from '../advice/sentences';
import { canonicalJson, ENGINE_VERSION, isKnownEngineVersion, KNOWN_ENGINE_VERSIONS, parseScheme, scoreDepartments, type Scheme, type ScoringInput, type ScoringResult } from '../scoring/index';

/** Format 1: engine version 1, no `engine` field (snapshots finalized before versions were recorded). */
export const SNAPSHOT_FORMAT_V1 = 'sharescore-snapshot/1';
export const SNAPSHOT_FORMAT = 'sharescore-snapshot/2';

export interface SnapshotScheme {
  id: number;
  version: number;
  hash: string;
  body: Scheme;
}

export interface SnapshotContent {
  format: typeof SNAPSHOT_FORMAT | typeof SNAPSHOT_FORMAT_V1;
  /** Format 2: the engine version that made the result. */
  engine?: number;
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

/** The engine of the given version on stored inputs; version 1 writes its zh-CN sentences through lib/advice. */
export function scoreWithEngine(inputs: ScoringInput, scheme: Scheme, engine: number): ScoringResult {
  return asStored(scoreDepartments(inputs, scheme, { engine, v1Recommendations: engine === 1 ? (facts) => v1Sentences(facts) : undefined }));
}

/** The content's envelope for an engine version: format 1 had no `engine` field, so its hashes stay as they were. */
function envelope(engine: number): Pick<SnapshotContent, 'format' | 'engine'> {
  return engine === 1 ? { format: SNAPSHOT_FORMAT_V1 } : { format: SNAPSHOT_FORMAT, engine };
}

/** Scores the inputs with the scheme and builds the snapshot content (not yet hashed). */
export function buildSnapshot(period: string, scheme: SnapshotScheme, inputs: ScoringInput, engine: number = ENGINE_VERSION): SnapshotContent {
  const storedInputs = asStored(inputs);
  const result = scoreWithEngine(storedInputs, scheme.body, engine);
  return { ...envelope(engine), period, scheme: asStored(scheme), inputs: storedInputs, result };
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
  /** The engine version that made the snapshot, and recomputed it when this build knows it. */
  engineVersion: number;
  problem: string | null;
}

/**
 * Recomputes the result from the stored inputs with the stored scheme (re-parsed,
 * so a body the engine no longer accepts is reported, not trusted) and compares.
 */
export function verifySnapshot(
  stored: { period: string; scheme: unknown; inputs: unknown; result: unknown; hash: string; engineVersion?: number },
  periodHash: string | null,
): SnapshotCheck {
  const engine = stored.engineVersion ?? 1;
  const base = { period: stored.period, storedHash: stored.hash, periodHash, engineVersion: engine };
  if (!isKnownEngineVersion(engine)) {
    const known = KNOWN_ENGINE_VERSIONS.join(', ');
    return { ...base, ok: false, recomputedHash: '', changedDepartments: [], problem: `made by engine version ${engine}; this build runs versions ${known}: verify it with a build of version ${engine}` };
  }
  const schemeRecord = stored.scheme as Partial<SnapshotScheme> | null;
  const parsed = parseScheme(schemeRecord?.body);
  if (!schemeRecord || !parsed.ok) {
    return { ...base, ok: false, recomputedHash: '', changedDepartments: [], problem: `stored scheme is not valid: ${parsed.ok ? 'missing' : parsed.errors[0]}` };
  }
  let result: ScoringResult;
  try {
    result = scoreWithEngine(stored.inputs as ScoringInput, parsed.scheme, engine);
  } catch (err) {
    return { ...base, ok: false, recomputedHash: '', changedDepartments: [], problem: `stored inputs cannot be scored: ${(err as Error).message}` };
  }
  const recomputedHash = snapshotHash({
    ...envelope(engine),
    period: stored.period,
    scheme: schemeRecord as SnapshotScheme,
    inputs: stored.inputs as ScoringInput,
    result,
  });
  const before = new Map(((stored.result as ScoringResult | null)?.departments ?? []).map((d) => [d.department, canonicalJson(d)]));
  const changedDepartments = result.departments.filter((d) => before.get(d.department) !== canonicalJson(d)).map((d) => d.department);
  // The stored result is what exports show: it must hash to the stored hash too.
  const storedContentHash = snapshotHash({ ...envelope(engine), period: stored.period, scheme: schemeRecord as SnapshotScheme, inputs: stored.inputs as ScoringInput, result: stored.result as ScoringResult });
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
