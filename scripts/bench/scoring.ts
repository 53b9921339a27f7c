// Benchmark of the scoring engine: 60, 500 and 5,000 departments × the default
// indicators, with 0 and 1,000 Monte Carlo runs. Prints the median wall time of
// scoreDepartments (input already in memory, output not serialised) and its median
// CPU time, which other processes competing for the cores disturb much less.
//
//   npx tsx scripts/bench/scoring.ts [--repeats N] [--json]
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { allIndicators, defaultScheme, scoreDepartments, type Scheme, type ScoringInput } from '../../lib/scoring/index';
import { mulberry32 } from '../../lib/scoring/prng';

const SIZES = [60, 500, 5000];
const RUNS = [0, 1000];
const COUNT_SCALE: Record<string, number> = {
  resources_published: 400,
  records_delivered: 5e7,
  calls_served: 2e6,
  consumer_departments: 60,
  scenarios_supported: 30,
};

/** A reproducible province: each department has a latent strength that drives its values; ~3 % missing. */
function syntheticInput(n: number, seed = 7): ScoringInput {
  const random = mulberry32(seed);
  const indicators = allIndicators(defaultScheme);
  const departments = Array.from({ length: n }, (_, i) => ({ code: `D${String(i + 1).padStart(5, '0')}`, name: `部门${i + 1}` }));
  const values: ScoringInput['values'] = {};
  for (const { code } of departments) {
    const strength = random();
    const row: Record<string, number | null> = {};
    for (const indicator of indicators) {
      const q = Math.min(1, Math.max(0, strength + (random() - 0.5) * 0.4));
      if (random() < 0.03) row[indicator.code] = null;
      else if (indicator.kind === 'count') row[indicator.code] = Math.round((COUNT_SCALE[indicator.code] ?? 100) * q * q * (0.5 + random()));
      else if (indicator.kind === 'score') row[indicator.code] = Math.round(600 + 400 * q) / 10;
      else row[indicator.code] = Math.round(1000 * (0.6 + 0.4 * q)) / 1000;
    }
    values[code] = row;
  }
  const incidents = departments.filter(() => random() < 0.05).map((d) => ({ department: d.code, points: Math.ceil(random() * 5), exempt: random() < 0.3 }));
  return { departments, values, incidents };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function main() {
  const { values: args } = parseArgs({ options: { repeats: { type: 'string', default: '7' }, json: { type: 'boolean', default: false } } });
  const repeats = Math.max(1, Number(args.repeats));
  const rows: Array<{ departments: number; runs: number; medianMs: number; minMs: number; maxMs: number; cpuMedianMs: number }> = [];
  for (const n of SIZES) {
    const input = syntheticInput(n);
    for (const runs of RUNS) {
      const scheme: Scheme = { ...defaultScheme, uncertainty: { ...defaultScheme.uncertainty, runs } };
      scoreDepartments(input, scheme); // warm-up: JIT and caches
      const times: number[] = [];
      const cpuTimes: number[] = [];
      for (let r = 0; r < repeats; r++) {
        const cpuStart = process.cpuUsage();
        const start = performance.now();
        scoreDepartments(input, scheme);
        times.push(performance.now() - start);
        const cpu = process.cpuUsage(cpuStart);
        cpuTimes.push((cpu.user + cpu.system) / 1000);
      }
      rows.push({ departments: n, runs, medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times), cpuMedianMs: median(cpuTimes) });
    }
  }
  if (args.json) {
    process.stdout.write(JSON.stringify({ node: process.version, repeats, loadAverage: loadavg(), rows }, null, 2) + '\n');
    return;
  }
  const lines = [
    `scoring engine benchmark — node ${process.version}, ${repeats} timed repeats after one warm-up; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`,
    '',
    '| departments | uncertainty runs | median wall ms | min–max wall ms | median CPU ms |',
    '|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.departments.toLocaleString('en')} | ${r.runs.toLocaleString('en')} | ${r.medianMs.toFixed(1)} | ${r.minMs.toFixed(1)}–${r.maxMs.toFixed(1)} | ${r.cpuMedianMs.toFixed(1)} |`,
    ),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

main();
