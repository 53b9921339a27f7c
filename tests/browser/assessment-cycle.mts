// The assessment cycle in Chromium, from the pages alone (issue #7 item 8): an admin
// publishes a quarter, a department appeals, the admin accepts it with a correction,
// the appeal window ends, the admin finalizes and verifies, and an assessor downloads
// the XLSX, which carries the snapshot hash verify confirmed.
//
// The steps follow tests/browser/dashboard-steps.ts (Step[] for support/harness.ts).
// The only thing not done through a page is the passage of time: the window is five
// working days long, so the test moves its deadline into the past in the database.
//
// Run with the suite (run.mts adds these steps and passes the demo's data folder) or
// alone: `npx tsx tests/browser/assessment-cycle.mts` (builds if needed, seeds a
// temporary demo, serves it, runs, stops).
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openPg } from '../../db/drivers/pg.ts';
import { assert, runSteps, summaryLine, type Step } from './support/harness.ts';
import { submitLogin } from './support/sign-in.ts';

export interface CycleSuiteContext {
  browser: Browser;
  url: string;
  password: string;
  /** username → TOTP secret of the demo accounts that need a code. */
  totp: Record<string, string>;
  /**
   * Where the demo's database is, to end the appeal window: the demo server's temporary
   * folder (startDemoServer's dataDir; its PGlite in pglite/ is served on the port in
   * pglite.lock), or a PostgreSQL URL.
   */
  dataDir?: string;
  databaseUrl?: string;
  /** The quarter to run the cycle on; default: the last full quarter of the demo data. */
  period?: string;
}

const SHOTS = path.resolve('screenshots');
const VIEWPORT = { width: 1366, height: 900 };

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function signIn(ctx: CycleSuiteContext, username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await ctx.browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${ctx.url}/login`);
  await submitLogin(page, username, ctx.password, ctx.totp[username]);
  return { context, page };
}

async function as<T>(ctx: CycleSuiteContext, username: string, fn: (page: Page) => Promise<T>): Promise<T> {
  const { context, page } = await signIn(ctx, username);
  try {
    return await fn(page);
  } finally {
    await context.close();
  }
}

/** The outcome message a form announces after submitting. */
async function outcome(page: Page, scope: string): Promise<string> {
  const box = page.locator(`${scope} .ok-box, ${scope} .error-box`).first();
  await box.waitFor({ timeout: 60_000 });
  const text = (await box.innerText()).trim();
  assert(await box.evaluate((el) => el.classList.contains('ok-box')), `the form reported an error: ${text}`);
  return text;
}

/** Five working days pass: the deadline moves into the past (the only step not done through a page). */
async function endAppealWindow(ctx: CycleSuiteContext, period: string): Promise<void> {
  let url = ctx.databaseUrl;
  if (!url && ctx.dataDir) {
    const lock = JSON.parse(fs.readFileSync(path.join(ctx.dataDir, 'pglite.lock'), 'utf8')) as { port?: number };
    assert(lock.port, 'the demo database is not served on a port');
    url = `postgres://postgres@127.0.0.1:${lock.port}/postgres`;
  }
  assert(url, 'the suite context names no database (dataDir or databaseUrl)');
  const database = openPg(url, 'pg', 1);
  try {
    await database.query(`update periods set appeal_deadline = now() - interval '1 minute' where code = $1 and status = 'published'`, [period]);
  } finally {
    await database.close();
  }
}

/** The last full quarter before the current month (the demo seeds whole months up to last month). */
function lastFullQuarter(now = new Date()): string {
  const beijing = new Date(now.getTime() + 8 * 3_600_000);
  const quarter = Math.floor(beijing.getUTCMonth() / 3); // the current quarter, 0-based
  return quarter === 0 ? `${beijing.getUTCFullYear() - 1}-Q4` : `${beijing.getUTCFullYear()}-Q${quarter}`;
}

export function assessmentCycleSteps(ctx: CycleSuiteContext): Step[] {
  const period = ctx.period ?? lastFullQuarter();
  const state: { appeal?: string; hash?: string } = {};
  const periodRow = `[data-testid=periods-table] tr[data-period="${period}"]`;

  return [
    {
      name: `an admin publishes ${period} with a 5-working-day appeal window`,
      run: () =>
        as(ctx, 'admin', async (page) => {
          await page.goto(`${ctx.url}/admin/periods`);
          await page.waitForSelector(periodRow);
          assert((await page.locator(`${periodRow} [data-status]`).first().getAttribute('data-status')) === 'open', `${period} is not open`);
          await page.fill(`${periodRow} input[name=appealDays]`, '5');
          await page.click(`[data-testid=publish-${period}]`);
          const message = await outcome(page, periodRow);
          assert(message.includes('已公示'), `unexpected message: ${message}`);
          await page.waitForSelector(`${periodRow} [data-status=published]`);
          await shot(page, 'cycle-published');
        }),
    },
    {
      name: 'a department sees its result and the deadline, and appeals one indicator',
      run: () =>
        as(ctx, 'department', async (page) => {
          await page.goto(`${ctx.url}/assessment?period=${period}`);
          await page.waitForSelector('[data-testid=appeal-deadline]');
          assert(/还剩 \d+ 个工作日/.test(await page.locator('[data-testid=appeal-deadline]').innerText()), 'the working days left are not shown');
          assert((await page.locator('[data-testid=assessment-results] tbody tr').count()) > 0, 'no results shown to the department');
          assert((await page.locator('[data-testid=assessment-results] tbody tr[aria-current=true]').count()) === 1, 'the own department is not marked in the results');
          const form = page.locator('form[aria-labelledby]').filter({ hasText: '提出申诉' });
          await form.locator('select[name=indicator]').selectOption('accuracy_rate');
          await form.locator('textarea[name=reason]').fill('8 月数据准确率填报有误，实际为 0.99，请更正');
          await form.locator('textarea[name=evidence]').fill('本部门数据质量月报（2026 年 8 月）');
          await form.locator('button[type=submit]').click();
          const message = await outcome(page, 'form[aria-labelledby]');
          const id = /编号 (\d+)/.exec(message)?.[1];
          assert(id, `no appeal number in: ${message}`);
          state.appeal = id;
          await page.waitForSelector(`[data-testid=my-appeals] tr[data-appeal="${id}"] [data-appeal-status=open]`);
          await shot(page, 'cycle-appealed');
        }),
    },
    {
      name: 'the admin accepts the appeal and corrects the value',
      run: () =>
        as(ctx, 'admin', async (page) => {
          assert(state.appeal, 'no appeal was filed');
          await page.goto(`${ctx.url}/admin/appeals?period=${period}`); // open appeals come first
          const row = `[data-testid=appeals-table] tr[data-appeal="${state.appeal}"]`;
          await page.waitForSelector(row);
          await page.check(`${row} input[name=decision][value=accept]`);
          await page.fill(`${row} textarea[name=reason]`, '经核实，该部门 8 月准确率应为 0.99，予以更正');
          const months = await page.locator(`${row} select[name=month] option`).allInnerTexts();
          await page.selectOption(`${row} select[name=month]`, months[2]); // the quarter's second month
          await page.fill(`${row} input[name=value]`, '0.99');
          await page.click(`[data-testid=decide-appeal-${state.appeal}]`);
          const message = await outcome(page, row);
          assert(message.includes('已处理') && message.includes('0.99'), `unexpected message: ${message}`);
          await shot(page, 'cycle-accepted');
        }),
    },
    {
      name: 'the department sees the decision and its reason',
      run: () =>
        as(ctx, 'department', async (page) => {
          await page.goto(`${ctx.url}/assessment?period=${period}`);
          const row = page.locator(`[data-testid=my-appeals] tr[data-appeal="${state.appeal}"]`);
          await row.locator('[data-appeal-status=accepted]').waitFor();
          assert((await row.innerText()).includes('予以更正'), 'the decision reason is not shown to the department');
        }),
    },
    {
      name: 'once the window is over, the admin finalizes and verifies the snapshot',
      run: async () => {
        await endAppealWindow(ctx, period);
        await as(ctx, 'admin', async (page) => {
          await page.goto(`${ctx.url}/admin/periods`);
          await page.click(`[data-testid=finalize-${period}]`);
          const message = await outcome(page, periodRow);
          const hash = /sha256:[0-9a-f]{64}/.exec(message)?.[0];
          assert(hash, `no snapshot hash in: ${message}`);
          state.hash = hash;
          await page.waitForSelector(`${periodRow} [data-status=finalized]`);
          await page.goto(`${ctx.url}/assessment?period=${period}`);
          assert((await page.locator('[data-testid=snapshot-hash]').innerText()).includes(hash), 'the page does not show the snapshot hash');
          await page.click(`[data-testid=verify-${period}]`);
          const verified = await outcome(page, 'form');
          assert(verified.includes('校验通过') && verified.includes(hash), `verify did not confirm the hash: ${verified}`);
          await shot(page, 'cycle-finalized');
        });
      },
    },
    {
      name: 'an assessor downloads the XLSX, which opens in Chinese and carries the verified hash',
      run: () =>
        as(ctx, 'assessor', async (page) => {
          assert(state.hash, 'the period was not finalized');
          await page.goto(`${ctx.url}/assessment?period=${period}`);
          const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-xlsx]')]);
          const name = download.suggestedFilename();
          const short = state.hash.slice('sha256:'.length, 'sha256:'.length + 12);
          assert(name.includes(period) && name.includes('已定稿') && name.includes(short), `unexpected file name ${name}`);
          const file = await download.path();
          assert(file, 'the download was not saved');
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
          const results = workbook.getWorksheet('考核结果');
          assert(results, 'no results sheet');
          const header = (results.getRow(1).values as unknown[]).slice(1);
          assert(header.join(',') === '排名,部门编码,部门名称,总分,共享数量,共享质量,应用成效,扣分,等级,排名区间,考核得分,激励建议,改进建议,缺报', `unexpected header ${header.join(',')}`);
          assert(results.rowCount > 2, 'no departments in the file');
          const meta = new Map<string, string>();
          workbook.getWorksheet('说明')!.eachRow((row, n) => {
            if (n > 1) meta.set(String(row.getCell(1).value), String(row.getCell(2).value));
          });
          assert(meta.get('快照哈希') === state.hash, `the file carries ${meta.get('快照哈希')}, verify confirmed ${state.hash}`);
          assert(meta.get('状态') === '已定稿', `status ${meta.get('状态')}`);
          assert(meta.get('导出人') === 'assessor', `generated by ${meta.get('导出人')}`);
          await shot(page, 'cycle-export');
        }),
    },
    {
      name: 'an admin edits the scheme: live validation, AHP CR, the preview of moves, and saving a version',
      run: () =>
        as(ctx, 'admin', async (page) => {
          await page.goto(`${ctx.url}/admin/scheme`);
          const validation = page.locator('[data-testid=scheme-validation]');
          await validation.getByText('方案有效').waitFor();
          const weight = page.getByLabel('维度权重').first();
          await weight.fill('abc');
          await validation.getByText('个问题').waitFor();
          await weight.fill('0.8');
          await validation.getByText('方案有效').waitFor();
          const summary = page.locator('[data-testid=preview-summary]');
          await summary.waitFor();
          assert(/\d+ 个部门：/.test(await summary.innerText()), `no preview summary: ${await summary.innerText()}`);
          assert((await page.locator('[data-testid=preview-table] tbody tr').count()) > 0, 'the preview lists no departments');

          await page.locator('select:has(option[value=ahp])').selectOption('ahp');
          await page.getByText(/CR = 0\.000/).first().waitFor();
          await page.getByLabel('共享数量 : 共享质量').fill('9');
          await page.getByLabel('共享质量 : 应用成效').fill('9');
          await page.getByLabel('共享数量 : 应用成效').fill('1/9');
          await page.getByText('一致性不可接受').first().waitFor();
          await validation.getByText('个问题').waitFor();
          assert(await page.locator('button:has-text("保存为新版本")').isDisabled(), 'an inconsistent AHP matrix can be saved');
          await page.locator('select:has(option[value=ahp])').selectOption('expert');
          await validation.getByText('方案有效').waitFor();
          await shot(page, 'cycle-scheme-editor');

          await page.fill('textarea[name=reason]', '提高共享数量维度权重，鼓励扩大共享');
          await page.click('button:has-text("保存为新版本")');
          const message = await outcome(page, 'form');
          // The seed stores v1 (self-reported) and v2 (the ledgers, from the latest quarter): this save is the next one.
          const saved = /已保存为 v(\d+)/.exec(message)?.[1];
          assert(saved !== undefined, `unexpected message: ${message}`);
          await page.waitForSelector(`[data-testid=scheme-versions] tr[data-version="${saved}"]`);
          assert((await page.locator(`[data-testid=scheme-versions] tr[data-version="${saved}"]`).innerText()).includes('提高共享数量维度权重'), 'the reason is not in the version list');
        }),
    },
  ];
}

/**
 * A server on a fresh PostgreSQL database (DATABASE_URL names the server): the same
 * seed through the CLI, then `next start` on it. Dropped afterwards.
 */
async function startPostgresServer(adminUrl: string, log: (line: string) => void) {
  const { spawn, spawnSync } = await import('node:child_process');
  const { randomBytes } = await import('node:crypto');
  const pg = (await import('pg')).default;
  const { demoTotpSecrets, freePort } = await import('./support/demo-server.ts');
  const name = `ss_browser_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const password = 'Browser-Test-2026!';
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url.toString(), DEMO_PASSWORD: password, AUTH_SECRET: 'sharescore-browser-tests-secret-0123456789abcdef', NEXT_TELEMETRY_DISABLED: '1' };
  delete env.DB_DRIVER;
  delete env.PGLITE_DIR;
  // The seed writes .data/demo-accounts.txt: keep the developer's copy.
  const accounts = path.resolve('.data/demo-accounts.txt');
  const saved = fs.existsSync(accounts) ? fs.readFileSync(accounts) : null;
  log(`seeding 20 departments × 6 months into PostgreSQL database ${name}`);
  const seeded = spawnSync('node_modules/.bin/tsx', ['scripts/cli.mts', 'seed', '--demo', '--departments', '20', '--months', '6'], { env, encoding: 'utf8' });
  if (saved) fs.writeFileSync(accounts, saved, { mode: 0o600 });
  else fs.rmSync(accounts, { force: true });
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr || seeded.stdout}`);
  const ownAccounts = path.resolve(`.data/demo-accounts-${name}.txt`); // a PostgreSQL database's accounts file
  const totp = await demoTotpSecrets(ownAccounts);
  fs.rmSync(ownAccounts, { force: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn('node_modules/.bin/next', ['start', '-p', String(port), '-H', '127.0.0.1'], { env: { ...env, NEXTAUTH_URL: base }, stdio: 'ignore', detached: true });
  const stop = async () => {
    if (server.exitCode === null && server.pid) {
      const exited = new Promise((r) => server.once('exit', r));
      process.kill(-server.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    }
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 240) {
      await stop();
      throw new Error('the server did not become healthy');
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  log(`serving on ${base}`);
  return { url: base, password, totp, databaseUrl: url.toString(), stop };
}

// Standalone: npx tsx tests/browser/assessment-cycle.mts (DATABASE_URL set: on PostgreSQL).
async function main(): Promise<number> {
  const { spawnSync } = await import('node:child_process');
  const { needsBuild } = await import('../../scripts/build-stamp.ts');
  const { chromiumInstalled, CHROMIUM_PATH, launchChromium } = await import('./support/chromium.ts');
  const { startDemoServer } = await import('./support/demo-server.ts');
  const log = (line: string) => process.stdout.write(`[browser] ${line}\n`);
  if (!chromiumInstalled()) {
    log(`Chromium is not installed at ${CHROMIUM_PATH}`);
    process.stdout.write('0 passed, 1 failed\n');
    return 1;
  }
  if (needsBuild() && process.env.BROWSER_TESTS_NO_BUILD !== '1') {
    log('building the app …');
    const build = spawnSync('node_modules/.bin/next', ['build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    if (build.status !== 0) return 1;
  }
  const server = process.env.DATABASE_URL ? await startPostgresServer(process.env.DATABASE_URL, log) : await startDemoServer({ departments: 20, months: 6, log });
  const browser = await launchChromium();
  try {
    const where = 'databaseUrl' in server ? { databaseUrl: server.databaseUrl } : { dataDir: server.dataDir };
    const outcomes = await runSteps(assessmentCycleSteps({ browser, url: server.url, password: server.password, totp: server.totp, ...where }));
    process.stdout.write(`${summaryLine(outcomes)}\n`);
    return outcomes.every((o) => o.ok) ? 0 : 1;
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('assessment-cycle.mts')) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.stdout.write('0 passed, 1 failed\n');
      process.exit(1);
    },
  );
}
