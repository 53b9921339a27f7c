// The engine's version. A finalized snapshot records the version that made it and
// `period verify` recomputes it with that version, so a change to what the engine
// outputs never breaks a snapshot finalized before it (docs/scoring.md, "Engine versions").
//   1: results carry zh-CN recommendation sentences; levers aim at the best department;
//      the straddle flag looks at the rank interval only.
//   2: results carry facts only (sentences are written by the caller from lib/i18n);
//      reachable levers with targets, ≥ 0.05 points; tier floors; straddle against every
//      cut-off; peer groups; missing cost; method interval and sensitivity.
export const ENGINE_VERSION = 2;
export const KNOWN_ENGINE_VERSIONS: readonly number[] = [1, 2];

export function isKnownEngineVersion(version: number): boolean {
  return KNOWN_ENGINE_VERSIONS.includes(version);
}
