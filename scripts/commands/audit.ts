import { CheckFailed, parseCommandArgs, requireOption, UsageError, type Command } from './_shared';
import { getDatabase } from '../../db/client';
import { pruneAudit, RETENTION_DAYS, RetentionRefused, verifyAuditChain } from '../../lib/audit/log';
import { CLI } from '../../lib/auth/principal';
import { pruneLoginAttempts } from '../../lib/auth/login-attempts';

const usage = `usage: npm run cli -- audit verify
       npm run cli -- audit prune --before YYYY-MM-DD

verify: walks the whole audit log and recomputes every entry's hash and its link to the
entry before it. Prints "ok N entries" and exits 0 when the chain is intact; otherwise
names the first broken entry (edited, deleted or reordered from there on) and exits 1.

prune: retention. Deletes audit entries older than the date (at least ${RETENTION_DAYS} days old;
the chain stays verifiable from the prune entry on) and sign-in attempts older than it
(each account's last successful sign-in is kept). Both deletions are audited.`;

async function verify(rest: string[]): Promise<number> {
  if (rest.length) throw new UsageError(`audit verify takes no arguments (got ${rest[0]})`);
  const result = await verifyAuditChain(await getDatabase());
  if (!result.ok) throw new CheckFailed(`audit chain broken at entry ${result.brokenId}: ${result.reason} (${result.count} entries before it verified)`);
  process.stdout.write(`ok ${result.count} entries\n`);
  return 0;
}

async function prune(rest: string[]): Promise<number> {
  const { values } = parseCommandArgs(rest, { before: { type: 'string' } });
  const text = requireOption(values.before, '--before');
  const before = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : new Date(NaN);
  if (Number.isNaN(before.getTime())) throw new UsageError(`--before must be a date YYYY-MM-DD (got "${text}")`);
  const database = await getDatabase();
  try {
    const entries = await pruneAudit(database, CLI, before);
    const attempts = await pruneLoginAttempts(database, CLI, before);
    process.stdout.write(`pruned ${entries} audit entries and ${attempts} sign-in attempts before ${text}\n`);
    return 0;
  } catch (err) {
    if (err instanceof RetentionRefused) throw new UsageError(err.message);
    throw err;
  }
}

const command: Command = {
  summary: 'verify the audit log hash chain; prune old entries and sign-in attempts (audit verify | audit prune)',
  usage,
  async run(args) {
    const [sub, ...rest] = args;
    if (sub === 'verify') return verify(rest);
    if (sub === 'prune') return prune(rest);
    throw new UsageError(sub ? `unknown subcommand "audit ${sub}"; use "audit verify" or "audit prune"` : 'missing subcommand: audit verify | audit prune');
  },
};
export default command;
