// Generates a realistic, reproducible demo province: who provides what to whom, every
// day, and the metrics each department reports monthly. Pure: same options, same data.
// Realism: a few heavy providers carry most calls (Zipf-like heaviness), a long tail
// provides little, some departments call their own resources, less diligent
// departments fail more calls and report worse quality, with gaps in the reports.
import { daysOfMonth } from '../periods/codes';
import { between, clamp, gaussian, intBetween, seededRandom, type Random } from './random';
import { demoDepartments, type DemoDepartment } from './departments';

export interface DemoIndicator {
  code: string;
  source: 'metric' | 'events' | 'ledger';
  kind?: 'count' | 'rate' | 'score';
}

export interface ProvinceOptions {
  departments: number;
  months: string[]; // oldest first
  seed: number;
}

interface Resource {
  id: string;
  consumers: number[]; // department indices; may include the provider itself
  callsPerDay: number;
  recordsPerCall: number;
  activity: number; // chance that a pair is active on a given day
}

export interface Profile {
  department: DemoDepartment;
  heaviness: number; // 0..1
  diligence: number; // 0..1: drives quality and timeliness
  failureRate: number;
  resources: Resource[];
}

export interface DemoIncident {
  departmentCode: string;
  occurredOn: string;
  kind: 'security' | 'quality';
  points: number;
  description: string;
  exempted: boolean;
}

function heavinessOf(index: number, dept: DemoDepartment): number {
  if (dept.level === 'province') return Math.pow(index + 1, -0.9);
  // City bureaus repeat the provincial order: a city's police bureau is a heavy provider.
  const bureau = index % 12;
  return 0.65 * Math.pow(bureau + 1, -0.9);
}

export function buildProfiles(options: ProvinceOptions): Profile[] {
  const rand = seededRandom(options.seed);
  const departments = demoDepartments(options.departments);
  const n = departments.length;
  return departments.map((department, index) => {
    const heaviness = heavinessOf(index, department);
    const diligence = clamp(0.25 + 0.6 * rand() + 0.15 * heaviness, 0.1, 0.99);
    const resourceCount = 1 + Math.floor(heaviness * 10 + rand() * 2);
    const maxConsumers = Math.min(n - 1, 25);
    const selfCaller = rand() < 0.15;
    const resources: Resource[] = [];
    for (let r = 0; r < resourceCount; r++) {
      const wanted = Math.max(1, Math.round(1 + heaviness * maxConsumers * between(rand, 0.4, 1) + rand() * 2));
      const consumers = new Set<number>();
      for (let tries = 0; consumers.size < Math.min(wanted, n - 1) && tries < wanted * 4; tries++) {
        const c = Math.floor(rand() * n);
        if (c !== index) consumers.add(c);
      }
      if (selfCaller && r === 0) consumers.add(index);
      resources.push({
        id: `${department.code}-R${String(r + 1).padStart(2, '0')}`,
        consumers: [...consumers].sort((a, b) => a - b),
        callsPerDay: Math.max(1, Math.round(Math.exp(gaussian(rand) * 0.6) * (20 + 150 * heaviness))),
        recordsPerCall: intBetween(rand, 1, 40),
        activity: clamp(0.3 + 0.4 * rand() + 0.2 * heaviness, 0.05, 0.95),
      });
    }
    const failureRate = clamp(0.002 + 0.08 * (1 - diligence) * rand(), 0, 0.2);
    return { department, heaviness, diligence, failureRate, resources };
  });
}

/**
 * Yields the CSV lines (date,provider,consumer,resource,calls,records,failures, no header)
 * of one day at a time, so a 5,000-department province never sits in memory whole.
 */
export function* generateEventDays(
  profiles: Profile[],
  options: ProvinceOptions,
): Generator<{ day: string; csv: string; rows: number }> {
  const rand = seededRandom(options.seed ^ 0x5eed);
  const codes = profiles.map((p) => p.department.code);
  for (const month of options.months) {
    for (const day of daysOfMonth(month)) {
      const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
      const lines: string[] = [];
      for (const profile of profiles) {
        const provider = profile.department.code;
        for (const res of profile.resources) {
          for (const c of res.consumers) {
            if (rand() >= res.activity * (weekend ? 0.3 : 1)) continue;
            const calls = Math.max(1, Math.round(res.callsPerDay * (0.5 + rand())));
            const failures = Math.round(calls * profile.failureRate * 2 * rand());
            lines.push(`${day},${provider},${codes[c]},${res.id},${calls},${calls * res.recordsPerCall},${failures}`);
          }
        }
      }
      if (lines.length) yield { day, csv: lines.join('\n') + '\n', rows: lines.length };
    }
  }
}

function metricValue(
  indicator: DemoIndicator,
  profile: Profile,
  monthIndex: number,
  rand: Random,
): number {
  const d = profile.diligence;
  const trend = monthIndex * 0.004;
  switch (indicator.code) {
    case 'resources_published':
      return Math.round(5 + 160 * profile.heaviness + 30 * d + monthIndex * (1 + 3 * profile.heaviness));
    case 'scenarios_supported':
      return Math.round(1 + 30 * profile.heaviness * d + monthIndex * 0.4 * d + rand() * 2);
    case 'satisfaction_score':
      return round(clamp(62 + 33 * d + gaussian(rand) * 4, 0, 100), 1);
  }
  if (indicator.kind === 'count') return Math.round(10 * d + rand() * 10);
  if (indicator.kind === 'score') return round(clamp(60 + 35 * d + gaussian(rand) * 5, 0, 100), 1);
  // A rate: diligent departments near 1, with monthly noise and a slow improvement.
  return round(clamp(0.5 + 0.47 * d + trend + gaussian(rand) * 0.03, 0, 1), 4);
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Monthly metric values [department, month, indicator, value], with realistic gaps. */
export function generateMetrics(
  profiles: Profile[],
  options: ProvinceOptions,
  indicators: DemoIndicator[],
): Array<[string, string, string, number]> {
  const rand = seededRandom(options.seed ^ 0x3e71c5);
  const metricIndicators = indicators.filter((i) => i.source === 'metric');
  const rows: Array<[string, string, string, number]> = [];
  // A department that never reports satisfaction, and one that skipped a whole month.
  const neverRates = profiles.length > 3 ? profiles[profiles.length - 2].department.code : null;
  const skipper = profiles.length > 5 ? profiles[profiles.length - 4].department.code : null;
  options.months.forEach((month, monthIndex) => {
    for (const profile of profiles) {
      const code = profile.department.code;
      if (code === skipper && monthIndex === Math.floor(options.months.length / 2)) continue;
      for (const indicator of metricIndicators) {
        if (code === neverRates && indicator.code === 'satisfaction_score') continue;
        if (rand() < 0.03) continue;
        rows.push([code, month, indicator.code, metricValue(indicator, profile, monthIndex, rand)]);
      }
    }
  });
  return rows;
}

const INCIDENT_TEXTS: Array<[DemoIncident['kind'], string]> = [
  ['quality', '共享数据字段缺失，导致使用方业务办理受阻'],
  ['security', '接口未按规定脱敏，暴露个人敏感信息'],
  ['quality', '数据更新滞后超过目录承诺周期'],
  ['security', '共享账号权限未及时回收'],
  ['quality', '数据异议超期未处理'],
  ['quality', '接口长时间不可用，未及时报告'],
];

/** A few incidents; the first is exempted (容错免责: shared in good faith within the rules). */
export function generateIncidents(profiles: Profile[], options: ProvinceOptions): DemoIncident[] {
  const rand = seededRandom(options.seed ^ 0x1c1d);
  const count = Math.min(INCIDENT_TEXTS.length, Math.max(1, Math.floor(profiles.length / 10)));
  return INCIDENT_TEXTS.slice(0, count).map(([kind, description], i) => {
    const profile = profiles[Math.floor(rand() * profiles.length)];
    const month = options.months[Math.floor(rand() * options.months.length)];
    const day = String(intBetween(rand, 1, 28)).padStart(2, '0');
    return {
      departmentCode: profile.department.code,
      occurredOn: `${month}-${day}`,
      kind,
      points: kind === 'security' ? intBetween(rand, 3, 6) : intBetween(rand, 1, 3),
      description,
      exempted: i === 0,
    };
  });
}
