import { CheckFailed, UsageError, type Command } from './_shared';
import { getDatabase } from '../../db/client';
import { verifyAuditChain } from '../../lib/audit/log';

const usage = `usage: npm run cli -- audit verify

Walks the whole audit log and recomputes every entry's hash and its link to the entry
before it. Prints "ok N entries" and exits 0 when the chain is intact; otherwise names
the first broken entry (edited, deleted or reordered from there on) and exits 1.`;

const command: Command = {
  summary: 'verify the audit log hash chain (audit verify)',
  usage,
  async run(args) {
    const [sub, ...rest] = args;
    if (sub !== 'verify') throw new UsageError(sub ? `unknown subcommand "audit ${sub}"; only "audit verify" exists` : 'missing subcommand: audit verify');
    if (rest.length) throw new UsageError(`audit verify takes no arguments (got ${rest[0]})`);
    const result = await verifyAuditChain(await getDatabase());
    if (!result.ok) throw new CheckFailed(`audit chain broken at entry ${result.brokenId}: ${result.reason} (${result.count} entries before it verified)`);
    process.stdout.write(`ok ${result.count} entries\n`);
    return 0;
  },
};
export default command;
