// `ahp`: weights and consistency of one pairwise comparison matrix.
import { readFileSync } from 'node:fs';
import { ahp, CR_THRESHOLD } from '../../lib/scoring/index';
import { CheckFailed, parseCommandArgs, requireOption, UsageError, type Command } from './_shared';

const usage = `usage: npm run cli -- ahp --matrix FILE.json

Computes AHP weights from a pairwise comparison matrix: a JSON array of rows whose
entries are numbers or strings such as "1/3". Prints
{"weights": [...], "lambdaMax": x, "ci": x, "cr": x, "consistent": true}.

Exit codes: 0 consistent (CR < ${CR_THRESHOLD.toFixed(2)}), 1 inconsistent (the JSON is still printed),
2 bad usage or a matrix that is not square, positive and reciprocal.
Example: npm run cli -- ahp --matrix examples/ahp-matrix.json`;

const command: Command = {
  summary: 'AHP weights, λmax, CI and CR of a pairwise comparison matrix',
  usage,
  async run(args) {
    const { values } = parseCommandArgs(args, { matrix: { type: 'string' } });
    const path = requireOption(values.matrix, 'matrix');
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new UsageError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    let matrix: unknown;
    try {
      matrix = JSON.parse(text);
    } catch (err) {
      throw new UsageError(`${path} is not valid JSON: ${(err as Error).message}`);
    }
    let result;
    try {
      result = ahp(matrix as Array<Array<number | string>>);
    } catch (err) {
      throw new UsageError(`${path}: ${(err as Error).message}`);
    }
    process.stdout.write(JSON.stringify(result) + '\n');
    if (!result.consistent) {
      throw new CheckFailed(`the matrix is inconsistent: CR = ${result.cr.toFixed(3)} ≥ ${CR_THRESHOLD.toFixed(2)}; revise the judgements`);
    }
    return 0;
  },
};

export default command;
