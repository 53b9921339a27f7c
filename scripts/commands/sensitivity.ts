// `sensitivity`: which method choices move a period's ranks most (Sobol indices).
import { getDatabase } from '../../db/client';
import { ApiError } from '../../lib/http/errors';
import { periodSensitivity } from '../../lib/scores/sensitivity';
import { parseCommandArgs, requireOption, UsageError, type Command } from './_shared';

const usage = `usage: npm run cli -- sensitivity --period P

Prints the first-order and total Sobol indices of each method choice the scheme leaves
open — normalisation (minmax, zscore, rank for indicators without a target), missing
values (zero, mean, exclude), aggregation (linear, geometric) — on the period's ranks:
the share of the rank variance each choice explains alone (first-order) and with its
interactions (total). docs/scoring.md, "Method interval and sensitivity".

Exit codes: 0 printed; 1 the period has no scores; 2 malformed or unknown period.`;

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - text.length));

const command: Command = {
  summary: 'Sobol indices of the method choices on a period’s ranks',
  usage,
  async run(args) {
    const { values } = parseCommandArgs(args, { period: { type: 'string' } });
    const period = requireOption(values.period, 'period');
    let found;
    try {
      found = await periodSensitivity(await getDatabase(), period);
    } catch (err) {
      if (err instanceof ApiError && (err.status === 400 || err.status === 404)) throw new UsageError(err.message);
      throw err;
    }
    if (!found) {
      process.stderr.write(`${period} has no scores\n`);
      return 1;
    }
    const { sensitivity } = found;
    const lines = [
      `${period}: ${found.departments} departments; Saltelli (2010) estimators, ${sensitivity.samples} samples, seed ${sensitivity.seed}` +
        (found.source === 'snapshot' ? ' (computed from the engine-1 snapshot’s inputs)' : ''),
      `${pad('choice', 15)}${pad('first-order', 13)}${pad('total', 9)}alternatives`,
      ...[...sensitivity.choices]
        .sort((a, b) => b.total - a.total)
        .map((c) => `${pad(c.choice, 15)}${pad(c.first.toFixed(3), 13)}${pad(c.total.toFixed(3), 9)}${c.alternatives.join(', ')}`),
    ];
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  },
};
export default command;
