// The browser suite: sign in as each role, the leader's ranking and drill-down, a
// department's own page and the refusal of another's, the language switch, the flows
// chart, an axe-core accessibility audit of every page, and the tablet layout. Every page
// visited is saved under screenshots/.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { assert, type Step } from './support/harness';
import { DESKTOP, signIn, TABLET } from './support/sign-in';

const SHOTS = path.resolve('screenshots');
const API_DOCS_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'";

export interface SuiteContext {
  browser: Browser;
  url: string;
  password: string;
  /** username → TOTP secret of the demo accounts that need a code. */
  totp: Record<string, string>;
}

export async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}-top.png`) });
}

/** One part of a page, for a close look. */
async function shotOf(page: Page, selector: string, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.locator(selector).first().screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

const signInAs = (ctx: SuiteContext, username: string, viewport = DESKTOP) => signIn(ctx.browser, ctx.url, username, ctx.password, viewport, undefined, ctx.totp);

const text = async (page: Page, selector: string) => (await page.locator(selector).first().innerText()).trim();

/** The code of the department ranked first, read from the ranking table. */
async function firstDepartment(page: Page, url: string): Promise<string> {
  await page.goto(`${url}/rankings`);
  const href = await page.locator('[data-testid=ranking-table] th[scope=row] a[href^="/departments/"]').first().getAttribute('href');
  return decodeURIComponent(/\/departments\/([^?]+)/.exec(href ?? '')?.[1] ?? '');
}

export function dashboardSteps(ctx: SuiteContext): Step[] {
  const roleStep = (username: string, landing: string): Step => ({
    name: `${username} signs in and lands on ${landing}`,
    run: async () => {
      const { context, page } = await signInAs(ctx, username);
      try {
        assert(new URL(page.url()).pathname === landing, `expected ${landing}, got ${page.url()}`);
        assert((await text(page, '[data-testid=signed-in-user]')).length > 0, 'no signed-in user in the header');
        await shot(page, `role-${username}`);
      } finally {
        await context.close();
      }
    },
  });

  return [
    roleStep('admin', '/rankings'),
    roleStep('leader', '/rankings'),
    roleStep('assessor', '/rankings'),
    roleStep('auditor', '/rankings'),
    roleStep('security', '/admin/users'),
    roleStep('department', '/me'),
    {
      name: 'looking at the rankings renders that page only: no prefetch of the pages it links to',
      run: async () => {
        const { context, page } = await signInAs(ctx, 'leader');
        try {
          const rendered: string[] = [];
          page.on('request', (r) => {
            if (r.url().startsWith(ctx.url) && new URL(r.url()).searchParams.has('_rsc')) rendered.push(r.url().replace(ctx.url, ''));
          });
          await page.goto(`${ctx.url}/rankings`, { waitUntil: 'networkidle' });
          await page.mouse.wheel(0, 4000); // bring every link into view
          await page.waitForTimeout(1500);
          assert(rendered.length === 0, `the page made the server render ${rendered.length} more: ${rendered.slice(0, 5).join(', ')}`);
        } finally {
          await context.close();
        }
      },
    },
    {
      name: 'a leader sees the ranking, sorts and filters it, and opens a department',
      run: async () => {
        const { context, page } = await signInAs(ctx, 'leader');
        try {
          await page.goto(`${ctx.url}/rankings`);
          const rows = page.locator('[data-testid=ranking-table] tbody tr');
          assert((await rows.count()) === 30, `expected 30 ranked departments, got ${await rows.count()}`);
          assert((await text(page, 'h1')).includes('排名总览'), 'the title is not in Chinese');
          // Each row names its department with a link to its page (an integrity badge beside it links to /integrity).
          assert((await page.locator('[data-testid=ranking-table] th[scope=row] a[href^="/departments/"]').count()) === 30, 'department links missing');
          await page.waitForSelector('[data-testid=chart-distribution] svg .recharts-bar-rectangle');
          await shot(page, 'rankings-leader');
          await shotOf(page, '[data-testid=ranking-table]', 'rankings-table');

          await page.click('[data-testid=ranking-table] thead a:has-text("总分")');
          await page.waitForURL(/sort=total/);
          const totals = await page.locator('[data-testid=ranking-table] td.total-cell').allInnerTexts();
          const numbers = totals.map((s) => Number(s.replace(/,/g, '')));
          assert(numbers.every((n, i) => i === 0 || numbers[i - 1] >= n), `not sorted by total: ${numbers.join(' ')}`);

          const firstTier = await page.locator('select[name=tier] option').nth(1).getAttribute('value');
          await page.selectOption('select[name=tier]', firstTier!);
          await Promise.all([page.waitForURL(/tier=/), page.click('form.ranking-filters button[type=submit]')]);
          const badges = await page.locator('[data-testid=ranking-table] tbody .badge').allInnerTexts();
          assert(badges.length > 0 && new Set(badges).size === 1, `the tier filter left ${new Set(badges).size} tiers`);

          await page.goto(`${ctx.url}/rankings`);
          // A department in the middle of the table: the top one may have no lever worth 0.05 points.
          const link = page.locator('[data-testid=ranking-table] th[scope=row] a[href^="/departments/"]').nth(10);
          const name = (await link.innerText()).trim();
          await link.focus();
          await Promise.all([page.waitForURL(/\/departments\//), page.keyboard.press('Enter')]);
          await page.waitForSelector('[data-testid=score-card]');
          assert((await text(page, 'h1')).includes(name), `the department page is not ${name}`);
          // The latest month is scored with the ledger scheme (v2, in force from the latest quarter): 17 indicators.
          const indicatorRows = await page.locator('[data-testid=indicator-table] tbody th[scope=row]').count();
          assert(indicatorRows === 17, `the indicator table lacks indicators: ${indicatorRows} of 17`);
          const lever = await text(page, '[data-testid=levers] li');
          assert(/提升至 .+（(上一等级的典型水平|同组前四分之一水平)）可增 [\d.]+ 分/.test(lever), `the lever is not a reachable target in words: ${lever}`);
          await page.waitForSelector('[data-testid=chart-dimensions] svg .recharts-radar');
          await page.waitForSelector('[data-testid=chart-department-trend] svg .recharts-line');
          await shot(page, 'department-leader');
          await shotOf(page, '[data-testid=indicator-table]', 'department-indicators');
        } finally {
          await context.close();
        }
      },
    },
    {
      name: 'a second look at the rankings is answered 304 from the browser’s copy, per reader',
      run: async () => {
        const path = `${ctx.url}/rankings?sort=name&cache-check=1`;
        const leader = await signInAs(ctx, 'leader');
        let leaderTag = '';
        try {
          const { page } = leader;
          const first = (await page.goto(path))!;
          leaderTag = first.headers()['etag'] ?? '';
          assert(leaderTag.startsWith('W/"'), `no weak ETag on the rankings: ${leaderTag}`);
          assert(first.headers()['cache-control'] === 'private, no-cache', `cache-control: ${first.headers()['cache-control']}`);
          const table = await page.locator('[data-testid=ranking-table] tbody').innerText();
          // What the browser sends when it revalidates its copy: the same page, no rendering.
          const again = await page.request.get(path, { headers: { 'if-none-match': leaderTag } });
          assert(again.status() === 304, `look again: expected 304, got ${again.status()}`);
          await page.reload();
          assert((await page.locator('[data-testid=ranking-table] tbody').innerText()) === table, 'the reloaded page shows another table');
        } finally {
          await leader.context.close();
        }
        const officer = await signInAs(ctx, 'department');
        try {
          const answer = await officer.page.request.get(path, { headers: { 'if-none-match': leaderTag } });
          assert(answer.status() === 200, `the officer was answered ${answer.status()} with the leader's ETag`);
          await officer.page.goto(path);
          const hidden = await officer.page.locator('[data-testid=ranking-table] tbody td.muted').count();
          assert(hidden === 29, `the officer sees others' dimension scores: ${hidden} rows hide them`);
        } finally {
          await officer.context.close();
        }
      },
    },
    {
      name: 'a department officer sees its own page and is refused another’s',
      run: async () => {
        const { context, page } = await signInAs(ctx, 'department');
        try {
          await page.waitForSelector('[data-testid=department-page]');
          const own = await page.locator('[data-testid=department-page]').getAttribute('data-department');
          assert(own, 'the own page names no department');
          await shot(page, 'me-department');

          await page.goto(`${ctx.url}/rankings`);
          const hidden = await page.locator('[data-testid=ranking-table] tbody td.muted').count();
          assert(hidden === 29, `others' dimension scores should be hidden, ${hidden} rows hide them`);
          await shot(page, 'rankings-department');

          const other = await page.locator('[data-testid=ranking-table] tbody tr:not(.own-row) th[scope=row] a[href^="/departments/"]').first().getAttribute('href');
          await page.goto(`${ctx.url}${other}`);
          await page.waitForSelector('[data-status="403"]');
          assert((await page.locator('[data-testid=score-card]').count()) === 0, 'another department’s score card was shown');
          await shot(page, 'forbidden-department');
        } finally {
          await context.close();
        }
      },
    },
    {
      name: 'the language switch turns the pages into English and back',
      run: async () => {
        const { context, page } = await signInAs(ctx, 'leader');
        try {
          await page.goto(`${ctx.url}/rankings`);
          await page.click('[data-testid=language-switch]');
          await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('Rankings'));
          assert((await page.getAttribute('html', 'lang')) === 'en', 'html lang is not en');
          assert((await text(page, '[data-testid=ranking-table] caption')).includes('ranking'), 'the table caption is not in English');
          await page.waitForSelector('[data-testid=chart-top-dimensions] svg .recharts-bar-rectangle');
          await shot(page, 'rankings-english');
          // The engine's recommendations, written again from its facts in the reader's language.
          await page.goto(`${ctx.url}${await page.locator('[data-testid=ranking-table] th[scope=row] a[href^="/departments/"]').first().getAttribute('href')}`);
          const advice = await text(page, '[data-testid=score-card] .recommendations');
          assert(advice.length > 0 && !/\p{Script=Han}/u.test(advice), `the recommendations are not in English: ${advice}`);
          await shot(page, 'department-english');
          await page.click('[data-testid=language-switch]');
          await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
          assert(/\p{Script=Han}/u.test(await text(page, '[data-testid=score-card] .recommendations')), 'the recommendations did not switch back to Chinese');
          await page.goto(`${ctx.url}/rankings`);
          await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('排名总览'));
        } finally {
          await context.close();
        }
      },
    },
    {
      name: 'the security officer working in English gets a refused form’s reason in English',
      run: async () => {
        const { context, page } = await signInAs(ctx, 'security');
        try {
          await context.addCookies([{ name: 'lang', value: 'en', url: ctx.url }]);
          await page.goto(`${ctx.url}/admin/users`);
          // A taken username passes the browser's checks; the service refuses it, in zh-CN.
          const form = page.locator('form:has(input[name=username])').first();
          await form.locator('input[name=username]').fill('leader');
          await form.locator('select[name=role]').selectOption('leader');
          await form.locator('input[name=password]').fill('Another-password-2026');
          await form.locator('button[type=submit]').click();
          const error = (await form.locator('[role=alert]').innerText()).trim();
          assert(error === 'The username leader is taken', `the refusal is not in English: ${error}`);
          await shotOf(page, 'form:has(input[name=username])', 'security-users-refused-english');
        } finally {
          await context.close();
        }
      },
    },
    {
      // Its own step: the step below already takes most of its time limit on a busy machine.
      name: 'the account security page (two-step verification) passes axe-core’s WCAG 2.1 A and AA rules, in Chinese and in English',
      run: async () => {
        const { context, page } = await signInAs(ctx, 'leader');
        try {
          const found: string[] = [];
          for (const locale of ['zh-CN', 'en']) {
            await context.addCookies([{ name: 'lang', value: locale, url: ctx.url }]);
            await page.goto(`${ctx.url}/account/security`, { waitUntil: 'networkidle' });
            for (const v of await axeViolations(page)) found.push(`leader ${locale} /account/security: ${v}`);
          }
          await page.locator('[data-testid=second-factor] button[value=begin]').click();
          await page.locator('[data-testid=totp-secret]').waitFor({ timeout: 60_000 });
          for (const v of await axeViolations(page)) found.push(`leader en /account/security (QR code): ${v}`);
          await shot(page, 'account-security-enrol');
          assert(found.length === 0, found.join('\n'));
        } finally {
          await context.close();
        }
      },
    },
    {
      name: 'every dashboard and admin page passes axe-core’s WCAG 2.1 A and AA rules, in Chinese and in English',
      run: async () => {
        const pages: Array<[string, string[]]> = [
          ['leader', ['/rankings', '/rankings?sort=dim:quality&tier=improve', '/flows', '/assessment']],
          ['department', ['/me', '/rankings']],
          ['admin', ['/admin/periods', '/admin/scheme', '/admin/appeals', '/admin/ingest', '/admin/departments']],
          ['security', ['/admin/users', '/admin/tokens', '/account/sessions']],
          ['auditor', ['/audit']],
        ];
        const found: string[] = [];
        for (const [username, paths] of pages) {
          const { context, page } = await signInAs(ctx, username);
          try {
            for (const locale of ['zh-CN', 'en']) {
              await context.addCookies([{ name: 'lang', value: locale, url: ctx.url }]);
              const visit = username === 'leader' ? [...paths, `/departments/${await firstDepartment(page, ctx.url)}`] : paths;
              for (const p of visit) {
                await page.goto(`${ctx.url}${p}`, { waitUntil: 'networkidle' });
                for (const v of await axeViolations(page)) found.push(`${username} ${locale} ${p}: ${v}`);
              }
            }
          } finally {
            await context.close();
          }
        }
        assert(found.length === 0, `accessibility violations:\n${found.join('\n')}`);
      },
    },
    {
      name: 'the flows page draws a Sankey whose departments open their pages',
      run: async () => {
        const { context, page } = await signInAs(ctx, 'leader');
        try {
          await page.goto(`${ctx.url}/flows`);
          await page.waitForSelector('[data-testid=chart-flows] svg .recharts-sankey-link');
          const links = await page.locator('[data-testid=chart-flows] svg .recharts-sankey-link').count();
          assert(links > 0 && links <= 24, `expected 1–24 Sankey links, got ${links}`);
          assert((await page.locator('[data-testid=flows-table] tbody tr').count()) > 0, 'the pairs table is empty');
          assert((await page.locator('[data-testid=flow-heatmap] td.heatmap-cell').count()) > 0, 'the heat map is empty');
          await shot(page, 'flows');
          await shotOf(page, '[data-testid=flow-heatmap]', 'flows-heatmap');
          await Promise.all([page.waitForURL(/\/departments\//), page.locator('[data-testid=chart-flows] svg .recharts-sankey-nodes text').first().click()]);
          await page.waitForSelector('[data-testid=score-card]');
        } finally {
          await context.close();
        }
      },
    },
    {
      name: 'the rankings and a department page fit a tablet',
      run: async () => {
        const { context, page } = await signInAs(ctx, 'leader', TABLET);
        try {
          await page.goto(`${ctx.url}/rankings`);
          await page.waitForSelector('[data-testid=chart-distribution] svg');
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert(overflow <= 0, `the page scrolls sideways by ${overflow} px on a tablet`);
          await shot(page, 'rankings-tablet');
          await page.locator('[data-testid=ranking-table] th[scope=row] a[href^="/departments/"]').nth(2).click();
          await page.waitForSelector('[data-testid=score-card]');
          await shot(page, 'department-tablet');
        } finally {
          await context.close();
        }
      },
    },
    {
      name: 'the API description renders at /api-docs without signing in, in both languages, under a CSP without eval',
      run: async () => {
        const context = await ctx.browser.newContext({ viewport: DESKTOP });
        try {
          const page = await context.newPage();
          // A strict policy like the one the app may send: no 'unsafe-eval', nothing from other hosts.
          await page.route('**/api-docs', async (route) => {
            const response = await route.fetch();
            await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': API_DOCS_CSP } });
          });
          const violations: string[] = [];
          page.on('console', (m) => /Content Security Policy|unsafe-eval/i.test(m.text()) && violations.push(m.text()));
          for (const [locale, title] of [['zh-CN', '报送指标值'], ['en', 'Upload indicator values']] as const) {
            await context.addCookies([{ name: 'lang', value: locale, url: ctx.url }]);
            await page.goto(`${ctx.url}/api-docs`);
            assert(new URL(page.url()).pathname === '/api-docs', `expected /api-docs without signing in, got ${page.url()}`);
            await page.waitForSelector('[data-testid=api-reference][data-ready=true] .opblock', { timeout: 30_000 });
            const operation = page.locator('.opblock', { hasText: 'uploadMetrics' }).first();
            assert((await operation.innerText()).includes(title), `the metrics upload is not listed as "${title}"`);
            await shot(page, `api-docs-${locale}`);
          }
          assert(violations.length === 0, `CSP violations: ${violations.join(' | ')}`);
        } finally {
          await context.close();
        }
      },
    },
  ];
}
