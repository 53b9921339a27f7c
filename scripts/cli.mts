// Sharescore command-line tool: `npm run cli -- <command> [options]`.
// Commands live one per file in scripts/commands/ and are imported lazily so
// that offline commands (score, ahp) never load a database driver.
import { CheckFailed, UsageError, type Command } from './commands/_shared.ts';

const commandNames = ['migrate', 'seed', 'user', 'token', 'ingest', 'score', 'ahp', 'recompute', 'sensitivity', 'period', 'scheme', 'export', 'audit', 'openapi'];
const loadCommand = (name: string): Promise<{ default: Command }> => import(`./commands/${name}.ts`);

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const lines = ['usage: npm run cli -- <command> [options]   (--help on each command)', ''];
    for (const key of commandNames) {
      try {
        lines.push(`  ${key.padEnd(10)} ${(await loadCommand(key)).default.summary}`);
      } catch {
        lines.push(`  ${key.padEnd(10)} (not available in this build)`);
      }
    }
    process.stdout.write(lines.join('\n') + '\n');
    return name ? 0 : 2;
  }
  if (!commandNames.includes(name)) throw new UsageError(`unknown command "${name}"; run --help for the list`);
  const command = (await loadCommand(name)).default;
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.usage.trimEnd() + '\n');
    return 0;
  }
  return command.run(rest);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  const message = (err as Error).message.split('\n')[0];
  if (err instanceof UsageError) {
    process.stderr.write(`error: ${message}\n`);
    process.exitCode = 2;
  } else if (err instanceof CheckFailed) {
    process.stderr.write(`failed: ${message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`error: ${message}\n`);
    if (process.env.DEBUG) console.error(err);
    process.exitCode = 1;
  }
} finally {
  // Close the database if a command opened one (PGlite must be closed cleanly).
  const g = globalThis as { __sharescoreCloseDb?: () => Promise<void> };
  if (g.__sharescoreCloseDb) await g.__sharescoreCloseDb();
}
