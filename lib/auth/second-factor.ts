// The TOTP second factor in the database: checking it at sign-in, enrolment by the user
// (begin → confirm with a current code → recovery codes shown once), replacing, disabling,
// enrolment from the CLI and reset by the security officer. Every change is audited in the
// same transaction. Secrets are sealed at rest (lib/auth/totp.ts); the key is derived from
// AUTH_SECRET, so changing AUTH_SECRET means enrolling again (recovery codes still work).
import { and, count, eq, isNull, lt, or } from 'drizzle-orm';
import { failureTimesSince } from '../../db/queries/login-attempts';
import { loginAttempts, recoveryCodes, users, userTotp } from '../../db/schema';
import type { Database, Session } from '../../db/types';
import { appendAudit } from '../audit/log';
import { badRequest, forbidden, notFound } from '../http/errors';
import { accountLockedUntil, LOOKBACK_MS } from './lockout';
import { roleNeedsSecondFactor } from './mfa-policy';
import { can } from './permissions';
import { actorId, type Principal, type Role } from './principal';
import { authSecret } from '../config/secret';
import { endUserSessions } from './sessions';
import { isTotpCode, matchingStep, newRecoveryCodes, newTotpSecret, openSecret, recoveryCodeHash, sealSecret, totpUri } from './totp';

const MAX_CODE = 64;

type SelfActor = Principal & { kind: 'user' };

export type CodeFailure = 'bad_totp' | 'totp_reused' | 'bad_recovery_code';
export type CodeCheck = { ok: true; method: 'totp' | 'recovery'; recoveryLeft?: number } | { ok: false; reason: CodeFailure };

export type SecondFactorCheck =
  | { outcome: 'pass'; method: 'totp' | 'recovery' | 'none' | 'enrolment_required'; recoveryLeft?: number }
  | { outcome: 'required' }
  | { outcome: 'fail'; reason: CodeFailure };

async function factorRow(session: Session, userId: number) {
  const [row] = await session.db.select().from(userTotp).where(eq(userTotp.userId, userId));
  return row ?? null;
}

async function recoveryLeft(session: Session, userId: number): Promise<number> {
  const [row] = await session.db.select({ n: count() }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return Number(row?.n ?? 0);
}

/** Checks a code (6 digits: TOTP; anything else: a recovery code) and uses it up: a code never passes twice. */
async function spendCode(session: Session, userId: number, sealed: string, code: string, now: number): Promise<CodeCheck> {
  const given = code.trim().slice(0, MAX_CODE);
  if (!isTotpCode(given)) {
    const used = await session.db
      .update(recoveryCodes)
      .set({ usedAt: new Date(now) })
      .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, recoveryCodeHash(userId, given)), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    return used.length ? { ok: true, method: 'recovery', recoveryLeft: await recoveryLeft(session, userId) } : { ok: false, reason: 'bad_recovery_code' };
  }
  const secret = openSecret(sealed, userId, authSecret());
  if (secret === null) console.error(`second factor of user ${userId} cannot be opened: was AUTH_SECRET changed? (the user must enrol again)`);
  const step = secret === null ? null : matchingStep(secret, given, now);
  if (step === null) return { ok: false, reason: 'bad_totp' };
  // Only a later step than any accepted before: the same code, or an older one, is refused.
  const advanced = await session.db
    .update(userTotp)
    .set({ lastStep: step })
    .where(and(eq(userTotp.userId, userId), or(isNull(userTotp.lastStep), lt(userTotp.lastStep, step))))
    .returning({ userId: userTotp.userId });
  return advanced.length ? { ok: true, method: 'totp' } : { ok: false, reason: 'totp_reused' };
}

/**
 * The second step of a password sign-in, run only after the password checked out. No
 * factor: pass (an account whose role needs one is let in to enrol, and nothing else; see
 * enrolmentRequired). A factor and no code: 'required'. A wrong or reused code: 'fail',
 * which the caller counts toward the lockout.
 */
export async function checkSecondFactor(database: Database, user: { id: number; role: Role }, code: string | undefined, now: number): Promise<SecondFactorCheck> {
  const row = await factorRow(database, user.id);
  if (!row?.secret) return { outcome: 'pass', method: roleNeedsSecondFactor(user.role) ? 'enrolment_required' : 'none' };
  if (!code?.trim()) return { outcome: 'required' };
  const checked = await spendCode(database, user.id, row.secret, code, now);
  return checked.ok ? { outcome: 'pass', method: checked.method, recoveryLeft: checked.recoveryLeft } : { outcome: 'fail', reason: checked.reason };
}

/** Whether this signed-in user must enrol a second factor before anything else (their role needs one, they have none). */
export async function enrolmentRequired(session: Session, user: { id: number; role: Role }): Promise<boolean> {
  if (!roleNeedsSecondFactor(user.role)) return false;
  const row = await factorRow(session, user.id);
  return !row?.secret;
}

export interface FactorStatus {
  enrolled: boolean;
  enrolledAt: Date | null;
  required: boolean;
  recoveryLeft: number;
  /** A new factor waiting for its first code: shown as a QR code until confirmed. */
  pending: { secret: string; uri: string } | null;
}

export async function factorStatus(session: Session, user: SelfActor): Promise<FactorStatus> {
  const row = await factorRow(session, user.id);
  const pendingSecret = row?.pendingSecret ? openSecret(row.pendingSecret, user.id, authSecret()) : null;
  return {
    enrolled: Boolean(row?.secret),
    enrolledAt: row?.enrolledAt ?? null,
    required: roleNeedsSecondFactor(user.role),
    recoveryLeft: row?.secret ? await recoveryLeft(session, user.id) : 0,
    pending: pendingSecret ? { secret: pendingSecret, uri: totpUri(pendingSecret, user.username) } : null,
  };
}

// Codes typed on the security page count toward the sign-in lockout too, so a session left
// open cannot be used to search for a code; a locked account cannot change its factor.
async function assertNotLocked(session: Session, username: string, now: number) {
  const failures = await failureTimesSince(session, username.toLowerCase(), now - LOOKBACK_MS, null);
  if (accountLockedUntil(failures, now)) throw forbidden('mfa.errors.locked');
}

/** A wrong code on the security page: recorded as a failed attempt and audited, in its own transaction. */
async function refspendCode(database: Database, actor: SelfActor, action: string, reason: CodeFailure, ip: string | null, now: number): Promise<never> {
  await database.transaction(async (tx) => {
    await tx.db.insert(loginAttempts).values({ username: actor.username.toLowerCase(), ip: ip ?? 'unknown', success: false, at: new Date(now) });
    await appendAudit(tx, { actor, action, target: actor.username, outcome: 'failure', ip, payload: { reason } });
  });
  throw badRequest('mfa.errors.wrongCode');
}

/** Checks the user's current factor with a code (TOTP or recovery) before a change; refuses and records a wrong one. */
async function proveCurrentFactor(database: Database, actor: SelfActor, action: string, code: string, ip: string | null, now: number) {
  await assertNotLocked(database, actor.username, now);
  const row = await factorRow(database, actor.id);
  if (!row?.secret) return;
  const checked = await spendCode(database, actor.id, row.secret, code, now);
  if (!checked.ok) await refspendCode(database, actor, action, checked.reason, ip, now);
}

/**
 * Starts enrolling a new factor (or replacing the current one, which needs a current code):
 * a pending secret is stored, to be confirmed with its first code. The current factor stays
 * in force until then.
 */
export async function beginEnrolment(database: Database, actor: SelfActor, currentCode: string, ip: string | null = null, now = Date.now()): Promise<void> {
  await proveCurrentFactor(database, actor, 'user.totp_enrol', currentCode, ip, now);
  const pending = sealSecret(newTotpSecret(), actor.id, authSecret());
  await database.db
    .insert(userTotp)
    .values({ userId: actor.id, pendingSecret: pending, pendingAt: new Date(now) })
    .onConflictDoUpdate({ target: userTotp.userId, set: { pendingSecret: pending, pendingAt: new Date(now) } });
}

/** Drops a pending enrolment (the current factor, if any, stays). */
export async function cancelEnrolment(database: Database, actor: SelfActor): Promise<void> {
  await database.db.update(userTotp).set({ pendingSecret: null, pendingAt: null }).where(eq(userTotp.userId, actor.id));
  await database.db.delete(userTotp).where(and(eq(userTotp.userId, actor.id), isNull(userTotp.secret)));
}

async function replaceRecoveryCodes(tx: Session, userId: number, now: number): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.db.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: recoveryCodeHash(userId, c), createdAt: new Date(now) })));
  return codes;
}

/** Confirms the pending factor with its current code; it replaces any former one. Returns the new recovery codes (shown once). */
export async function confirmEnrolment(database: Database, actor: SelfActor, code: string, ip: string | null = null, now = Date.now()): Promise<string[]> {
  await assertNotLocked(database, actor.username, now);
  const row = await factorRow(database, actor.id);
  const secret = row?.pendingSecret ? openSecret(row.pendingSecret, actor.id, authSecret()) : null;
  if (!secret) throw badRequest('mfa.errors.nothingPending');
  const step = matchingStep(secret, code.trim().slice(0, MAX_CODE), now);
  if (step === null) return refspendCode(database, actor, 'user.totp_enrol', 'bad_totp', ip, now);
  return database.transaction(async (tx) => {
    // The confirming code is the first one used: it cannot sign in afterwards.
    const moved = await tx.db
      .update(userTotp)
      .set({ secret: row!.pendingSecret, pendingSecret: null, pendingAt: null, lastStep: step, enrolledAt: new Date(now) })
      .where(and(eq(userTotp.userId, actor.id), eq(userTotp.pendingSecret, row!.pendingSecret!)))
      .returning({ userId: userTotp.userId });
    if (!moved.length) throw badRequest('mfa.errors.nothingPending');
    const codes = await replaceRecoveryCodes(tx, actor.id, now);
    await appendAudit(tx, { actor, action: 'user.totp_enrol', target: actor.username, outcome: 'success', ip, payload: { via: 'self', replaced: Boolean(row!.secret) } });
    return codes;
  });
}

/** New recovery codes for the current factor (the old ones stop working); needs a current code. */
export async function regenerateRecoveryCodes(database: Database, actor: SelfActor, code: string, ip: string | null = null, now = Date.now()): Promise<string[]> {
  const row = await factorRow(database, actor.id);
  if (!row?.secret) throw badRequest('mfa.errors.notEnrolled');
  await proveCurrentFactor(database, actor, 'user.recovery_codes', code, ip, now);
  return database.transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, actor.id, now);
    await appendAudit(tx, { actor, action: 'user.recovery_codes', target: actor.username, outcome: 'success', ip, payload: { count: codes.length } });
    return codes;
  });
}

/** Removes the user's own factor with a current code; a role that needs one can only replace it. */
export async function disableOwnFactor(database: Database, actor: SelfActor, code: string, ip: string | null = null, now = Date.now()): Promise<void> {
  if (roleNeedsSecondFactor(actor.role)) throw badRequest('mfa.errors.requiredForRole');
  const row = await factorRow(database, actor.id);
  if (!row?.secret) throw badRequest('mfa.errors.notEnrolled');
  await proveCurrentFactor(database, actor, 'user.totp_disable', code, ip, now);
  await database.transaction(async (tx) => {
    await removeFactor(tx, actor.id);
    await appendAudit(tx, { actor, action: 'user.totp_disable', target: actor.username, outcome: 'success', ip, payload: {} });
  });
}

async function removeFactor(tx: Session, userId: number) {
  await tx.db.delete(userTotp).where(eq(userTotp.userId, userId));
  await tx.db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

async function lockedUser(tx: Session, where: { id: number } | { username: string }) {
  const [user] = await tx.db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where('id' in where ? eq(users.id, where.id) : eq(users.username, where.username))
    .for('update');
  if (!user) throw notFound('adminUsers.errors.notFound');
  return user;
}

/**
 * Enrols (or replaces) a user's factor without a code from them: `npm run cli -- user totp`
 * and the demo seed. Returns the otpauth:// URI, its only copy. Former recovery codes are
 * dropped and the user's sessions end.
 */
export async function provisionFactor(database: Database, actor: Principal, username: string, ip: string | null = null, now = Date.now()): Promise<{ id: number; uri: string }> {
  if (!can(actor, 'users:manage')) throw forbidden();
  const secret = newTotpSecret();
  return database.transaction(async (tx) => {
    const user = await lockedUser(tx, { username });
    const sealed = sealSecret(secret, user.id, authSecret());
    const [before] = await tx.db.select({ secret: userTotp.secret }).from(userTotp).where(eq(userTotp.userId, user.id));
    await removeFactor(tx, user.id);
    await tx.db.insert(userTotp).values({ userId: user.id, secret: sealed, enrolledAt: new Date(now) });
    await endUserSessions(tx, user.id, 'second_factor', actorId(actor));
    await appendAudit(tx, { actor, action: 'user.totp_enrol', target: user.username, outcome: 'success', ip, payload: { via: actor.kind, replaced: Boolean(before?.secret) } });
    return { id: user.id, uri: totpUri(secret, user.username) };
  });
}

/** The security officer removes another user's factor (lost phone): they enrol again at their next sign-in. */
export async function resetSecondFactor(database: Database, actor: Principal, userId: number, ip: string | null = null): Promise<void> {
  if (!can(actor, 'users:manage')) throw forbidden();
  if (actor.kind === 'user' && actor.id === userId) throw badRequest('mfa.errors.cannotResetSelf');
  await database.transaction(async (tx) => {
    const user = await lockedUser(tx, { id: userId });
    await removeFactor(tx, user.id);
    await endUserSessions(tx, user.id, 'second_factor', actorId(actor));
    await appendAudit(tx, { actor, action: 'user.totp_reset', target: user.username, outcome: 'success', ip, payload: { id: user.id } });
  });
}
