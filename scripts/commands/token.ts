import { parseCommandArgs, requireOption, UsageError, type Command } from './_shared';
import { asUsageError, migratedDatabase } from './user';
import { CLI, SCOPES } from '../../lib/auth/principal';
import { issueToken, listTokens, revokeToken, tokenStatus } from '../../lib/auth/token-admin';

const usage = `usage: npm run cli -- token create --name N --scopes s1,s2 [--department CODE] [--expires YYYY-MM-DD]
       npm run cli -- token list
       npm run cli -- token revoke --id N

create  prints the new token's secret on standard output, once: it is stored only as a
        SHA-256 hash and cannot be shown again. Scopes: ${SCOPES.join(', ')}.
        --department binds the token to one department's data; --expires ends it at
        midnight (China time) that day.
list    every token without its secret: id, prefix, scopes, department, status, last use
revoke  stops a token at once
All changes are audited as the CLI user \`cli\`.`;

function parseExpiry(day: string | undefined): Date | null {
  if (!day) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new UsageError('--expires must be a date like 2027-06-30');
  return new Date(`${day}T23:59:59.999+08:00`);
}

async function create(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    name: { type: 'string' },
    scopes: { type: 'string' },
    department: { type: 'string' },
    expires: { type: 'string' },
  });
  const name = requireOption(values.name, 'name');
  const scopes = requireOption(values.scopes, 'scopes').split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (unknown.length) throw new UsageError(`unknown scope ${unknown.join(', ')}; scopes are ${SCOPES.join(', ')}`);
  const database = await migratedDatabase();
  const { id, secret } = await issueToken(database, CLI, {
    name,
    scopes: scopes as never,
    departmentCode: values.department ?? null,
    expiresAt: parseExpiry(values.expires),
  }).catch(asUsageError);
  process.stderr.write(`token ${id} "${name}" created with ${scopes.join(', ')}${values.department ? ` for ${values.department}` : ''}; the secret below is shown only this once:\n`);
  process.stdout.write(`${secret}\n`);
  return 0;
}

async function list(args: string[]): Promise<number> {
  parseCommandArgs(args, {});
  const tokens = await listTokens(await migratedDatabase());
  const lines = ['id\tprefix\tname\tscopes\tdepartment\tstatus\texpires\tlast_used'];
  for (const t of tokens) {
    lines.push([t.id, `${t.prefix}…`, t.name, t.scopes.join(','), t.departmentCode ?? '-', tokenStatus(t), t.expiresAt?.toISOString() ?? '-', t.lastUsedAt?.toISOString() ?? '-'].join('\t'));
  }
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

async function revoke(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, { id: { type: 'string' } });
  const id = Number(requireOption(values.id, 'id'));
  if (!Number.isInteger(id) || id < 1) throw new UsageError('--id must be a token id (see token list)');
  await revokeToken(await migratedDatabase(), CLI, id).catch(asUsageError);
  process.stdout.write(`revoked token ${id}\n`);
  return 0;
}

const command: Command = {
  summary: 'create, list and revoke API tokens',
  usage,
  async run(args) {
    const [sub, ...rest] = args;
    if (sub === 'create') return create(rest);
    if (sub === 'list') return list(rest);
    if (sub === 'revoke') return revoke(rest);
    throw new UsageError(sub ? `unknown subcommand "token ${sub}"` : 'missing subcommand: token create | list | revoke');
  },
};
export default command;
