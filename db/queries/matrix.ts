// The period matrix (CONTRACT.md §8): department × indicator values for a month,
// quarter or year, aggregated in the database, in the shape the engine consumes.
//
// - events indicators come from the sharing events of the whole period, calls from
//   other departments only (a department calling its own resources earns nothing);
//   consumer_departments counts distinct consumers over the whole period (not a sum
//   of months) with real use: at least minCalls calls on at least minDays days; each
//   consumer's calls count toward calls_served up to consumerCap × the median calls of
//   the provider's real consumers (the scheme's dampening, docs/scoring.md). A department
//   with no events has 0 calls, records and consumers, and no success rate (undefined
//   without calls); records and the success rate count every call. A pair whose calls the
//   admin set aside for a period (integrity_set_asides, docs/scoring.md "Integrity") is
//   left out on that period's days.
// - each department's peer group: its own, else its level's (省直部门, 市, 县).
// - metric indicators roll the current (non-superseded) monthly values up by the
//   indicator's `aggregate` rule: sum, mean, max, or last (the latest month reported).
// - incidents: non-exempt points per department, for incidents in the period.
// - ledger indicators come from the catalog, request and objection ledgers as of `today`
//   (ledger-indicators.ts); a rate with nothing due is 不适用 for that department.
import { allIndicators, dampeningOf, isLedgerIndicator, ledgerValue, NO_LEDGER_ROWS, type Dampening, type Scheme, type ScoringInput } from '../../lib/scoring';
import type { Session } from '../types';
import { loadLedgerCounts } from './ledger-indicators';
import { NOT_SET_ASIDE } from './integrity';
import { raiseWorkMem } from './work-mem';

/** A period's first and last day (ISO dates) and its months in order (lib/periods/codes.ts PeriodInfo). */
export interface PeriodSpan {
  startsOn: string;
  endsOn: string;
  months: string[];
}

/** The events indicators the database derives, by code. */
export const EVENT_INDICATORS = ['records_delivered', 'calls_served', 'consumer_departments', 'service_success_rate'] as const;
type EventIndicator = (typeof EVENT_INDICATORS)[number];

// Three-level aggregation: per (provider, consumer, day), then per (provider, consumer), so
// the days of use are a count of groups instead of a count(distinct) sort; then per provider,
// with the median real consumer as the cap's yardstick. $3 minCalls, $4 minDays, $5 consumerCap (null: none).
const EVENTS_SQL = `
  with days as (
    select provider, consumer, day, sum(calls) as calls, sum(records) as records, sum(failures) as failures
    from sharing_events e
    where day >= $1::date and day <= $2::date and consumer <> provider and ${NOT_SET_ASIDE}
    group by provider, consumer, day
  ), pairs as (
    select provider, consumer, sum(calls) as calls, sum(records) as records, sum(failures) as failures,
           count(*) filter (where calls > 0) as days_used
    from days group by provider, consumer
  ), judged as (
    select *, calls > 0 and calls >= $3 and days_used >= $4 as real_use from pairs
  ), yardstick as (
    select provider, percentile_disc(0.5) within group (order by calls) as median_calls
    from judged where real_use group by provider
  )
  select j.provider as department,
         sum(j.records)::float8 as records_delivered,
         sum(case when $5::float8 is null or y.median_calls is null then j.calls
                  else least(j.calls, $5::float8 * y.median_calls) end)::float8 as calls_served,
         (count(*) filter (where j.real_use))::float8 as consumer_departments,
         case when sum(j.calls) > 0 then greatest(0, 1 - sum(j.failures)::float8 / sum(j.calls)::float8) end as service_success_rate
  from judged j left join yardstick y on y.provider = j.provider
  group by j.provider`;

const METRICS_SQL = `
  select v.department_code as department, v.indicator,
         (case r.rule
            when 'sum' then sum(v.value)
            when 'mean' then avg(v.value)
            when 'max' then max(v.value)
            else (array_agg(v.value order by v.period desc))[1]
          end)::float8 as value
  from indicator_values v
  join unnest($3::text[], $4::text[]) as r(indicator, rule) on r.indicator = v.indicator
  where v.superseded_at is null and v.period >= $1 and v.period <= $2
  group by v.department_code, v.indicator, r.rule`;

const INCIDENTS_SQL = `
  select department_code as department, sum(points)::float8 as points
  from incidents
  where occurred_on >= $1::date and occurred_on <= $2::date and exemption_status <> 'granted'
  group by department_code`;

export async function loadEventIndicators(session: Session, period: PeriodSpan, dampening: Dampening) {
  return session.query<{ department: string } & Record<EventIndicator, number | null>>(EVENTS_SQL, [
    period.startsOn,
    period.endsOn,
    dampening.minCalls,
    dampening.minDays,
    dampening.consumerCap,
  ]);
}

export async function loadMetricRollups(session: Session, period: PeriodSpan, rules: Array<{ code: string; aggregate: string }>) {
  if (!rules.length) return [];
  return session.query<{ department: string; indicator: string; value: number }>(METRICS_SQL, [
    period.months[0],
    period.months[period.months.length - 1],
    rules.map((r) => r.code),
    rules.map((r) => r.aggregate),
  ]);
}

export async function loadIncidentPoints(session: Session, period: PeriodSpan) {
  return session.query<{ department: string; points: number }>(INCIDENTS_SQL, [period.startsOn, period.endsOn]);
}

/** Active departments with their peer group: their own, else by level (docs/scoring.md, "Peer groups"). */
export async function loadActiveDepartments(session: Session) {
  return session.query<{ code: string; name: string; group: string }>(
    `select code, name, coalesce(peer_group, case level when 'city' then '市' when 'county' then '县' else '省直部门' end) as "group"
     from departments where active order by code`,
  );
}

/**
 * The whole matrix for one period and scheme: active departments, their values, their
 * incident points, with the ledgers' clocks read on `today` (a Beijing date, YYYY-MM-DD).
 * Call it inside a transaction (recompute does): it raises work_mem for that transaction only.
 */
export async function loadPeriodMatrix(session: Session, period: PeriodSpan, scheme: Scheme, today: string): Promise<ScoringInput> {
  await raiseWorkMem(session); // a quarter of 5,000 departments groups ~110,000 pairs
  const indicators = allIndicators(scheme);
  const eventCodes = new Set(indicators.filter((i) => i.source === 'events').map((i) => i.code));
  const metricRules = indicators.filter((i) => i.source === 'metric').map((i) => ({ code: i.code, aggregate: i.aggregate }));

  const departments = await loadActiveDepartments(session);
  const events = eventCodes.size ? await loadEventIndicators(session, period, dampeningOf(scheme)) : [];
  const metrics = await loadMetricRollups(session, period, metricRules);
  const incidents = await loadIncidentPoints(session, period);

  const values: ScoringInput['values'] = {};
  for (const d of departments) {
    values[d.code] = {};
    for (const code of eventCodes) if (code !== 'service_success_rate' && isEventIndicator(code)) values[d.code][code] = 0;
  }
  for (const e of events) {
    const row = values[e.department];
    if (!row) continue; // an inactive or unknown provider is not ranked
    for (const code of eventCodes) if (isEventIndicator(code)) row[code] = e[code] === null ? null : Number(e[code]);
  }
  for (const m of metrics) {
    const row = values[m.department];
    if (row) row[m.indicator] = Number(m.value);
  }
  const notApplicable = await addLedgerIndicators(session, period, scheme, today, values);
  return {
    departments: departments.map((d) => ({ code: d.code, name: d.name, group: d.group })),
    values,
    ...(Object.keys(notApplicable).length ? { notApplicable } : {}),
    incidents: incidents
      .filter((i) => values[i.department])
      .map((i) => ({ department: i.department, points: Number(i.points), exempt: false })),
  };
}

/**
 * The scheme's ledger indicators into `values` (every active department: a department with
 * nothing in the ledgers publishes 0 resources and has every rate 不适用); returns the
 * 不适用 indicators per department. Nothing is read when the scheme has no ledger indicator.
 */
export async function addLedgerIndicators(
  session: Session,
  period: Pick<PeriodSpan, 'startsOn' | 'endsOn'>,
  scheme: Scheme,
  today: string,
  values: ScoringInput['values'],
): Promise<Record<string, string[]>> {
  const codes = allIndicators(scheme).filter((i) => i.source === 'ledger').map((i) => i.code).filter(isLedgerIndicator);
  const notApplicable: Record<string, string[]> = {};
  if (!codes.length) return notApplicable;
  const counts = new Map((await loadLedgerCounts(session, period, today)).map((c) => [c.department, c]));
  for (const [department, row] of Object.entries(values)) {
    const c = counts.get(department) ?? NO_LEDGER_ROWS(department);
    for (const code of codes) {
      const v = ledgerValue(code, c);
      row[code] = v.value;
      if (v.notApplicable) (notApplicable[department] ??= []).push(code);
    }
  }
  return notApplicable;
}

const isEventIndicator = (code: string): code is EventIndicator => (EVENT_INDICATORS as readonly string[]).includes(code);
