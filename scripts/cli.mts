// Sharescore command-line tool: `npm run cli -- <command> [options]`.
// Commands live one per file in scripts/commands/ and are imported lazily so
// that offline commands (score, ahp) never load a database driver.
import { CheckFailed, UsageError, type Command } from './commands/_shared.ts';

const commands: Record<string, () => Promise<{ default: Command }>> = {
  migrate: () => import('./commands/migrate.ts'),
  seed: () => import('./commands/seed.ts'),
  user: () => import('./commands/user.ts'),
  token: () => import('./commands/token.ts'),
  ingest: () => import('./commands/ingest.ts'),
  score: () => import('./commands/score.ts'),
  ahp: () => import('./commands/ahp.ts'),
  recompute: () => import('./commands/recompute.ts'),
  period: () => import('./commands/period.ts'),
  export: () => import('./commands/export.ts'),
  audit: () => import('./commands/audit.ts'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const lines = ['usage: npm run cli -- <command> [options]   (--help on each command)', ''];
    for (const key of Object.keys(commands)) {
      try {
        lines.push(`  ${key.padEnd(10)} ${(await commands[key]()).default.summary}`);
      } catch {
        lines.push(`  ${key.padEnd(10)} (not available in this build)`);
      }
    }
    process.stdout.write(lines.join('\n') + '\n');
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) throw new UsageError(`unknown command "${name}"; run --help for the list`);
  const command = (await load()).default;
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
