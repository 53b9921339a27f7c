// `recompute`: recomputes and caches one period's scores.
import { getDatabase } from '../../db/client';
import { ApiError } from '../../lib/http/errors';
import { recomputePeriod } from '../../lib/scores';
import { parseCommandArgs, requireOption, UsageError, type Command } from './_shared';

const usage = `usage: npm run cli -- recompute --period P

Recomputes the scores of a period (2026-10, 2026-Q4 or 2026) from the stored metric
values, sharing events and incidents with the scheme in force, and caches them for
the scores API and the pages. Reads recompute stale periods by themselves; this is for
doing it ahead of time, or after changing data by hand.

Exit codes: 0 done; 1 the period is finalized (its scores are the snapshot's and never
change), or new data landed while it ran (nothing saved: run it again); 2 malformed or
unknown period.`;

const command: Command = {
  summary: "recompute and cache a period's scores",
  usage,
  async run(args) {
    const { values } = parseCommandArgs(args, { period: { type: 'string' } });
    const period = requireOption(values.period, 'period');
    let summary;
    try {
      summary = (await recomputePeriod(await getDatabase(), period))!;
    } catch (err) {
      if (err instanceof ApiError && (err.status === 400 || err.status === 404)) throw new UsageError(err.message);
      throw err;
    }
    if (summary === 'superseded') {
      process.stderr.write(`new data for ${period} landed while recomputing; nothing saved: run it again\n`);
      return 1;
    }
    const ms = (x: number) => `${Math.round(x)} ms`;
    process.stdout.write(
      `recomputed ${summary.period}: ${summary.departments} departments with scheme v${summary.scheme.version} (${summary.scheme.hash})\n` +
        `input ${summary.inputHash}; SQL aggregation ${ms(summary.timings.matrix)}, engine ${ms(summary.timings.engine)}, cache write ${ms(summary.timings.write)}, integrity flags ${ms(summary.timings.flags)}\n`,
    );
    return 0;
  },
};
export default command;
