// The browser suite's ledger pages (docs/dashboard.md "Ledgers"): /catalog and /requests in
// Chinese and English — the heading, the filters narrowing the rows, a clock in words — an
// axe-core audit of both, and a department's own ledger section with its forms. The demo's
// ledgers come from lib/demo/seed.ts; the steps check structure, not numbers, and accept an
// empty ledger shown as such.
import type { Page } from 'playwright-core';
import { messages, type Locale } from '../../lib/i18n';
import { axeViolations } from './support/axe';
import { assert, type Step } from './support/harness';
import { DESKTOP, signIn } from './support/sign-in';
import { shot, type SuiteContext } from './dashboard-steps';

const CLOCK = /剩余 \d+ 个工作日|今日到期|已超期 \d+ 个工作日|按期|超期|working days left|Due today|Overdue by \d+ working days|On time|Late|—/;

async function rowsOf(page: Page, table: string): Promise<number> {
  return page.locator(`[data-testid=${table}] tbody tr`).count();
}

/** Submits a filter form and waits for the URL to carry `expect`. */
async function submitFilter(page: Page, form: string, expect: RegExp) {
  await Promise.all([page.waitForURL(expect), page.locator(`[data-testid=${form}] button[type=submit]`).click()]);
  await page.waitForLoadState('networkidle');
}

async function catalogChecks(page: Page, url: string, locale: Locale, found: string[]) {
  const l = messages(locale).ledgers;
  await page.goto(`${url}/catalog`, { waitUntil: 'networkidle' });
  assert((await page.locator('h1').first().innerText()).trim() === l.catalogTitle, `${locale}: /catalog heading`);
  const before = await rowsOf(page, 'catalog-table');
  if (before === 0) {
    assert((await page.locator('main').innerText()).includes(l.catalogEmpty), `${locale}: an empty catalog should say so`);
    return;
  }
  for (const v of await axeViolations(page)) found.push(`${locale} /catalog: ${v}`);
  await shot(page, `catalog-${locale}`);
  await page.selectOption('[data-testid=catalog-filters] select[name=shareType]', 'unconditional');
  await submitFilter(page, 'catalog-filters', /shareType=unconditional/);
  const after = await rowsOf(page, 'catalog-table');
  assert(after <= before, `${locale}: the share-type filter should narrow the catalog (${before} → ${after})`);
  const types = await page.locator('[data-testid=catalog-table] tbody tr td:nth-child(3)').allInnerTexts();
  assert(types.every((x) => x.startsWith(l.shareTypes.unconditional)), `${locale}: a filtered row is not ${l.shareTypes.unconditional}: ${types.join(' | ')}`);
}

async function requestsChecks(page: Page, url: string, locale: Locale, found: string[]) {
  const l = messages(locale).ledgers;
  await page.goto(`${url}/requests`, { waitUntil: 'networkidle' });
  assert((await page.locator('h1').first().innerText()).trim() === l.requestsTitle, `${locale}: /requests heading`);
  const before = await rowsOf(page, 'requests-table');
  if (before === 0) {
    assert((await page.locator('main').innerText()).includes(l.requestsEmpty), `${locale}: an empty ledger should say ${l.requestsEmpty}`);
    return;
  }
  for (const v of await axeViolations(page)) found.push(`${locale} /requests: ${v}`);
  const clock = (await page.locator('[data-testid=requests-table] td[data-clock] .clock').first().innerText()).trim();
  assert(CLOCK.test(clock), `${locale}: a clock should be in words, got "${clock}"`);
  await shot(page, `requests-${locale}`);
  await page.selectOption('[data-testid=requests-filters] select[name=state]', 'pending');
  await submitFilter(page, 'requests-filters', /state=pending/);
  const states = await page.locator('[data-testid=requests-table] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state')));
  assert(states.every((s) => s === 'pending'), `${locale}: the state filter let through ${states.filter((s) => s !== 'pending').join(', ')}`);
  await page.goto(`${url}/requests?overdue=1`, { waitUntil: 'networkidle' });
  const overdue = await page.locator('[data-testid=requests-table] tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelector('td[data-clock=overdue]') !== null));
  assert(overdue.every(Boolean), `${locale}: an overdue-only row shows no overdue clock`);
  await page.goto(`${url}/requests?tab=objections`, { waitUntil: 'networkidle' });
  const objections = await rowsOf(page, 'objections-table');
  assert(objections > 0 || (await page.locator('main').innerText()).includes(l.objectionsEmpty), `${locale}: the objections tab shows neither rows nor its empty state`);
}

export function ledgerSteps(ctx: SuiteContext): Step[] {
  return [
    {
      name: 'a leader browses /catalog and /requests in Chinese and English: headings, filters that narrow, clocks in words, axe-clean',
      run: async () => {
        const { context, page } = await signIn(ctx.browser, ctx.url, 'leader', ctx.password, DESKTOP, undefined, ctx.totp);
        const found: string[] = [];
        try {
          for (const locale of ['zh-CN', 'en'] as const) {
            await context.addCookies([{ name: 'lang', value: locale, url: ctx.url }]);
            await catalogChecks(page, ctx.url, locale, found);
            await requestsChecks(page, ctx.url, locale, found);
          }
        } finally {
          await context.close();
        }
        assert(found.length === 0, `accessibility violations:\n${found.join('\n')}`);
      },
    },
    {
      name: 'a department officer sees its own ledger rows on /me with the objection form, and only its own rows on /requests',
      run: async () => {
        const { context, page } = await signIn(ctx.browser, ctx.url, 'department', ctx.password, DESKTOP, undefined, ctx.totp);
        try {
          const l = messages('zh-CN').ledgers;
          await page.goto(`${ctx.url}/me`, { waitUntil: 'networkidle' });
          assert((await page.locator('[data-testid=department-ledger] h2').first().innerText()).trim() === l.department.title, 'no ledger section on /me');
          assert((await page.locator('[data-testid=objection-form]').count()) === 1, 'no objection form for the department officer');
          await shot(page, 'me-ledger');
          await page.goto(`${ctx.url}/requests`, { waitUntil: 'networkidle' });
          assert((await page.locator('.notice').first().innerText()).includes(l.ownOnly), 'the own-rows notice is missing');
          const nav = await page.locator('nav[aria-label] a').allInnerTexts();
          assert(nav.includes('共享目录') && nav.includes('共享申请'), `the navigation lacks the ledger pages: ${nav.join(' ')}`);
        } finally {
          await context.close();
        }
      },
    },
  ];
}
