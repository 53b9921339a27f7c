// The first /rankings after a batch against a running `next start` (issue #13, integrity flags
// off the read path): signs in as the leader (who sees every department's flag badges), then
// runs after-batch.ts's measurement (a 25,000-row batch into the month /rankings shows, the
// first /rankings right after it, the time until the new scores show).
// Run: npx tsx scripts/bench/first-rankings.ts --server http://127.0.0.1:3130 --database postgres://…/h_x --password …
import { parseArgs } from 'node:util';
import { launchChromium } from '../../tests/browser/support/chromium.ts';
import { cookieHeader, DESKTOP, signIn } from '../../tests/browser/support/sign-in.ts';
import { afterBatch } from './after-batch.ts';

const { values: opts } = parseArgs({
  options: { server: { type: 'string' }, database: { type: 'string' }, password: { type: 'string' }, user: { type: 'string', default: 'leader' } },
});
if (!opts.server || !opts.database || !opts.password) throw new Error('--server, --database and --password are required');
const log = (line: string) => process.stdout.write(`${line}\n`);

const browser = await launchChromium();
try {
  const { context } = await signIn(browser, opts.server, opts.user!, opts.password, DESKTOP, '/me');
  const cookie = await cookieHeader(context);
  await context.close();
  const result = await afterBatch({ server: opts.server, database: opts.database, cookie, log });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  log(`median first /rankings after a batch: ${median(result.runs.map((r) => r.firstView)).toFixed(0)} ms; new scores (and flags) after ${median(result.runs.map((r) => r.visibleAfter)).toFixed(0)} ms`);
} finally {
  await browser.close();
}
