// Integrity flags (docs/scoring.md, "Integrity"), computed in the database per period, and the
// set-asides of a flagged pair's calls. Each query returns rows of
// {department, kind, severity, evidence}; the thresholds come from the period's scheme
// (lib/scoring/integrity.ts). Calls are from other departments only (consumer ≠ provider),
// as for the events indicators; the flags read the raw events (a set-aside pair still shows,
// marked as set aside), the scores read them without the set-aside pairs (matrix.ts).
import type { IntegrityThresholds } from '../../lib/scoring';
import type { Session } from '../types';
import { csvLines } from './csv-line';
import { advisoryKey, advisoryXactLock } from './locks';
import type { PeriodSpan } from './matrix';
import { dayPassed } from './scores';
import { raiseWorkMem } from './work-mem';

export interface FlagRow {
  department: string;
  kind: string;
  severity: 'info' | 'warn' | 'high';
  evidence: Record<string, unknown>;
}

// One pass over the period's pairs, from the stored monthly pair sums (brought up to date
// first: sumMonthlyCalls): per
// (provider, consumer) the calls and the days of use (a period is whole months, so the days
// are the months' days added up), per provider the total, the consumers and the thin ones,
// and its busiest consumer.
// $1 first month, $2 last month, $3 minCalls, $4 minDays, $5/$6 concentration warn/high, $7 minConsumers,
// $8 thin minCount, $9/$10 thin warn/high, $11/$12 reciprocal warn/high.
const PAIR_FLAGS_SQL = `
  with pairs as (
    select provider, consumer, sum(calls)::float8 as calls, sum(days_used)::int as days_used
    from integrity_monthly_pairs where month >= $1 and month <= $2
    group by provider, consumer having sum(calls) > 0
  ), totals as (
    select provider, sum(calls) as calls, count(*)::int as consumers,
           (count(*) filter (where calls < $3 or days_used < $4))::int as thin,
           coalesce(sum(calls) filter (where calls < $3 or days_used < $4), 0) as thin_calls
    from pairs group by provider
  ), busiest as (
    select distinct on (provider) provider, consumer, calls from pairs order by provider, calls desc, consumer
  ), shares as (
    select p.provider, p.consumer, p.calls, p.calls / t.calls as share from pairs p join totals t using (provider)
  )
  select t.provider as department, 'consumer_concentration' as kind,
         case when b.calls / t.calls > $6 then 'high' else 'warn' end as severity,
         jsonb_build_object('partner', b.consumer, 'numerator', b.calls, 'denominator', t.calls,
                            'share', b.calls / t.calls, 'consumers', t.consumers) as evidence
  from totals t join busiest b using (provider)
  where t.consumers >= $7 and b.calls / t.calls > $5
  union all
  select provider, 'thin_consumers',
         case when thin::float8 / consumers >= $10 then 'high' else 'warn' end,
         jsonb_build_object('numerator', thin, 'denominator', consumers, 'share', thin::float8 / consumers,
                            'thinCalls', thin_calls, 'calls', calls, 'minCalls', $3::int, 'minDays', $4::int)
  from totals
  where thin >= $8 and thin::float8 / consumers >= $9
  union all
  select a.provider, 'reciprocal_pair',
         case when least(a.share, b.share) >= $12 then 'high' else 'warn' end,
         jsonb_build_object('partner', a.consumer,
                            'numerator', a.calls, 'denominator', a.calls / a.share, 'share', a.share,
                            'partnerNumerator', b.calls, 'partnerDenominator', b.calls / b.share, 'partnerShare', b.share)
  from shares a join shares b on b.provider = a.consumer and b.consumer = a.provider
  where a.share >= $11 and b.share >= $11`;

export async function loadPairFlags(session: Session, period: PeriodSpan, t: IntegrityThresholds): Promise<FlagRow[]> {
  return session.query<FlagRow>(PAIR_FLAGS_SQL, [
    period.months[0],
    period.months[period.months.length - 1],
    t.dampening.minCalls,
    t.dampening.minDays,
    t.concentration.warn,
    t.concentration.high,
    t.concentration.minConsumers,
    t.thinConsumers.minCount,
    t.thinConsumers.warn,
    t.thinConsumers.high,
    t.reciprocal.warn,
    t.reciprocal.high,
  ]);
}

// Each month of the period against the department's own monthly calls in the historyMonths
// before it: robust z = (x − median) / (1.4826·MAD), or 1.253314·mean absolute deviation when
// the MAD is 0; no spread at all → no z. History months before the first month with any event
// (the data's start) are not history; a department with no calls in a covered month has 0.
// The month must also be at least minRatio × the median (a steady department's MAD is tiny).
// The monthly sums are read from integrity_monthly_calls, brought up to date first
// (sumMonthlyCalls, with the history): reading every event of the history in every
// recompute was most of the flags' time (docs/performance.md "Integrity flags off the read path").
// $1 period start, $2 period end, $3 historyMonths, $4 minMonths, $5/$6 warn/high, $7 minRatio.
const SPIKE_SQL = `
  with bounds as (
    select greatest(($1::date - make_interval(months => $3::int))::date,
                    date_trunc('month', (select min(day) from sharing_events))::date) as hist_from
  ), monthly as (
    select provider, to_date(month, 'YYYY-MM') as month, calls
    from integrity_monthly_calls, bounds
    where month >= to_char(bounds.hist_from, 'YYYY-MM') and month <= to_char($2::date, 'YYYY-MM')
  ), hist_months as (
    select generate_series(hist_from, ($1::date - interval '1 month'), interval '1 month')::date as month from bounds
  ), current_months as (
    select distinct on (provider) provider, month, calls from monthly where month >= $1::date order by provider, calls desc, month
  ), hist as (
    select c.provider, h.month, coalesce(m.calls, 0) as calls
    from current_months c cross join hist_months h
    left join monthly m on m.provider = c.provider and m.month = h.month
  ), centre as (
    select provider, count(*)::int as n, percentile_cont(0.5) within group (order by calls) as median,
           jsonb_agg(jsonb_build_object('month', to_char(month, 'YYYY-MM'), 'calls', calls) order by month) as history
    from hist group by provider
  ), spread as (
    select h.provider, percentile_cont(0.5) within group (order by abs(h.calls - c.median)) as mad,
           avg(abs(h.calls - c.median)) as mean_ad
    from hist h join centre c using (provider) group by h.provider
  ), scored as (
    select c.provider, c.month, c.calls, k.n, k.median, s.mad, k.history,
           (c.calls - k.median) / nullif(case when s.mad > 0 then 1.4826 * s.mad else 1.253314 * s.mean_ad end, 0) as z
    from current_months c join centre k using (provider) join spread s using (provider)
    where k.n >= $4
  )
  select provider as department, 'call_spike' as kind,
         case when z >= $6 then 'high' else 'warn' end as severity,
         jsonb_build_object('month', to_char(month, 'YYYY-MM'), 'calls', calls, 'median', median, 'mad', mad,
                            'z', z, 'months', n, 'history', history) as evidence
  from scored where z >= $5 and calls >= $7 * median`;

export async function loadSpikeFlags(session: Session, period: PeriodSpan, t: IntegrityThresholds): Promise<FlagRow[]> {
  return session.query<FlagRow>(SPIKE_SQL, [
    period.startsOn,
    period.endsOn,
    t.spike.historyMonths,
    t.spike.minMonths,
    t.spike.warn,
    t.spike.high,
    t.spike.minRatio,
  ]);
}

// The months from `historyMonths` before the period's first ($1 start, $2 months) to its
// last ($3 end) whose stored sums are missing or older than the month's data generation;
// $4 limits them to one month (null: all).
const STALE_MONTHS_SQL = `
  select m.month from (
    select to_char(d, 'YYYY-MM') as month
    from generate_series($1::date - make_interval(months => $2::int), $3::date, interval '1 month') as d
  ) m
  left join integrity_monthly_call_sets s on s.month = m.month
  left join score_generations g on g.period = m.month
  where (s.month is null or s.generation <> coalesce(g.generation, 0)) and ($4::text is null or m.month = $4)
  order by m.month`;

// A month's sums from its events ($1 the month, $2 its first day), in one statement: one hash
// aggregate per pair (~110,000 a month at 5,000 departments, in memory: raiseWorkMem) of its
// calls and its days of use, as the bits of the days with calls (calls are never negative,
// lib/ingest/rows.ts, so a day has calls when one of its rows has), inserted in key order (the
// materialized CTE keeps the planner from sorting the events for it); the providers' sums from
// the inserted rows. Grouping by pair and day first sorted the month's 1.5 M events on disk
// (docs/performance.md, "Integrity flags off the read path", "Month sums").
const MONTH_SUMS_SQL = `
  with sums as materialized (
    select provider, consumer, sum(calls)::float8 as calls,
           bit_count(coalesce(bit_or(1 << (day - $2::date)) filter (where calls > 0), 0)::bit(32))::int as days_used
    from sharing_events
    where day >= $2::date and day < ($2::date + interval '1 month')::date and consumer <> provider
    group by provider, consumer
  ), pairs as (
    insert into integrity_monthly_pairs (provider, consumer, month, calls, days_used)
    select provider, consumer, $1, calls, days_used from sums order by provider, consumer
    returning provider, calls
  )
  insert into integrity_monthly_calls (provider, month, calls) select provider, $1, sum(calls) from pairs group by provider`;

/**
 * Brings the stored monthly sums (pairs, providers) of a period and its `historyMonths`
 * before it up to date, before the pair and spike queries read them (one pass, so the month
 * locks are always taken in month order): a month is
 * summed again from its events only when written to since (its generation moved), under its
 * own lock (taken in month order) so that recomputes of overlapping periods sum it once. The
 * generation is read before the events: a batch landing meanwhile leaves the month stale.
 * Call it inside a transaction: summing a month raises work_mem for the rest of it.
 */
export async function sumMonthlyCalls(session: Session, period: PeriodSpan, historyMonths: number): Promise<void> {
  const stale = (month: string | null) =>
    session.query<{ month: string }>(STALE_MONTHS_SQL, [period.startsOn, historyMonths, period.endsOn, month]);
  const months = await stale(null);
  if (months.length) await raiseWorkMem(session);
  for (const { month } of months) {
    await advisoryXactLock(session, advisoryKey('integrity-month-calls', month));
    if (!(await stale(month)).length) continue; // summed meanwhile by another recompute
    const [{ generation }] = await session.query<{ generation: string | number }>(
      `select coalesce((select generation from score_generations where period = $1), 0) as generation`,
      [month],
    );
    await session.query('delete from integrity_monthly_pairs where month = $1', [month]);
    await session.query('delete from integrity_monthly_calls where month = $1', [month]);
    await session.query(MONTH_SUMS_SQL, [month, `${month}-01`]);
    await session.query(
      `insert into integrity_monthly_call_sets (month, generation) values ($1, $2)
       on conflict (month) do update set generation = excluded.generation`,
      [month, generation],
    );
  }
}

// The catalog on the period's last day (per resource its latest version with updated_on ≤ it):
// active, shareable resources published at least `months` months before, with no call by
// another department (calls > failures) in the `months` months up to that day. Only when the
// events reach back that far. Whether a resource was called is one probe of the
// (provider, resource, day) index that stops at its first call, not a distinct over every
// event of the window. $1 end day, $2 months, $3/$4 warn/high.
const ZOMBIE_SQL = `
  with bounds as (
    select $1::date as end_day, ($1::date - make_interval(months => $2::int))::date + 1 as window_start
  ), catalog as (
    select distinct on (resource) resource, provider, share_type, status, published_on
    from catalog_versions, bounds where updated_on <= bounds.end_day
    order by resource, updated_on desc, id desc
  ), shareable as (
    select c.* from catalog c, bounds b
    where c.status = 'active' and c.share_type <> 'none' and c.published_on < b.window_start
  ), judged as (
    select s.provider, count(*)::int as resources,
           (count(*) filter (where c.called is null))::int as zombies,
           (array_agg(s.resource order by s.resource) filter (where c.called is null))[1:10] as examples
    from shareable s cross join bounds b
    left join lateral (
      select true as called from sharing_events e
      where e.provider = s.provider and e.resource = s.resource and e.day >= b.window_start and e.day <= b.end_day
        and e.consumer <> e.provider and e.calls > e.failures
      limit 1
    ) c on true
    group by s.provider
  )
  select provider as department, 'zombie_resources' as kind,
         case when zombies::float8 / resources >= $4 then 'high' when zombies::float8 / resources >= $3 then 'warn' else 'info' end as severity,
         jsonb_build_object('numerator', zombies, 'denominator', resources, 'share', zombies::float8 / resources,
                            'months', $2::int, 'resources', to_jsonb(examples)) as evidence
  from judged, bounds
  where zombies > 0 and (select min(day) from sharing_events) <= bounds.window_start`;

export async function loadZombieFlags(session: Session, endDay: string, t: IntegrityThresholds): Promise<FlagRow[]> {
  return session.query<FlagRow>(ZOMBIE_SQL, [endDay, t.zombie.months, t.zombie.warn, t.zombie.high]);
}

// Self-reported quality (the mean of the period's current monthly values) ≥ `reported`, while
// consumers say otherwise: ≥ minObjections objections of the matching kind submitted in the
// period and not rejected, or a mean rating ≤ maxRating over ≥ minRatings ratings of requests
// delivered in the period (Beijing dates). Both → high.
// $1/$2 first/last month, $3/$4 start/end day, $5 reported, $6 minObjections, $7 maxRating, $8 minRatings.
const SELF_REPORT_SQL = `
  with reported as (
    select department_code as department, indicator, avg(value)::float8 as value
    from indicator_values
    where superseded_at is null and period >= $1 and period <= $2
      and indicator in ('accuracy_rate', 'completeness_rate', 'update_timeliness_rate')
    group by department_code, indicator
    having avg(value) >= $5
  ), objections as (
    select provider as department, case kind when 'accuracy' then 'accuracy_rate' when 'completeness' then 'completeness_rate'
           else 'update_timeliness_rate' end as indicator, count(*)::int as n
    from data_objections
    where kind in ('accuracy', 'completeness', 'timeliness') and outcome <> 'rejected'
      and (submitted_at at time zone 'Asia/Shanghai')::date between $3::date and $4::date
    group by 1, 2
  ), ratings as (
    select provider as department, avg(rating)::float8 as mean, count(*)::int as n
    from sharing_requests
    where rating is not null and (delivered_at at time zone 'Asia/Shanghai')::date between $3::date and $4::date
    group by provider
  ), conflicts as (
    select r.department, r.indicator, r.value, coalesce(o.n, 0) as objections
    from reported r left join objections o using (department, indicator)
  ), judged as (
    select c.department,
           jsonb_agg(jsonb_build_object('indicator', c.indicator, 'reported', c.value, 'objections', c.objections) order by c.indicator)
             filter (where c.objections >= $6) as by_objections,
           min(c.value) as reported,
           bool_or(c.objections >= $6) as objected,
           bool_or(ra.n >= $8 and ra.mean <= $7) as badly_rated,
           max(ra.mean) as rating, max(ra.n) as ratings
    from conflicts c left join ratings ra using (department)
    group by c.department
  )
  select department, 'self_report_conflict' as kind,
         case when objected and badly_rated then 'high' else 'warn' end as severity,
         jsonb_build_object('objections', coalesce(by_objections, '[]'::jsonb), 'reported', reported, 'threshold', $5::float8,
                            'rating', case when badly_rated then rating end, 'ratings', case when badly_rated then ratings end) as evidence
  from judged where objected or badly_rated`;

export async function loadSelfReportFlags(session: Session, period: PeriodSpan, endDay: string, t: IntegrityThresholds): Promise<FlagRow[]> {
  return session.query<FlagRow>(SELF_REPORT_SQL, [
    period.months[0],
    period.months[period.months.length - 1],
    period.startsOn,
    endDay,
    t.selfReport.reported,
    t.selfReport.minObjections,
    t.selfReport.maxRating,
    t.selfReport.minRatings,
  ]);
}

// ── set-asides ────────────────────────────────────────────────────────────────

export interface SetAsideRow {
  id: number;
  period: string;
  provider: string;
  consumer: string;
  reason: string;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
  revokeReason: string | null;
}

const SET_ASIDE_COLUMNS = `id, period, provider, consumer, reason, created_by as "createdBy", created_at as "createdAt",
  revoked_at as "revokedAt", revoked_by as "revokedBy", revoke_reason as "revokeReason"`;

/** A period's set-asides, active first; `department` limits them to the pairs it provides in or consumes from. */
export async function listSetAsides(session: Session, period: string, department?: string): Promise<SetAsideRow[]> {
  return session.query<SetAsideRow>(
    `select ${SET_ASIDE_COLUMNS} from integrity_set_asides
     where period = $1 and ($2::text is null or provider = $2 or consumer = $2)
     order by revoked_at is not null, id`,
    [period, department ?? null],
  );
}

export async function getSetAside(session: Session, id: number, options: { forUpdate?: boolean } = {}): Promise<SetAsideRow | null> {
  const rows = await session.query<SetAsideRow>(
    `select ${SET_ASIDE_COLUMNS} from integrity_set_asides where id = $1${options.forUpdate ? ' for update' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export async function activeSetAside(session: Session, period: string, provider: string, consumer: string): Promise<number | null> {
  const rows = await session.query<{ id: number }>(
    `select id from integrity_set_asides where period = $1 and provider = $2 and consumer = $3 and revoked_at is null`,
    [period, provider, consumer],
  );
  return rows[0]?.id ?? null;
}

export async function insertSetAside(
  session: Session,
  row: { period: string; provider: string; consumer: string; reason: string; createdBy: string; createdAt: Date },
): Promise<SetAsideRow> {
  const [inserted] = await session.query<SetAsideRow>(
    `insert into integrity_set_asides (period, provider, consumer, reason, created_by, created_at)
     values ($1, $2, $3, $4, $5, $6) returning ${SET_ASIDE_COLUMNS}`,
    [row.period, row.provider, row.consumer, row.reason, row.createdBy, row.createdAt],
  );
  return inserted;
}

export async function revokeSetAsideRow(session: Session, id: number, row: { revokedBy: string; revokedAt: Date; reason: string }): Promise<void> {
  await session.query(`update integrity_set_asides set revoked_at = $2, revoked_by = $3, revoke_reason = $4 where id = $1`, [
    id,
    row.revokedAt,
    row.revokedBy,
    row.reason,
  ]);
}

/**
 * The condition that keeps an event row `e` out of the scores: its pair is set aside (and not
 * revoked) for a period whose days include the event's day. A set-aside on a month therefore
 * also holds for its quarter and year (the same days).
 */
export const NOT_SET_ASIDE = `not exists (
      select 1 from integrity_set_asides s join periods sp on sp.code = s.period
      where s.revoked_at is null and s.provider = e.provider and s.consumer = e.consumer
        and e.day between sp.starts_on and sp.ends_on)`;

// ── stored flags ──────────────────────────────────────────────────────────────
// The recompute stores a period's flags with its scores (lib/integrity/stored.ts); pages and
// the API only read them. A flag of period P reads P's days and the months before it (a
// spike's history, the zombie window, the first day with events), so the flags are stamped
// with the highest data generation of P and of every month up to P's last: a late write to
// an earlier month makes them stale too, not only a write to P.

const MONTH_CODE = `'^[0-9]{4}-[0-9]{2}$'`;
/** SQL: the flag generation of period `code` (an expression) whose last month is `lastMonth`. */
const flagGenerationSql = (code: string, lastMonth: string) =>
  `coalesce((select max(g.generation) from score_generations g
             where g.period = ${code} or (g.period ~ ${MONTH_CODE} and g.period <= ${lastMonth})), 0)`;

/** The generation a period's flags computed now are stamped with (read before their inputs). */
export async function flagGeneration(session: Session, period: string, lastMonth: string): Promise<number> {
  const [row] = await session.query<{ g: string | number }>(`select ${flagGenerationSql('$1::text', '$2::text')} as g`, [period, lastMonth]);
  return Number(row.g);
}

/** Replaces a period's stored flags (already in display order) and its header. */
export async function writeFlagSet(tx: Session, period: string, generation: number, flags: FlagRow[]): Promise<Date> {
  await tx.query('delete from integrity_flags where period = $1', [period]);
  if (flags.length) {
    await tx.copyCsv(
      'integrity_flags',
      ['period', 'department', 'position', 'kind', 'severity', 'evidence'],
      csvLines(flags.map((f, i) => [period, f.department, i, f.kind, f.severity, JSON.stringify(f.evidence)])),
    );
  }
  const [{ computed_at }] = await tx.query<{ computed_at: string }>(
    `insert into integrity_flag_sets (period, generation, computed_at, flags) values ($1, $2, clock_timestamp(), $3)
     on conflict (period) do update set generation = excluded.generation, computed_at = excluded.computed_at, flags = excluded.flags
     returning computed_at`,
    [period, generation, flags.length],
  );
  return new Date(computed_at);
}

export interface FlagSetHeader {
  generation: number;
  computedAt: Date;
  flags: number;
  /** Newer data landed since (in the period or a month before it), or a Beijing midnight of the open period passed. */
  stale: boolean;
}

/** A period's stored flags header; null when its flags were never computed. */
export async function readFlagSet(session: Session, period: string): Promise<FlagSetHeader | null> {
  const [row] = await session.query<{ generation: string | number; computedAt: Date | string; flags: number; stale: boolean }>(
    `select f.generation, f.computed_at as "computedAt", f.flags,
            (p.status is distinct from 'finalized' and
             (${flagGenerationSql('f.period', `to_char(p.ends_on, 'YYYY-MM')`)} <> f.generation or ${dayPassed('f')})) as stale
     from integrity_flag_sets f left join periods p on p.code = f.period
     where f.period = $1`,
    [period],
  );
  return row ? { generation: Number(row.generation), computedAt: new Date(row.computedAt), flags: row.flags, stale: row.stale } : null;
}

/** A period's stored flags in display order; `department` limits them to its own. */
export async function readFlags(session: Session, period: string, department: string | null = null): Promise<FlagRow[]> {
  return session.query<FlagRow>(
    `select department, kind, severity, evidence from integrity_flags
     where period = $1 and ($2::text is null or department = $2) order by position`,
    [period, department],
  );
}

/** Whether a department has a stored flag of this kind in the period (`partner` for a pair flag's partner). */
export async function hasStoredFlag(session: Session, period: string, department: string, kinds: string[], partner: string | null = null): Promise<boolean> {
  const [row] = await session.query<{ found: boolean }>(
    `select exists (select 1 from integrity_flags where period = $1 and department = $2 and kind = any($3::text[])
                    and ($4::text is null or evidence->>'partner' = $4)) as found`,
    [period, department, kinds, partner],
  );
  return row.found;
}

/** Per department with stored flags: how many and the highest severity (the badges), without their evidence. */
export async function readFlagSummary(session: Session, period: string, departments: string[]): Promise<Array<{ department: string; count: number; severity: FlagRow['severity'] }>> {
  return session.query(
    `select department, count(*)::int as count,
            (array['info', 'warn', 'high'])[max(case severity when 'high' then 3 when 'warn' then 2 else 1 end)] as severity
     from integrity_flags where period = $1 and department = any($2::text[])
     group by department order by department`,
    [period, departments],
  );
}
