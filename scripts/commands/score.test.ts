// End-to-end tests of `npm run cli -- score`: spawn the real CLI and check exit codes and output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const examples = (name: string) => path.join(root, 'examples', name);
const scratch = mkdtempSync(path.join(tmpdir(), 'sharescore-score-'));
const file = (name: string, text: string) => {
  const p = path.join(scratch, name);
  writeFileSync(p, text);
  return p;
};

function cli(...args: string[]) {
  // What `npx tsx scripts/cli.mts` runs, minus npx's start-up second.
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.mts', 'score', ...args], { cwd: root, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const exampleArgs = ['--input', examples('score-input.csv'), '--scheme', examples('default-scheme.json'), '--incidents', examples('incidents.csv')];

describe('cli score', () => {
  it('prints the scores as JSON, like the scores API plus weights and methodology', () => {
    const { code, stdout, stderr } = cli(...exampleArgs);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(['engine', 'scheme', 'weights', 'methodology', 'departments', 'sensitivity']);
    expect(result.departments).toHaveLength(8);
    expect(result.departments[0]).toMatchObject({ rank: 1, tier: 'excellent', tierName: '优秀' });
    expect(Object.keys(result.departments[0].indicators)).toHaveLength(17); // the default scheme v2: 15 indicators of v1 plus shareable_rate and resource_utilization_rate
    expect(result.departments.find((d: { department: string }) => d.department === 'JTT').penalty).toBe(3);
    expect(result.departments.find((d: { department: string }) => d.department === 'ZRT').penalty).toBe(0); // exempt
    // Deterministic: the same files give the same bytes.
    expect(cli(...exampleArgs).stdout).toBe(stdout);
  });

  it('prints the assessment columns as CSV with a BOM', () => {
    const { code, stdout } = cli(...exampleArgs, '--format', 'csv');
    expect(code).toBe(0);
    const lines = stdout.split('\r\n');
    expect(lines[0]).toBe('\uFEFF排名,部门编码,部门名称,总分,共享数量,共享质量,应用成效,扣分,等级,排名区间,考核得分,激励建议,改进建议,缺报');
    expect(lines).toHaveLength(10); // header, 8 departments, and the empty string after the last CRLF
    expect(lines[1]).toMatch(/^1,[A-Z]+,省/);
  });

  it('exits 2 with one line on stderr for bad usage and bad input', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--scheme', examples('default-scheme.json')], /missing required option --input/],
      [[...exampleArgs, '--format', 'xml'], /--format must be json or csv/],
      [['--input', path.join(scratch, 'nope.csv'), '--scheme', examples('default-scheme.json')], /cannot read .*nope\.csv: ENOENT/],
      [['--input', examples('score-input.csv'), '--scheme', file('bad.json', '{"name": ')], /is not valid JSON/],
      [['--input', examples('score-input.csv'), '--scheme', file('method.json', readFileSync(examples('default-scheme.json'), 'utf8').replace('"expert"', '"magic"'))], /weighting\.method: unknown method "magic"/],
      [['--input', file('header.csv', 'dept,indicator,value\nD1,calls_served,1\n'), '--scheme', examples('default-scheme.json')], /missing column "department"/],
      [['--input', file('rate.csv', 'department,indicator,value\nD1,completeness_rate,97\n'), '--scheme', examples('default-scheme.json')], /row 2: completeness_rate is a rate/],
      [['--input', file('quote.csv', 'department,indicator,value\nD1,"calls_served,1\n'), '--scheme', examples('default-scheme.json')], /is not valid CSV/],
      [['--input', examples('score-input.csv'), '--scheme', examples('default-scheme.json'), '--incidents', file('inc.csv', 'department,points,exempt\nZZZ,1,false\n')], /incidents row 2: department "ZZZ"/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr, stdout } = cli(...args);
      expect({ args, code }).toEqual({ args, code: 2 });
      expect(stderr).toMatch(message);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stdout).toBe('');
    }
  }, 120_000);

  it('documents itself with --help', () => {
    const { code, stdout } = cli('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: npm run cli -- score --input FILE\.csv --scheme FILE\.json/);
  });
});
