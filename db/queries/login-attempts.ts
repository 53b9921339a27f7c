// Sign-in attempts, keyed by the lower-cased name typed (lib/auth/sign-in.ts): what the
// lockout and the per-address throttle count, and their retention.
import { and, asc, count, eq, gt, sql } from 'drizzle-orm';
import { loginAttempts } from '../schema';
import type { Session } from '../types';

const a = loginAttempts;

/** Failed attempts from one address since `since` (epoch ms). */
export async function addressFailuresSince(session: Session, ip: string, since: number): Promise<number> {
  const [{ n }] = await session.db.select({ n: count() }).from(a).where(and(eq(a.ip, ip), eq(a.success, false), gt(a.at, new Date(since))));
  return n;
}

/** When an account's failures since `since` happened (epoch ms, oldest first), counting none before its last success or `resetAt`. */
export async function failureTimesSince(session: Session, key: string, since: number, resetAt: number | null): Promise<number[]> {
  const lastSuccess = sql`coalesce((select max(${a.at}) from ${a} where ${a.username} = ${key} and ${a.success}), 'epoch'::timestamptz)`;
  const rows = await session.db
    .select({ at: a.at })
    .from(a)
    .where(and(eq(a.username, key), eq(a.success, false), gt(a.at, new Date(Math.max(since, resetAt ?? 0))), gt(a.at, lastSuccess)))
    .orderBy(asc(a.at));
  return rows.map((r) => r.at.getTime());
}

/** Deletes the attempts before `before`, except each account's latest successful sign-in; returns how many went. */
export async function deleteAttemptsBefore(tx: Session, before: Date): Promise<number> {
  const [{ n }] = await tx.query<{ n: number }>(
    `with pruned as (
       delete from login_attempts a
        where a.created_at < $1
          and not (a.success and not exists (
                select 1 from login_attempts b where b.username = a.username and b.success and b.created_at > a.created_at))
       returning 1)
     select count(*)::int as n from pruned`,
    [before],
  );
  return n;
}
