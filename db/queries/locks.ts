// Every advisory lock the app takes, in one place so no two uses share a key by accident.
// All are transaction-scoped: released at commit or rollback.
import { createHash } from 'node:crypto';
import type { Session } from '../types';

/** A signed 64-bit advisory-lock key from text (sha256, first 8 bytes). */
export function advisoryKey(namespace: string, text: string): string {
  return createHash('sha256').update(`${namespace}\u0000${text}`).digest().readBigInt64BE(0).toString();
}

/** Holds the lock with this 64-bit key until the transaction ends. */
export async function advisoryXactLock(tx: Session, key: number | string): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1::bigint)', [key]);
}

/** The shared form: holders of the shared lock run together; the exclusive one waits for them all (and they for it). */
export async function advisoryXactLockShared(tx: Session, key: number | string): Promise<void> {
  await tx.query('select pg_advisory_xact_lock_shared($1::bigint)', [key]);
}

/** Serialises audit appends (and prunes) so the hash chain stays linear. */
export const lockAuditChain = (tx: Session) => advisoryXactLock(tx, 7_202_611);

// Sign-in admissions use the two-key form (class, hashtext): a key space of its own.
const SIGN_IN_LOCK = 7_202_612;

/** Admits sign-in attempts on one account (or from one address) one at a time. */
export async function lockSignIn(tx: Session, target: string): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [SIGN_IN_LOCK, target]);
}
