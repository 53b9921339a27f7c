import fs from 'node:fs';
import path from 'node:path';
import { parseCommandArgs, UsageError, type Command } from './_shared';
import { getDatabase } from '../../db/client';
import { resolveDbConfig, type DbConfig } from '../../db/config';
import { migrateDatabase } from '../../db/migrate';
import { isEmpty, seedDemoProvince, type DemoAccount } from '../../lib/demo/seed';
import { allIndicators, defaultScheme, schemeHash, selfReportedScheme } from '../../lib/scoring';
import { roleNeedsSecondFactor } from '../../lib/auth/mfa-policy';
import { generatePassword, hashPassword, passwordProblems } from '../../lib/auth/passwords';
import { renderMessage } from '../../lib/http/errors';
import { CLI, type Role } from '../../lib/auth/principal';
import { provisionFactor } from '../../lib/auth/second-factor';
import { recentMonths } from '../../lib/periods/codes';
import { listPeriods, refreshPeriods } from '../../lib/scores';
import { progressBar } from '../progress';

const usage = `usage: npm run cli -- seed --demo [--departments N] [--months M] [--seed S] [--if-empty]

Generates a realistic, reproducible demo province into an empty database:
departments, 12 months of sharing events, monthly metric values, a few incidents,
the default scheme, and one account per role plus one per department.
  --departments N  how many departments (default 60; 5000 gives ~19 million events)
  --months M       how many whole months, ending last month (default 12)
  --seed S         the random seed (default 20261126); the same seed gives the same data
  --if-empty       do nothing (exit 0) when the database already has departments
Passwords: DEMO_PASSWORD if set, else generated; all demo accounts share it. The accounts
whose role needs a second factor (MFA_REQUIRED_ROLES) get one, its otpauth:// URI in the file.
The accounts are printed and saved (mode 600) to .data/demo-accounts.txt for the embedded
database, or .data/demo-accounts-<database>.txt for a PostgreSQL one.`;

function positiveInt(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${name} must be an integer from 1 to ${max}`);
  return n;
}

/** Where a database's demo accounts go: one file per database, so seeding another never hides these. */
export function accountsFileFor(config: DbConfig): string {
  if (config.driver === 'pglite') return path.resolve('.data/demo-accounts.txt');
  const name = new URL(config.url).pathname.replace(/^\//, '').replace(/[^A-Za-z0-9_-]/g, '_') || 'postgres';
  return path.resolve(`.data/demo-accounts-${name}.txt`);
}

/** A demo account's second factor: its otpauth:// URI, in the accounts file as `totp <username> <uri>`. */
export interface DemoFactor {
  username: string;
  uri: string;
}

export const TOTP_LINE = /^totp (\S+) (otpauth:\/\/\S+)$/;

/** Enrols a second factor for each demo account whose role needs one (audited as cli). */
async function enrolDemoFactors(database: Awaited<ReturnType<typeof getDatabase>>, accounts: DemoAccount[]): Promise<DemoFactor[]> {
  const factors: DemoFactor[] = [];
  for (const a of accounts.filter((a) => roleNeedsSecondFactor(a.role as Role))) {
    factors.push({ username: a.username, uri: (await provisionFactor(database, CLI, a.username)).uri });
  }
  return factors;
}

export function writeAccountsFile(accounts: DemoAccount[], password: string, file: string, factors: DemoFactor[] = []) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const lines = ['# Sharescore demo accounts (all share one password)', `password: ${password}`, ''];
  for (const a of accounts) lines.push(`${a.username.padEnd(12)} ${a.role.padEnd(11)} ${a.departmentCode ?? ''}`.trimEnd());
  if (factors.length) {
    lines.push('', '# second factor (TOTP) of the accounts whose role needs one: add each URI to an authenticator app');
    for (const f of factors) lines.push(`totp ${f.username} ${f.uri}`);
  }
  fs.writeFileSync(file, lines.join('\n') + '\n', { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return file;
}

/** The first day of the quarter a month (YYYY-MM) falls in. */
const quarterStart = (month: string) => `${month.slice(0, 4)}-${String(Math.floor((Number(month.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;

const command: Command = {
  summary: 'generate a realistic, reproducible demo province',
  usage,
  async run(args) {
    const { values } = parseCommandArgs(args, {
      demo: { type: 'boolean' },
      departments: { type: 'string' },
      months: { type: 'string' },
      seed: { type: 'string' },
      'if-empty': { type: 'boolean' },
    });
    if (!values.demo) throw new UsageError('only demo seeding exists: pass --demo');
    const departments = positiveInt(values.departments, 'departments', 60, 20000);
    const monthCount = positiveInt(values.months, 'months', 12, 120);
    const seed = positiveInt(values.seed, 'seed', 20261126, 2 ** 31 - 1);
    const password = process.env.DEMO_PASSWORD || generatePassword();
    const problems = passwordProblems(password);
    if (problems.length) throw new UsageError(`DEMO_PASSWORD: ${problems.map((key) => renderMessage({ key }, 'zh-CN')).join('; ')}`);

    const database = await getDatabase();
    await migrateDatabase(database);
    if (!(await isEmpty(database))) {
      if (values['if-empty']) return 0;
      throw new UsageError('the database already has departments; seed an empty database');
    }
    const months = recentMonths(new Date().toISOString().slice(0, 10), monthCount);
    const started = Date.now();
    const bar = progressBar('seeding events (days)');
    const summary = await seedDemoProvince(database, {
      departments,
      months,
      seed,
      // v1 (self-reported, from the start) and v2 (the ledger scheme, from the latest quarter's
      // first day): the trend shows where the scheme changed (docs/scoring.md "Ledger indicators").
      indicators: allIndicators(selfReportedScheme),
      scheme: { name: selfReportedScheme.name, body: selfReportedScheme, hash: schemeHash(selfReportedScheme) },
      ledgerScheme: { name: defaultScheme.name, body: defaultScheme, hash: schemeHash(defaultScheme), effectiveFrom: quarterStart(months[months.length - 1]) },
      now: new Date(),
      passwordHash: await hashPassword(password),
      onProgress: bar.update,
    });
    bar.stop();
    const factors = await enrolDemoFactors(database, summary.accounts);
    const file = writeAccountsFile(summary.accounts, password, accountsFileFor(resolveDbConfig()), factors);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    // Scores computed ahead: a page shows a period never computed as "being computed" rather than compute it.
    const scoring = Date.now();
    const periods = (await listPeriods(database)).periods.map((p) => p.period);
    await refreshPeriods(database, periods);
    process.stdout.write(`scored ${periods.length} periods in ${((Date.now() - scoring) / 1000).toFixed(1)} s\n`);
    process.stdout.write(
      `seeded ${summary.departments} departments, ${summary.events} event rows, ${summary.metricValues} metric values, ` +
        `${summary.incidents} incidents, ${summary.catalogVersions} catalog versions, ${summary.requests} requests, ${summary.objections} objections in ${seconds} s\n` +
        `demo accounts (password ${password}): admin, leader, assessor, auditor, security, department, and one per department ` +
        `(username = lower-case department code); saved to ${path.relative(process.cwd(), file)}\n` +
        (factors.length ? `second factor (TOTP) enrolled for ${factors.map((f) => f.username).join(', ')}: the otpauth:// URIs are in that file\n` : ''),
    );
    return 0;
  },
};
export default command;
