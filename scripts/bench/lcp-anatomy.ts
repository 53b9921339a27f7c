// Where a first view's Largest Contentful Paint waits (issue #13): for each of N loads of a
// page in headless Chromium (a new browser context each time, as pages.ts measures LCP), the
// LCP element and when it painted beside the response's first and last byte, the first
// paint, the end of the scripts' download and hydration (DOMContentLoaded, load), and the
// main thread's long tasks before the LCP.
//
//   npx tsx scripts/bench/lcp-anatomy.ts --url http://127.0.0.1:3000 --password P [--user leader] [--path /rankings] [--loads 7]
//
// Against a running `next start` (any database). Prints one line per load and the medians.
import { parseArgs } from 'node:util';
import { launchChromium } from '../../tests/browser/support/chromium.ts';
import { DESKTOP, signIn } from '../../tests/browser/support/sign-in.ts';

export interface LcpAnatomy {
  lcp: number;
  element: string;
  /** Milliseconds from navigation start. */
  ttfb: number;
  responseEnd: number;
  firstPaint: number;
  domContentLoaded: number;
  load: number;
  /** Long tasks (> 50 ms) that ended before the LCP, summed. */
  longTasksBeforeLcp: number;
  scripts: number;
  scriptsEnd: number;
}

/** Installed before the page's own scripts: keeps the long tasks a buffered observer cannot list. */
const OBSERVE_LONG_TASKS = `
  window.__longTasks = [];
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true }); } catch {}
`;

export async function lcpAnatomy(page: import('playwright-core').Page, url: string): Promise<LcpAnatomy> {
  await page.addInitScript(OBSERVE_LONG_TASKS);
  await page.goto(url, { waitUntil: 'load' });
  return page.evaluate(
    () =>
      new Promise<LcpAnatomy>((resolve) => {
        let last: (PerformanceEntry & { element?: Element | null; size?: number }) | null = null;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) last = entry as typeof last;
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          const paint = performance.getEntriesByName('first-contentful-paint')[0];
          const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.initiatorType === 'script');
          const lcp = last?.startTime ?? 0;
          const el = last?.element;
          const describe = el ? `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : ''} "${(el.textContent ?? '').trim().slice(0, 40)}" (${last?.size ?? 0} px²)` : 'none';
          const long = ((window as unknown as { __longTasks?: Array<[number, number]> }).__longTasks ?? []).filter(([start, d]) => start + d <= lcp);
          resolve({
            lcp,
            element: describe,
            ttfb: nav.responseStart,
            responseEnd: nav.responseEnd,
            firstPaint: paint?.startTime ?? 0,
            domContentLoaded: nav.domContentLoadedEventEnd,
            load: nav.loadEventEnd,
            longTasksBeforeLcp: long.reduce((s, [, d]) => s + d, 0),
            scripts: scripts.length,
            scriptsEnd: Math.max(0, ...scripts.map((s) => s.responseEnd)),
          });
        }, 1000);
      }),
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const { values } = parseArgs({
    options: { url: { type: 'string' }, password: { type: 'string' }, user: { type: 'string', default: 'leader' }, path: { type: 'string', default: '/rankings' }, loads: { type: 'string', default: '7' } },
  });
  if (!values.url || !values.password) throw new Error('usage: lcp-anatomy.ts --url URL --password P [--user leader] [--path /rankings] [--loads 7]');
  const browser = await launchChromium();
  try {
    const { context } = await signIn(browser, values.url, values.user!, values.password, DESKTOP, '/me');
    const cookies = await context.cookies();
    // Once unmeasured: the server builds the view (a first view is of a view someone else has seen).
    await fetch(`${values.url}${values.path}`, { headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') } }).then((r) => r.text());
    const runs: LcpAnatomy[] = [];
    for (let i = 0; i < Number(values.loads); i++) {
      const fresh = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      await fresh.addCookies(cookies);
      const run = await lcpAnatomy(await fresh.newPage(), `${values.url}${values.path}`);
      await fresh.close();
      runs.push(run);
      const f = (x: number) => x.toFixed(0).padStart(5);
      process.stdout.write(`LCP ${f(run.lcp)}  ttfb ${f(run.ttfb)}  html end ${f(run.responseEnd)}  FCP ${f(run.firstPaint)}  scripts(${run.scripts}) end ${f(run.scriptsEnd)}  DCL ${f(run.domContentLoaded)}  load ${f(run.load)}  long tasks before LCP ${f(run.longTasksBeforeLcp)}  ${run.element}\n`);
    }
    const keys = ['lcp', 'ttfb', 'responseEnd', 'firstPaint', 'scriptsEnd', 'domContentLoaded', 'load', 'longTasksBeforeLcp'] as const;
    process.stdout.write(`median: ${keys.map((k) => `${k} ${median(runs.map((r) => r[k])).toFixed(0)}`).join(', ')}\n`);
    await context.close();
  } finally {
    await browser.close();
  }
}

if (process.argv[1]?.endsWith('lcp-anatomy.ts')) {
  main().then(
    () => process.exit(0),
    (err) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
