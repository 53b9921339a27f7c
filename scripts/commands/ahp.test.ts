// End-to-end tests of `npm run cli -- ahp`: exit 0 consistent, 1 inconsistent, 2 bad input.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAATY_HOUSE } from '../../tests/support/saaty';

const root = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'sharescore-ahp-'));
const matrixFile = (name: string, matrix: unknown) => {
  const p = path.join(scratch, name);
  writeFileSync(p, typeof matrix === 'string' ? matrix : JSON.stringify(matrix));
  return p;
};

function cli(...args: string[]) {
  // What `npx tsx scripts/cli.mts` runs, minus npx's start-up second.
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.mts', 'ahp', ...args], { cwd: root, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('cli ahp', () => {
  it('prints weights, λmax, CI, CR and consistent for the example matrix', () => {
    const { code, stdout, stderr } = cli('--matrix', path.join(root, 'examples/ahp-matrix.json'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(['weights', 'lambdaMax', 'ci', 'cr', 'consistent']);
    expect(result.weights.reduce((s: number, w: number) => s + w, 0)).toBeCloseTo(1, 12);
    expect(result.consistent).toBe(true);
  });

  it("exits 1 for Saaty's inconsistent house matrix, still printing the result", () => {
    const { code, stdout, stderr } = cli('--matrix', matrixFile('house.json', SAATY_HOUSE));
    expect(code).toBe(1);
    expect(JSON.parse(stdout).cr.toFixed(3)).toBe('0.169');
    expect(stderr).toBe('failed: the matrix is inconsistent: CR = 0.169 ≥ 0.10; revise the judgements\n');
  });

  it('exits 2 with one line on stderr for a bad matrix or bad usage', () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /missing required option --matrix/],
      [['--matrix', matrixFile('square.json', [[1, 2]])], /not square/],
      [['--matrix', matrixFile('recip.json', [[1, 2], [2, 1]])], /not reciprocal/],
      [['--matrix', matrixFile('neg.json', [[1, -1], [-1, 1]])], /positive/],
      [['--matrix', matrixFile('json.json', '[[1,')], /not valid JSON/],
      [['--matrix', 'x', '--extra'], /Unknown option '--extra'/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = cli(...args);
      expect({ args, code }).toEqual({ args, code: 2 });
      expect(stderr).toMatch(message);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  }, 120_000);
});
