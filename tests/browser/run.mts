// `npm run test:browser`: the dashboard and the assessment cycle in Chromium against a freshly seeded demo.
// Builds the app if needed, seeds a temporary embedded database, serves it the way
// `npm run demo` does, runs the steps, stops everything, and exits non-zero on failure.
import { spawnSync } from 'node:child_process';
import { needsBuild } from '../../scripts/build-stamp.ts';
import { assessmentCycleSteps } from './assessment-cycle.mts';
import { dashboardSteps } from './dashboard-steps.ts';
import { ledgerSteps } from './ledger-steps.ts';
import { securitySteps } from './security-steps.ts';
import { chromiumInstalled, CHROMIUM_PATH, launchChromium } from './support/chromium.ts';
import { recordCspViolations } from './support/csp-watch.ts';
import { startDemoServer } from './support/demo-server.ts';
import { runSteps, summaryLine } from './support/harness.ts';

const log = (line: string) => process.stdout.write(`[browser] ${line}\n`);

// `npm test` runs this with --if-available: without Chromium it prints why and passes,
// except in CI (CI=true), which installs Chromium and insists. BROWSER_TESTS=0 skips it.
const ifAvailable = process.argv.includes('--if-available') && process.env.CI !== 'true';

async function main(): Promise<number> {
  if (process.argv.includes('--if-available') && process.env.BROWSER_TESTS === '0') {
    log('browser tests skipped (BROWSER_TESTS=0)');
    return 0;
  }
  if (ifAvailable && !chromiumInstalled()) {
    log(`browser tests skipped: Chromium is not installed at ${CHROMIUM_PATH} (apt-get install -y chromium fonts-noto-cjk)`);
    return 0;
  }
  if (!chromiumInstalled()) {
    log(`Chromium is not installed at ${CHROMIUM_PATH}: apt-get install -y chromium fonts-noto-cjk`);
    process.stdout.write('0 passed, 1 failed\n');
    return 1;
  }
  // BROWSER_TESTS_NO_BUILD=1 tests the build that is there (while others keep editing sources).
  if (needsBuild() && process.env.BROWSER_TESTS_NO_BUILD !== '1') {
    log('building the app …');
    const build = spawnSync('node_modules/.bin/next', ['build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    if (build.status !== 0) {
      process.stdout.write('0 passed, 1 failed\n');
      return 1;
    }
  }
  const server = await startDemoServer({ departments: 30, months: 6, log });
  const browser = await launchChromium();
  const cspViolations = recordCspViolations(browser);
  try {
    const suite = { browser, url: server.url, password: server.password, totp: server.totp };
    // The dashboard first, on the untouched demo; then the assessment cycle, which publishes
    // and finalizes a quarter (issue #7, tests/browser/assessment-cycle.mts).
    // The security steps last: their final step reads what every earlier page logged.
    const outcomes = await runSteps([...dashboardSteps(suite), ...ledgerSteps(suite), ...assessmentCycleSteps({ ...suite, dataDir: server.dataDir }), ...securitySteps(suite, cspViolations)]);
    const line = summaryLine(outcomes);
    process.stdout.write(`${line}\n`);
    return outcomes.every((o) => o.ok) ? 0 : 1;
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.stdout.write('0 passed, 1 failed\n');
    process.exit(1);
  },
);
