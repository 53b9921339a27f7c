// The first /rankings after a 25,000-row batch lands, and what the recompute that follows
// costs the writes (issue #13). Against a running `next start` on a PostgreSQL copy
// (pages.ts, 5,000-department scenario): the batches go to POST /api/v1/events with a
// platform token, into the month /rankings shows, so each one makes it stale.
//
// Per run: (1) a batch with nothing else running — its response time, the first /rankings
// right after it (the previous scores, marked as being updated), and the time until the new
// scores show, and meanwhile the longest /api/health took (sent every 100 ms: how long the
// recompute holds up every other request of that server); (2) two batches back to back — the
// second one's response time, while the first one's recompute runs on the same server.
import { randomUUID } from 'node:crypto';
import { openPg } from '../../db/drivers/pg.ts';
import { createToken } from '../../lib/auth/tokens.ts';

const ROWS = 25_000;
export const UPDATING = 'data-testid="scores-updating"';

export interface AfterBatchRun {
  quietWrite: number;
  firstView: number;
  visibleAfter: number;
  busyWrite: number;
  /** The longest /api/health answer while the recompute ran. */
  longestHealth: number;
  /** How many /api/health answers took over 250 ms meanwhile, of how many. */
  slowHealth: number;
  healthProbes: number;
}

export interface AfterBatchResult {
  /** /rankings first views (no If-None-Match) with nothing being recomputed. */
  normal: number[];
  runs: AfterBatchRun[];
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await fn();
  return [performance.now() - started, value];
}

/**
 * Posts 25,000-row event batches into the latest day of the database behind `server`, with a
 * platform token made for it: each batch makes the month /rankings shows stale.
 */
export async function eventBatches(server: string, databaseUrl: string): Promise<() => Promise<void>> {
  const database = openPg(databaseUrl, 'pg', 1);
  try {
    const { secret } = await createToken(database, { name: `bench-batch-${randomUUID().slice(0, 8)}`, scopes: ['events:write'] }, 'bench');
    const codes = (await database.query<{ code: string }>('select code from departments order by code limit 200')).map((r) => r.code);
    const [{ day }] = await database.query<{ day: string }>(`select max(day)::text as day from sharing_events`);
    let batchNo = 0;
    return async () => {
      const tag = `bench-${Date.now()}-${batchNo++}`;
      const lines = ['date,provider,consumer,resource,calls,records,failures'];
      for (let i = 0; i < ROWS; i++) lines.push(`${day},${codes[i % codes.length]},${codes[(i + 7) % codes.length]},${tag}-${i},${3 + (i % 50)},${i % 100},${i % 3}`);
      const res = await fetch(`${server}/api/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv; charset=utf-8', authorization: `Bearer ${secret}`, 'idempotency-key': tag },
        body: lines.join('\n') + '\n',
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`POST /api/v1/events: HTTP ${res.status} ${text.slice(0, 200)}`);
    };
  } finally {
    await database.close();
  }
}

export async function afterBatch(o: { server: string; database: string; cookie: string; log: (line: string) => void; runs?: number }): Promise<AfterBatchResult> {
  const batch = await eventBatches(o.server, o.database);
  const rankings = async () => {
    const res = await fetch(`${o.server}/rankings`, { headers: { cookie: o.cookie } });
    const html = await res.text();
    if (!res.ok) throw new Error(`/rankings: HTTP ${res.status}`);
    return html;
  };
  const untilFresh = async (since: number) => {
    for (;;) {
      if (!(await rankings()).includes(UPDATING)) return performance.now() - since;
      if (performance.now() - since > 600_000) throw new Error('the new scores did not show within 10 minutes');
      await new Promise((r) => setTimeout(r, 250));
    }
  };

  await untilFresh(performance.now());
  const normal: number[] = [];
  for (let i = 0; i < 5; i++) normal.push((await timed(rankings))[0]);
  o.log(`after-batch: /rankings first views ${normal.map((x) => x.toFixed(0)).join(', ')} ms`);

  // /api/health every 100 ms until stopped: the longest answer, how many were slow, and any that failed.
  const probeHealth = () => {
    let stop = false;
    let longest = 0;
    let slow = 0;
    let probes = 0;
    const done = (async () => {
      while (!stop) {
        const [ms] = await timed(async () => (await fetch(`${o.server}/api/health`)).text()).catch((err: Error) => {
          o.log(`after-batch: /api/health failed during the recompute: ${err.message} ← ${(err.cause as Error | undefined)?.message}`);
          return [Infinity];
        });
        longest = Math.max(longest, ms);
        probes++;
        if (ms > 250) slow++;
        await new Promise((r) => setTimeout(r, 100));
      }
      return { longest, slow, probes };
    })();
    return () => ((stop = true), done);
  };

  const runs: AfterBatchRun[] = [];
  for (let run = 0; run < (o.runs ?? 3); run++) {
    const [quietWrite] = await timed(batch);
    const written = performance.now();
    const [firstView, html] = await timed(rankings);
    if (!html.includes(UPDATING)) o.log('after-batch: the first view after the batch did not say the scores are being updated');
    const stopProbe = probeHealth();
    const visibleAfter = await untilFresh(written);
    const { longest: longestHealth, slow: slowHealth, probes: healthProbes } = await stopProbe();
    await batch();
    const [busyWrite] = await timed(batch); // while the previous batch's recompute runs
    await untilFresh(performance.now());
    runs.push({ quietWrite, firstView, visibleAfter, busyWrite, longestHealth, slowHealth, healthProbes });
    o.log(`after-batch ${run + 1}: write ${quietWrite.toFixed(0)} ms, first /rankings ${firstView.toFixed(0)} ms, new scores after ${visibleAfter.toFixed(0)} ms (longest /api/health meanwhile ${longestHealth.toFixed(0)} ms, ${slowHealth} of ${healthProbes} over 250 ms), write during a recompute ${busyWrite.toFixed(0)} ms`);
  }
  return { normal, runs };
}
