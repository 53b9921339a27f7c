// Public API of the scoring engine. Pure TypeScript: no I/O, no clock, no
// Math.random(); the same input and scheme always give byte-identical JSON.
export type { Scheme, SchemeInput, Dimension, Indicator, Tier, PairwiseMatrix } from './scheme-schema';
export { parseScheme, parseSchemeOrThrow, type ParseSchemeResult } from './parse-scheme';
export { defaultScheme, selfReportedScheme } from './default-scheme';
export { schemeHash } from './scheme-hash';
export { canonicalJson } from './canonical-json';
export { allIndicators, type FlatIndicator } from './layout';
export { scoreDepartments, type ScoreOptions } from './score';
export { ScoringInputError } from './validate';
export { ahp, RANDOM_INDEX, CR_THRESHOLD, type AhpResult } from './ahp';
export { parseMatrixEntry } from './pairwise-matrix';
export { valueRangeProblem } from './kinds';
export { scoringInputFromRows, DEPARTMENT_CODE, type ValueRow, type IncidentRow, type RowsToInputResult } from './input-from-rows';
export { recommendationFacts, weakestIndex, type AdviceSource, type NamedScheme, type RecommendationFacts } from './recommend';
export { ENGINE_VERSION, KNOWN_ENGINE_VERSIONS, isKnownEngineVersion } from './engine-version';
export { MIN_LEVER_POINTS } from './reachable';
export { DEFAULT_INTEGRITY, FLAG_KINDS, FLAG_SEVERITIES, integrityOf, type FlagKind, type FlagSeverity, type IntegrityThresholds } from './integrity';
export { DEFAULT_DAMPENING, NO_DAMPENING, dampeningOf, type Dampening } from './dampening';
export { assessmentRows, ASSESSMENT_FIXED_COLUMNS, type AdviceCells } from './assessment-rows';
export { toCsv, neutralizeFormula } from './csv';
export type { ScoringInput, ScoringResult, DepartmentResult, IndicatorResult, Methodology, AhpMatrixReport, MethodSensitivity } from './types';
export { LEDGER_INDICATORS, MIN_RATINGS, NO_LEDGER_ROWS, isLedgerIndicator, ledgerFractions, ledgerValue, type LedgerCounts, type LedgerIndicator, type LedgerValue } from './ledger';
