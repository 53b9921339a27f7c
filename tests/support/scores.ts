// Score freshness as the tests look at it: each cached period and whether its scores are older than its data.
import { STALE_SQL } from '@/db/queries/scores';
import type { Database } from '@/db/types';
import { markChanged } from '@/lib/scores';

export const staleness = (database: Database) =>
  database.query<{ period: string; stale: boolean }>(
    `select ps.period, ${STALE_SQL} as stale from period_scores ps left join score_generations g on g.period = ps.period order by ps.period`,
  );

/** What a writer does to these periods, without writing anything else. */
export const markStale = (database: Database, periods: string[]) => database.transaction((tx) => markChanged(tx, periods));
