// `scheme add --file F --reason R [--effective-from YYYY-MM-DD]`: saves a scheme version from
// a JSON file with the admin editor's checks, audited as the CLI user `cli`; with
// --effective-from, open periods starting on or after that day use it (docs/scoring.md,
// "Scheme versions and effective_from"). `scheme list` prints the versions.
import { readFileSync } from 'node:fs';
import { getDatabase } from '../../db/client';
import { CLI } from '../../lib/auth/principal';
import { listSchemeVersions, saveScheme } from '@/lib/schemes/service';
import { asCli } from './period';
import { parseCommandArgs, requireOption, UsageError, type Command } from './_shared';

const usage = `usage: npm run cli -- scheme <add|list> [options]

  add  --file SCHEME.json --reason TEXT [--effective-from YYYY-MM-DD]
       stores the scheme as the next version; with --effective-from, open periods starting
       on or after that day use it (earlier ones keep the version in force for them);
       published periods it applies to are withdrawn, finalized ones keep their scheme
  list prints every version with its effective date

Exit codes: 0 done, 1 refused (unchanged scheme), 2 bad usage or an invalid scheme.`;

const command: Command = {
  summary: 'add a scheme version (optionally effective from a date) or list versions',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, { file: { type: 'string' }, reason: { type: 'string' }, 'effective-from': { type: 'string' } }, true);
    const [sub, ...extra] = positionals;
    if (sub !== 'add' && sub !== 'list') throw new UsageError(`expected add or list${sub ? `, got "${sub}"` : ''}`);
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const database = await getDatabase();
    if (sub === 'list') {
      for (const v of await listSchemeVersions(database)) {
        process.stdout.write(`v${v.version}\t${v.effectiveFrom ?? '—'}\t${v.name}\t${v.reason ?? ''}\n`);
      }
      return 0;
    }
    const file = requireOption(values.file, 'file');
    const reason = requireOption(values.reason, 'reason');
    let body: unknown;
    try {
      body = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
    }
    const result = await asCli(() => saveScheme(database, { principal: CLI }, { body, reason, effectiveFrom: values['effective-from'] ?? null }));
    const from = result.scheme.effectiveFrom ? ` effective from ${result.scheme.effectiveFrom}` : '';
    process.stdout.write(`saved v${result.scheme.version}${from} (${result.changes.length} changes)${result.withdrawn.length ? `; withdrawn: ${result.withdrawn.join(', ')}` : ''}\n`);
    return 0;
  },
};
export default command;
