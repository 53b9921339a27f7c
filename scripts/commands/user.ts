import { parseCommandArgs, requireOption, UsageError, type Command } from './_shared';
import { getDatabase } from '../../db/client';
import { migrationStatus } from '../../db/migrate';
import { ApiError } from '../../lib/http/errors';
import { passwordProblems } from '../../lib/auth/passwords';
import { renderMessage } from '../../lib/http/errors';
import { CLI, ROLES } from '../../lib/auth/principal';
import { provisionFactor } from '../../lib/auth/second-factor';
import { createUser } from '../../lib/auth/users';
import { ZodError } from 'zod';

const usage = `usage: npm run cli -- user add --username U --role R [--department CODE] [--display-name NAME] --password-stdin
       npm run cli -- user totp --username U

user add creates a user, audited as the CLI user \`cli\`.
  --username U       2–64 letters, digits, _ . -
  --role R           admin | leader | assessor | department | auditor | security
  --department CODE  the department of a department user (required for that role)
  --display-name N   the name shown in the header
  --password-stdin   read the password from standard input (required, so it never
                     appears in the process list or shell history); it must have at
                     least 10 characters with three of: upper case, lower case, digits, symbols
example: printf '%s' "$PASSWORD" | npm run cli -- user add --username zhang --role leader --password-stdin

user totp enrols (or replaces) the user's TOTP second factor (RFC 6238, SHA-1, 6 digits,
30 s) and prints its otpauth:// URI on standard output, once: add it to an authenticator
app (or make a QR code of it). The former factor and recovery codes stop working and the
user's open sessions end; audited as user.totp_enrol. New recovery codes: the user makes
them on the account security page (/account/security).`;

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('--password-stdin needs the password piped in');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Bad input found by the service (policy, unknown department, name taken) is a usage error: exit 2. */
export function asUsageError(err: unknown): never {
  if (err instanceof ApiError && err.status < 500) throw new UsageError(err.message);
  if (err instanceof ZodError) throw new UsageError(err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  throw err;
}

export async function migratedDatabase() {
  const database = await getDatabase();
  if ((await migrationStatus(database)) !== 'current') throw new UsageError('the database is not migrated: run `npm run cli -- migrate` first');
  return database;
}

async function enrolTotp(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, { username: { type: 'string' } });
  const username = requireOption(values.username, 'username');
  const database = await migratedDatabase();
  const { uri } = await provisionFactor(database, CLI, username).catch(asUsageError);
  process.stdout.write(`${uri}\n`);
  return 0;
}

const command: Command = {
  summary: 'create a user (user add … --password-stdin); enrol a second factor (user totp --username U)',
  usage,
  async run(args) {
    const [sub, ...rest] = args;
    if (sub === 'totp') return enrolTotp(rest);
    if (sub !== 'add') throw new UsageError(sub ? `unknown subcommand "user ${sub}"; "user add" and "user totp" exist` : 'missing subcommand: user add | user totp');
    const { values } = parseCommandArgs(rest, {
      username: { type: 'string' },
      role: { type: 'string' },
      department: { type: 'string' },
      'display-name': { type: 'string' },
      'password-stdin': { type: 'boolean' },
    });
    const username = requireOption(values.username, 'username');
    const role = requireOption(values.role, 'role');
    if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`unknown role ${role}; roles are ${ROLES.join(', ')}`);
    if (!values['password-stdin']) throw new UsageError('--password-stdin is required: pipe the password in');
    const password = await readStdin();
    if (!password) throw new UsageError('no password on standard input');
    // Checked again by the service; here too so bad input fails before the database opens.
    const problems = passwordProblems(password);
    if (problems.length) throw new UsageError(problems.map((key) => renderMessage({ key }, 'zh-CN')).join('；'));
    const database = await migratedDatabase();
    const { id } = await createUser(database, CLI, {
      username,
      role: role as never,
      departmentCode: values.department ?? null,
      displayName: values['display-name'] ?? null,
      password,
    }).catch(asUsageError);
    process.stdout.write(`created user ${username} (id ${id}, role ${role}${values.department ? `, department ${values.department}` : ''})\n`);
    return 0;
  },
};
export default command;
