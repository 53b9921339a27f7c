// What a reader meets while a batch's recompute runs (issue #13): against `next start` on a
// PostgreSQL copy of the 5,000-department seed, signs the leader in, takes a baseline of
// /rankings first views, then per batch posts 25,000 event rows into the latest month and
// requests /rankings back to back from the batch's response until the new scores show,
// printing each view as "ms since the response:latency" (* = the new scores).
// after-batch.ts takes one such view per batch; this shows all of them.
//   DATABASE_URL=postgres://…/copy npx tsx scripts/bench/views-during-recompute.ts --password P [--batches 2]
import { parseArgs } from 'node:util';
import { launchChromium } from '../../tests/browser/support/chromium.ts';
import { startNext } from '../../tests/browser/support/demo-server.ts';
import { cookieHeader, DESKTOP, signIn } from '../../tests/browser/support/sign-in.ts';
import { eventBatches, UPDATING } from './after-batch.ts';

const { values: opts } = parseArgs({ options: { password: { type: 'string' }, batches: { type: 'string', default: '2' }, user: { type: 'string', default: 'leader' } } });
const url = process.env.DATABASE_URL;
if (!url || !opts.password) throw new Error('needs DATABASE_URL and --password');

const server = await startNext(process.env);
try {
  const browser = await launchChromium();
  const { context } = await signIn(browser, server.url, opts.user!, opts.password, DESKTOP, '/me');
  const cookie = await cookieHeader(context);
  await browser.close();
  const batch = await eventBatches(server.url, url);
  const view = async (): Promise<[number, boolean]> => {
    const started = performance.now();
    const html = await (await fetch(`${server.url}/rankings`, { headers: { cookie } })).text();
    return [performance.now() - started, html.includes(UPDATING)];
  };
  for (let i = 0; i < 20; i++) await view(); // warm-up
  const baseline: number[] = [];
  for (let i = 0; i < 30; i++) baseline.push((await view())[0]);
  baseline.sort((a, b) => a - b);
  console.log(`baseline: median ${baseline[15].toFixed(0)} ms, p90 ${baseline[27].toFixed(0)} ms`);
  for (let b = 0; b < Number(opts.batches); b++) {
    const posted = performance.now();
    await batch();
    const answered = performance.now();
    const views: string[] = [];
    for (;;) {
      const since = performance.now() - answered;
      const [ms, updating] = await view();
      views.push(`${since.toFixed(0)}:${ms.toFixed(0)}${updating ? '' : '*'}`);
      if ((!updating && since > 1000) || since > 120_000) break;
    }
    console.log(`batch ${b + 1}: write ${(answered - posted).toFixed(0)} ms; views (ms since the response:latency): ${views.join(' ')}`);
  }
} finally {
  await server.stop();
}
