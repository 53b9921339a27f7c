// Retention for login_attempts. The table only has to remember the last 30 minutes of
// failures (lockout and throttling) and each account's last successful sign-in (shown
// on the users page); every attempt is also in the audit log, which has its own
// retention. Without pruning, a password-guessing bot grows it forever.
import { deleteAttemptsBefore } from '../../db/queries/login-attempts';
import type { Database } from '../../db/types';
import { appendAudit, RetentionRefused, type Actor } from '../audit/log';
import { LOOKBACK_MS } from './lockout';

/** Attempts younger than this are never pruned: comfortably more than the lockout needs. */
export const ATTEMPT_RETENTION_DAYS = 30;

/**
 * Deletes the attempts made before `before`, except each account's latest successful
 * sign-in; audited as auth.attempts.prune. Returns how many rows went.
 */
export async function pruneLoginAttempts(database: Database, actor: Actor, before: Date, now = Date.now()): Promise<number> {
  const floor = now - Math.max(ATTEMPT_RETENTION_DAYS * 86_400_000, LOOKBACK_MS);
  if (before.getTime() > floor) throw new RetentionRefused(`login attempts younger than ${ATTEMPT_RETENTION_DAYS} days cannot be pruned`);
  return database.transaction(async (tx) => {
    const n = await deleteAttemptsBefore(tx, before);
    await appendAudit(tx, { actor, action: 'auth.attempts.prune', outcome: 'success', payload: { before: before.toISOString(), deleted: n } });
    return n;
  });
}
