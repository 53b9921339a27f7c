// The users admin list: each account with whether it has a second factor and when it
// last signed in (from login_attempts, keyed by the lower-cased name).
import { asc, max, sql } from 'drizzle-orm';
import { loginAttempts, users, userTotp } from '../schema';
import type { Session } from '../types';

export async function listUserRows(session: Session) {
  const u = users;
  const secondFactor = session.db.select({ one: sql`1` }).from(userTotp).where(sql`${userTotp.userId} = ${u.id} and ${userTotp.secret} is not null`);
  const lastLogin = session.db
    .select({ at: max(loginAttempts.at) })
    .from(loginAttempts)
    .where(sql`${loginAttempts.username} = lower(${u.username}) and ${loginAttempts.success}`);
  return session.db
    .select({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      departmentCode: u.departmentCode,
      active: u.active,
      lockedUntil: u.lockedUntil,
      /** lockedUntil is still ahead */
      locked: sql<boolean>`coalesce(${u.lockedUntil} > now(), false)`,
      oidcSubject: u.oidcSubject,
      oidcLinkAllowed: u.oidcLinkAllowed,
      secondFactor: sql<boolean>`exists ${secondFactor}`,
      lastLoginAt: sql<Date | null>`${lastLogin}`.mapWith(loginAttempts.at),
      createdAt: u.createdAt,
    })
    .from(u)
    .orderBy(asc(u.role), asc(u.username));
}

/** Is the name taken, in any letter case? */
export async function usernameTaken(session: Session, username: string): Promise<boolean> {
  const [row] = await session.db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = lower(${username})`);
  return Boolean(row);
}
