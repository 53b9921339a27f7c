import fs from 'node:fs';
import { CheckFailed, parseCommandArgs, requireOption, UsageError, type Command } from './_shared';
import { getDatabase, getOwnerDatabase } from '../../db/client';
import { pruneAudit, RETENTION_DAYS, RetentionRefused } from '../../lib/audit/log';
import { checkpointText, parseCheckpoint, type Checkpoint } from '../../lib/audit/checkpoint';
import { verifyWithCheckpoints, writeCheckpoint, type CheckpointedCheck } from '../../lib/audit/verify';
import { CLI } from '../../lib/auth/principal';
import { pruneLoginAttempts } from '../../lib/auth/login-attempts';

const usage = `usage: npm run cli -- audit verify [--checkpoint FILE]
       npm run cli -- audit checkpoint [--out FILE]
       npm run cli -- audit prune --before YYYY-MM-DD

verify: walks the whole audit log and recomputes every entry's hash and its link to the
entry before it, then compares it with every signed checkpoint stored in the database and,
with --checkpoint, the one in FILE. Prints "ok N entries" and exits 0 when the chain is
intact and holds everything each checkpoint covers; otherwise names the first broken entry
(edited, deleted or reordered from there on; or truncated or rewritten since a checkpoint)
and exits 1.

checkpoint: verifies the chain, then signs its head (entry count, newest entry's id and hash,
time) with AUDIT_CHECKPOINT_KEY (or a key derived from AUTH_SECRET), stores it and writes it
as one line of JSON to stdout or FILE. Keep the file outside the database.

prune: retention. Deletes audit entries older than the date (at least ${RETENTION_DAYS} days old;
the chain stays verifiable from the prune entry on) and sign-in attempts older than it
(each account's last successful sign-in is kept). Both deletions are audited. Runs as the
owner role (MIGRATION_DATABASE_URL): the app's role may not delete audit entries.`;

function failIfBroken(result: CheckpointedCheck): asserts result is Extract<CheckpointedCheck, { ok: true }> {
  if (!result.ok) throw new CheckFailed(`audit chain broken at entry ${result.brokenId}: ${result.reason} (${result.count} entries before it verified)`);
}

function readCheckpointFile(file: string): Checkpoint {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    return parseCheckpoint(text);
  } catch (err) {
    throw new UsageError(`${file}: ${(err as Error).message}`);
  }
}

async function verify(rest: string[]): Promise<number> {
  const { values } = parseCommandArgs(rest, { checkpoint: { type: 'string' } });
  const file = values.checkpoint === undefined ? undefined : readCheckpointFile(requireOption(values.checkpoint, 'checkpoint'));
  const result = await verifyWithCheckpoints(await getDatabase(), file);
  failIfBroken(result);
  const lines = [`ok ${result.count} entries`];
  const { matched = 0, unsigned = 0 } = result.checkpoints ?? {};
  if (file) lines.push(`checkpoint ${values.checkpoint} (entry ${file.headId}, ${file.entryCount} entries at ${file.at.toISOString()}) holds`);
  if (matched || unsigned) lines.push(`${matched} stored checkpoints hold${unsigned ? `; ${unsigned} not signed with this key ignored` : ''}`);
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

async function checkpoint(rest: string[]): Promise<number> {
  const { values } = parseCommandArgs(rest, { out: { type: 'string' } });
  const database = await getDatabase();
  const result = await verifyWithCheckpoints(database);
  failIfBroken(result);
  const text = checkpointText(await writeCheckpoint(database, result));
  if (values.out === undefined) process.stdout.write(text);
  else {
    fs.writeFileSync(requireOption(values.out, 'out'), text);
    process.stdout.write(`checkpoint of ${result.count} entries (head ${result.lastId}) written to ${values.out}\n`);
  }
  return 0;
}

async function prune(rest: string[]): Promise<number> {
  const { values } = parseCommandArgs(rest, { before: { type: 'string' } });
  const text = requireOption(values.before, '--before');
  const before = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : new Date(NaN);
  if (Number.isNaN(before.getTime())) throw new UsageError(`--before must be a date YYYY-MM-DD (got "${text}")`);
  const database = await getOwnerDatabase();
  try {
    const entries = await pruneAudit(database, CLI, before);
    const attempts = await pruneLoginAttempts(database, CLI, before);
    process.stdout.write(`pruned ${entries} audit entries and ${attempts} sign-in attempts before ${text}\n`);
    return 0;
  } catch (err) {
    if (err instanceof RetentionRefused) throw new UsageError(err.message);
    if ((err as { code?: string }).code === '42501' && /permission denied/.test((err as Error).message)) {
      throw new UsageError(`${(err as Error).message}: audit prune runs as the owner role; set MIGRATION_DATABASE_URL`);
    }
    throw err;
  }
}

const command: Command = {
  summary: 'verify the audit log hash chain and its signed checkpoints; sign a checkpoint; prune old entries (audit verify | checkpoint | prune)',
  usage,
  async run(args) {
    const [sub, ...rest] = args;
    if (sub === 'verify') return verify(rest);
    if (sub === 'checkpoint') return checkpoint(rest);
    if (sub === 'prune') return prune(rest);
    throw new UsageError(sub ? `unknown subcommand "audit ${sub}"; use "audit verify", "audit checkpoint" or "audit prune"` : 'missing subcommand: audit verify | audit checkpoint | audit prune');
  },
};
export default command;
