// Password hashing (bcrypt, cost 11) and the password policy (等保2.0 identity
// authentication: at least 10 characters, three of four character classes).
import bcrypt from 'bcryptjs';
import { randomBytes } from 'node:crypto';
import type { MessageKey } from '../http/errors';

const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  // Compare against a fixed hash when the user has none, so timing does not reveal it.
  return bcrypt.compare(password, hash ?? '$2b$11$C6UzMDM.H6dfI/f/IKcEeO5FOIx7qDuOMMJVVQe5WZzcs8T3xW2jK');
}

/** The message keys of a password's problems; empty when it meets the policy. */
export function passwordProblems(password: string): MessageKey[] {
  const problems: MessageKey[] = [];
  if (password.length < 10) problems.push('adminUsers.errors.passwordTooShort');
  if (password.length > 128) problems.push('adminUsers.errors.passwordTooLong');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('adminUsers.errors.passwordClasses');
  return problems;
}

/** A random password that meets the policy, for demo accounts and resets. */
export function generatePassword(): string {
  const body = randomBytes(9).toString('base64url').replace(/[-_]/g, 'x');
  return `Ss-${body}7`;
}
