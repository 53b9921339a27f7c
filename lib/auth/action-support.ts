// Shared plumbing for server actions: the state a form shows after submitting, the
// caller's address for the audit log, and turning a thrown error into a message.
import { headers } from 'next/headers';
import { ZodError } from 'zod';
import { ApiError } from '../http/errors';

export interface ActionState {
  ok?: string;
  error?: string;
  /** A token secret, shown once right after creation. */
  secret?: string;
}

export async function requestIp(): Promise<string | null> {
  const h = await headers();
  return h.get('x-forwarded-for')?.split(',')[0].trim() || h.get('x-real-ip') || null;
}

/** A message fit to show: ours and validation messages as they are, anything else generic (and logged). */
export function actionError(err: unknown, generic: string): ActionState {
  if (err instanceof ApiError) return { error: err.message };
  if (err instanceof ZodError) return { error: err.issues.map((i) => i.message).join('；') };
  console.error(err);
  return { error: generic };
}
