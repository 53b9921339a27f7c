// Shared plumbing for CLI commands: exit codes and argument parsing, so every
// command reports bad usage (exit 2) and failed checks (exit 1) the same way.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Bad usage or bad input: exit 2 with a one-line reason on stderr. */
export class UsageError extends Error {}
/** A check that ran and failed (verify, rejected chunks): exit 1. */
export class CheckFailed extends Error {}

export interface Command {
  /** One line for `cli --help`. */
  summary: string;
  /** Full usage text for `cli <command> --help`. */
  usage: string;
  /** Returns the process exit code. Throw UsageError / CheckFailed for 2 / 1. */
  run(args: string[]): Promise<number>;
}

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function requireOption(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new UsageError(`missing required option --${name}`);
  return value;
}
