// Grouping events per (provider, consumer) pair at 5,000 departments (~110,000 pairs a month
// or a quarter) spills to disk with the default 4 MB of work_mem and runs several times slower.
import type { Session } from '../types';

const AGGREGATION_WORK_MEM = '128MB';

/** Raises work_mem for the rest of the caller's transaction (call it inside one). */
export async function raiseWorkMem(session: Session): Promise<void> {
  await session.query(`select set_config('work_mem', $1, true)`, [AGGREGATION_WORK_MEM]);
}
