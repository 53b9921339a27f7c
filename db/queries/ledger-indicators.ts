// The indicators computed from the sharing ledgers (docs/scoring.md, "Ledger indicators"),
// per provider department, for a period [start, end] scored on `today` (a Beijing date):
//
// - demand_response_rate     = replied on time / requests whose reply was due in the period
// - delivery_timeliness_rate = delivered on time / approved requests whose delivery was due
// - objection_resolution_rate = resolved on time / objections due
//   An item counts in the period its due day falls in, once it is done or overdue (still
//   open after its due day: late; open and not yet due: not counted). On time = done by
//   24:00 Beijing time of the due day (lib/ledgers/clocks.ts doneOnTime). A row the
//   provider disputed in an appeal that was upheld (accepted) counts as on time.
// - satisfaction_score = 25·(mean rating − 1) over the ratings of requests delivered in the
//   period (Beijing date of delivered_at); null below 3 ratings (missing).
// - the catalog on day D = min(end, today): per resource its latest version with
//   updated_on ≤ D. resources_published = active resources not `none`; shareable_rate =
//   those / active resources; resource_utilization_rate = share of them with an event in
//   [start, D] for that resource and its provider, consumer ≠ provider, calls > failures.
//
// Counts only: lib/scoring/ledger.ts turns them into values (a rate with nothing due: 不适用).
import type { LedgerCounts } from '../../lib/scoring';
import type { Session } from '../types';

export type { LedgerCounts };

/** Beijing is UTC+8 all year: the instant 24:00 Beijing time of day `d` (a date expression); done before it = on time. */
const endOfBeijingDay = (d: string) => `(((${d}) + 1)::timestamp - interval '8 hours') at time zone 'UTC'`;

// $1 start, $2 end, $3 today (Beijing), all dates; $4 one department or null — applied inside
// every aggregate (a department's page must not aggregate the whole province). The catalog's
// latest versions are found first, among the resources any version of which names the
// department, then filtered by provider, so a version is judged whichever provider it names;
// those resources are listed once (an array) and their versions read through the (resource,
// updated_on) index: written `$4 is null or resource in (…)`, the planner scanned the whole
// catalog for one department (30 ms of the query's 32 at 5,000 departments). Each ledger is
// read through its (provider, due day) index; a resource's
// calls with one probe of the (provider, resource, day) index of sharing_events, so the
// quarter's events are not scanned. Each aggregate is read once and the five are stacked and
// summed by provider: a CTE read twice is materialized, and joining them made the planner
// expect millions to billions of rows, which switched on PostgreSQL's JIT compiler for
// about 2 s of the 3.5 s the query took at 5,000 departments (docs/performance.md).
const LEDGER_SQL = `
  with upheld as (
    select distinct ledger_kind, ledger_id, department_code from appeals
    where status = 'accepted' and ledger_kind is not null and ledger_id is not null
  ), replies as (
    select r.provider,
           count(*) filter (where r.replied_at < ${endOfBeijingDay('r.reply_due_on')} or u.ledger_id is not null) as replied_on_time,
           count(*) as replies_due
    from sharing_requests r
    left join upheld u on u.ledger_kind = 'request' and u.ledger_id = r.request and u.department_code = r.provider
    where r.reply_due_on between $1::date and $2::date and (r.replied_at is not null or r.reply_due_on < $3::date) and ($4::text is null or r.provider = $4::text)
    group by r.provider
  ), deliveries as (
    select r.provider,
           count(*) filter (where r.delivered_at < ${endOfBeijingDay('r.delivery_due_on')} or u.ledger_id is not null) as delivered_on_time,
           count(*) as deliveries_due
    from sharing_requests r
    left join upheld u on u.ledger_kind = 'request' and u.ledger_id = r.request and u.department_code = r.provider
    where r.delivery_due_on between $1::date and $2::date and r.decision in ('approved', 'conditional')
      and (r.delivered_at is not null or r.delivery_due_on < $3::date) and ($4::text is null or r.provider = $4::text)
    group by r.provider
  ), objections as (
    select o.provider,
           count(*) filter (where o.resolved_at < ${endOfBeijingDay('o.due_on')} or u.ledger_id is not null) as resolved_on_time,
           count(*) as objections_due
    from data_objections o
    left join upheld u on u.ledger_kind = 'objection' and u.ledger_id = o.objection and u.department_code = o.provider
    where o.due_on between $1::date and $2::date and (o.resolved_at is not null or o.due_on < $3::date) and ($4::text is null or o.provider = $4::text)
    group by o.provider
  ), ratings as (
    select provider, count(*) as ratings, sum(rating) as rating_sum
    from sharing_requests
    where rating is not null and delivered_at >= ${endOfBeijingDay('$1::date - 1')} and delivered_at < ${endOfBeijingDay('least($2::date, $3::date)')} and ($4::text is null or provider = $4::text)
    group by provider
  ), catalog as (
    select distinct on (resource) resource, provider, share_type, status
    from catalog_versions
    where updated_on <= least($2::date, $3::date)
      and ($4::text is null or resource = any (array(select resource from catalog_versions where provider = $4::text)))
    order by resource, updated_on desc, id desc
  ), resources as (
    select c.provider,
           count(*) as active,
           count(*) filter (where c.share_type <> 'none') as shareable,
           count(*) filter (where c.share_type <> 'none' and exists (
             select 1 from sharing_events e
             where e.provider = c.provider and e.resource = c.resource and e.day between $1::date and least($2::date, $3::date)
               and e.consumer <> e.provider and e.calls > e.failures)) as called
    from catalog c
    where c.status = 'active' and ($4::text is null or c.provider = $4::text)
    group by c.provider
  )
  select provider as department,
         sum(replied_on_time)::int as "repliedOnTime",
         sum(replies_due)::int as "repliesDue",
         sum(delivered_on_time)::int as "deliveredOnTime",
         sum(deliveries_due)::int as "deliveriesDue",
         sum(resolved_on_time)::int as "resolvedOnTime",
         sum(objections_due)::int as "objectionsDue",
         sum(ratings)::int as ratings,
         sum(rating_sum)::int as "ratingSum",
         sum(active)::int as "activeResources",
         sum(shareable)::int as "shareableResources",
         sum(called)::int as "calledResources"
  from (
    select provider, replied_on_time, replies_due, 0 as delivered_on_time, 0 as deliveries_due, 0 as resolved_on_time, 0 as objections_due,
           0 as ratings, 0 as rating_sum, 0 as active, 0 as shareable, 0 as called from replies
    union all
    select provider, 0, 0, delivered_on_time, deliveries_due, 0, 0, 0, 0, 0, 0, 0 from deliveries
    union all
    select provider, 0, 0, 0, 0, resolved_on_time, objections_due, 0, 0, 0, 0, 0 from objections
    union all
    select provider, 0, 0, 0, 0, 0, 0, ratings, rating_sum, 0, 0, 0 from ratings
    union all
    select provider, 0, 0, 0, 0, 0, 0, 0, 0, active, shareable, called from resources
  ) counts
  group by provider`;

/**
 * The ledger counts of every provider with anything in the ledgers for the period (or of
 * one department). `today` is the Beijing date the period is scored on.
 */
export async function loadLedgerCounts(session: Session, period: { startsOn: string; endsOn: string }, today: string, department: string | null = null): Promise<LedgerCounts[]> {
  return session.query<LedgerCounts>(LEDGER_SQL, [period.startsOn, period.endsOn, today, department]);
}

/** What a department itself reported for some indicators in a period's months: mean and latest month's value (superseded values left out). */
export interface SelfReported {
  indicator: string;
  mean: number;
  latest: number;
  months: number;
}

export async function loadSelfReported(session: Session, department: string, period: { startsOn: string; endsOn: string }, indicators: readonly string[]): Promise<SelfReported[]> {
  if (!indicators.length) return [];
  return session.query<SelfReported>(
    `select indicator, avg(value)::float8 as mean, (array_agg(value order by period desc))[1]::float8 as latest, count(*)::int as months
       from indicator_values
      where department_code = $1 and superseded_at is null and indicator = any($2::text[])
        and period between to_char($3::date, 'YYYY-MM') and to_char($4::date, 'YYYY-MM')
      group by indicator`,
    [department, [...indicators], period.startsOn, period.endsOn],
  );
}
