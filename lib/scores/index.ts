// Public API of lib/scores, the one owner of score freshness: used by the route handlers, pages and the CLI.
export { getPeriodScores, getDepartmentScore, currentResults } from './read';
export { recomputePeriod, needsRecompute, type RecomputeSummary } from './recompute';
export { markChanged, markEverythingChanged, refreshPeriods, refreshSoon, freshScores, pageStamps, type PageScores } from './freshness';
export { listPeriods, getPeriod } from './periods';
export { getActiveScheme, type ActiveScheme } from './active-scheme';
