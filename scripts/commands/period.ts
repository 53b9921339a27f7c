// `period publish|withdraw|finalize|verify|status`: the assessment cycle from the
// command line, with the same checks as the admin pages, audited as the CLI user `cli`.
import { getDatabase } from '../../db/client';
import { CLI } from '../../lib/auth/principal';
import { ApiError } from '../../lib/http/errors';
import { requirePeriod } from '@/lib/periods/rows';
import { formatChinaTime } from '@/lib/periods/calendar';
import { DEFAULT_APPEAL_DAYS, finalizePeriod, MAX_APPEAL_DAYS, publishPeriod, verifyPeriod, withdrawPeriod } from '@/lib/assessment/service';
import { CheckFailed, parseCommandArgs, requireOption, UsageError, type Command } from './_shared';

const usage = `usage: npm run cli -- period <publish|withdraw|finalize|verify|status> --period P [options]

  publish  --period P [--appeal-days N]   open → published; appeals are accepted until the end
                                          (Beijing time) of the N-th working day after today
                                          (default ${DEFAULT_APPEAL_DAYS}, at most ${MAX_APPEAL_DAYS}; weekends, public holidays
                                          and make-up workdays from the calendar on /admin/periods)
  withdraw --period P --reason TEXT       published → open (to publish again)
  finalize --period P                     published → finalized, once the appeal window is over and
                                          no appeal is open: stores the snapshot and prints its hash
  verify   --period P                     recomputes a finalized period from its stored inputs and
                                          scheme: prints "ok sha256:…" when the hash matches, else exit 1
  status   --period P                     prints the period's status, deadline and snapshot hash

Every change is audited as the CLI user "cli".
Exit codes: 0 done, 1 refused (illegal transition, window still open, open appeals) or
verification failed, 2 bad usage or unknown period.`;

/** A refused service call → the CLI's exit codes: bad input 2, refused or failed check 1. */
export async function asCli<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ApiError) {
      if (err.status === 400 || err.status === 404 || err.status === 422) throw new UsageError(err.message);
      throw new CheckFailed(err.message);
    }
    throw err;
  }
}

const SUBCOMMANDS = ['publish', 'withdraw', 'finalize', 'verify', 'status'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

const command: Command = {
  summary: 'publish, finalize, verify (or withdraw) an assessment period',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(
      args,
      { period: { type: 'string' }, 'appeal-days': { type: 'string' }, reason: { type: 'string' } },
      true,
    );
    const [sub, ...extra] = positionals;
    if (!SUBCOMMANDS.includes(sub as Subcommand)) throw new UsageError(`expected one of ${SUBCOMMANDS.join(', ')}${sub ? `, got "${sub}"` : ''}`);
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const period = requireOption(values.period, 'period');
    if (values['appeal-days'] !== undefined && sub !== 'publish') throw new UsageError('--appeal-days only applies to publish');
    const database = await getDatabase();
    const ctx = { principal: CLI };
    const out = (line: string) => process.stdout.write(line + '\n');

    switch (sub as Subcommand) {
      case 'publish': {
        const raw = values['appeal-days'];
        const appealDays = raw === undefined ? DEFAULT_APPEAL_DAYS : Number(raw);
        if (!Number.isInteger(appealDays) || appealDays < 1 || appealDays > MAX_APPEAL_DAYS) {
          throw new UsageError(`--appeal-days must be a whole number from 1 to ${MAX_APPEAL_DAYS}, got "${raw}"`);
        }
        const row = await asCli(() => publishPeriod(database, ctx, period, { appealDays }));
        out(`published ${row.code}: appeals until ${formatChinaTime(row.appealDeadline!)} (${row.appealDeadline!.toISOString()})`);
        return 0;
      }
      case 'withdraw': {
        const reason = requireOption(values.reason, 'reason');
        const row = await asCli(() => withdrawPeriod(database, ctx, period, reason));
        out(`withdrawn ${row.code}: status ${row.status}`);
        return 0;
      }
      case 'finalize': {
        const result = await asCli(() => finalizePeriod(database, ctx, period));
        out(`finalized ${result.period.code}: ${result.departments} departments, ${result.hash}`);
        return 0;
      }
      case 'verify': {
        const check = await asCli(() => verifyPeriod(database, ctx, period));
        if (!check.ok) {
          const changed = check.changedDepartments.length ? `; departments differing: ${check.changedDepartments.slice(0, 10).join(', ')}` : '';
          throw new CheckFailed(`${period}: ${check.problem} (engine version ${check.engineVersion}, stored ${check.storedHash}, recomputed ${check.recomputedHash || 'n/a'})${changed}`);
        }
        out(`ok ${check.recomputedHash} (engine version ${check.engineVersion})`);
        return 0;
      }
      case 'status': {
        const row = await asCli(() => requirePeriod(database, period));
        const parts = [`${row.code} ${row.kind} ${row.status}`];
        if (row.appealDeadline) parts.push(`appeals until ${formatChinaTime(row.appealDeadline)}`);
        if (row.finalizedAt) parts.push(`finalized ${row.finalizedAt.toISOString()} by ${row.finalizedBy}`);
        if (row.snapshotHash) parts.push(row.snapshotHash);
        out(parts.join(' · '));
        return 0;
      }
    }
  },
};

export default command;
