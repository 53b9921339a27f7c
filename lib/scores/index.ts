// Public API of the score cache: used by the route handlers, pages and the CLI.
export { getPeriodScores, getDepartmentScore } from './read';
export { recomputePeriod, needsRecompute, type RecomputeSummary } from './recompute';
export { listPeriods, getPeriod } from './periods';
export { getActiveScheme, type ActiveScheme } from './active-scheme';
export { periodQuery, periodPathParams, departmentPathParams, searchParams } from './params';
export { markPeriodsStale, markAllScoresStale } from '../../db/queries/scores';
