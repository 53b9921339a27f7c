// The TOTP second factor (issue #12 item 12): asked for only after the password checked out,
// ±1 time step, each code once, wrong codes toward the lockout, recovery codes once each,
// enrolment by the user, forced enrolment for the roles that need it, reset by the officer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/types';
import { LOCKOUT } from '@/lib/auth/lockout';
import { beginEnrolment, confirmEnrolment, disableOwnFactor, factorStatus, provisionFactor, regenerateRecoveryCodes, resetSecondFactor } from '@/lib/auth/second-factor';
import { CLI } from '@/lib/auth/principal';
import { principalFromCookieHeader, sessionUserFromCookieHeader } from '@/lib/auth/session-token';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { secretFromUri, totpCode, TOTP_PERIOD_S } from '@/lib/auth/totp';
import { auditEntries, createTestUser, principalOf, sessionCookie, stepStart, TEST_PASSWORD, totpFor, type TestUser } from './support/auth';
import { createTestDatabase } from './support/db';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const STEP = TOTP_PERIOD_S * 1000;
let ipCounter = 0;
const freshIp = () => `10.9.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
const signIn = (user: TestUser, password: string, totp: string | undefined, now: number) =>
  signInWithPassword(database, { username: user.username, password, totp, ip: freshIp() }, now);
const lastLoginPayload = async () => JSON.parse((await auditEntries(database, 'auth.login')).at(-1)!.payload);

// Each attempt runs bcrypt (cost 11): allow for a busy machine.
describe('sign-in with a second factor', { timeout: 180_000 }, () => {
  it('asks for the code only after the right password; a wrong password without a code is just invalid', async () => {
    const admin = await createTestUser(database, 'admin');
    const now = stepStart();
    expect(await signIn(admin, 'Wrong-password-1', undefined, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(await signIn(admin, 'Wrong-password-1', totpFor(admin, now), now)).toEqual({ ok: false, reason: 'invalid' });
    expect(await signIn(admin, TEST_PASSWORD, undefined, now)).toEqual({ ok: false, reason: 'totp_required' });
    expect(await lastLoginPayload()).toMatchObject({ reason: 'totp_required' });
    expect(await signIn(admin, TEST_PASSWORD, totpFor(admin, now), now)).toMatchObject({ ok: true, user: { id: admin.id } });
    expect(await lastLoginPayload()).toMatchObject({ provider: 'credentials', factor: 'totp' });
  });

  it('accepts a code one step early or late, refuses two steps away', async () => {
    const admin = await createTestUser(database, 'admin');
    const now = stepStart();
    expect(await signIn(admin, TEST_PASSWORD, totpFor(admin, now, -2), now)).toEqual({ ok: false, reason: 'invalid' });
    expect(await signIn(admin, TEST_PASSWORD, totpFor(admin, now, 2), now)).toEqual({ ok: false, reason: 'invalid' });
    expect(await signIn(admin, TEST_PASSWORD, totpFor(admin, now, -1), now)).toMatchObject({ ok: true });
    expect(await signIn(admin, TEST_PASSWORD, totpFor(admin, now, 1), now)).toMatchObject({ ok: true });
  });

  it('refuses a code already used, and any code of the same or an earlier step', async () => {
    const auditor = await createTestUser(database, 'auditor');
    const now = stepStart();
    const code = totpFor(auditor, now);
    expect(await signIn(auditor, TEST_PASSWORD, code, now)).toMatchObject({ ok: true });
    expect(await signIn(auditor, TEST_PASSWORD, code, now + 1000)).toEqual({ ok: false, reason: 'invalid' });
    expect(await lastLoginPayload()).toMatchObject({ reason: 'totp_reused' });
    expect(await signIn(auditor, TEST_PASSWORD, totpFor(auditor, now, -1), now + 2000)).toEqual({ ok: false, reason: 'invalid' });
    expect(await signIn(auditor, TEST_PASSWORD, totpFor(auditor, now + STEP), now + STEP)).toMatchObject({ ok: true });
  });

  it('counts wrong codes toward the lockout: the 5th locks, and then even the right code is refused', async () => {
    const admin = await createTestUser(database, 'admin');
    const now = stepStart();
    const outcomes = [];
    for (let i = 0; i < LOCKOUT.accountFailures; i++) outcomes.push(await signIn(admin, TEST_PASSWORD, '000000' === totpFor(admin, now) ? '111111' : '000000', now + i * 100));
    expect(outcomes.map((o) => !o.ok && o.reason)).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'locked']);
    expect(await signIn(admin, TEST_PASSWORD, totpFor(admin, now + STEP), now + STEP)).toEqual({ ok: false, reason: 'locked' });
    const [row] = await database.query<{ locked_until: Date | null }>('select locked_until from users where id = $1', [admin.id]);
    expect(row.locked_until).not.toBeNull();
  });

  it('takes a recovery code in the code field, once', async () => {
    const leader = await createTestUser(database, 'leader');
    const self = principalOf(leader);
    const now = stepStart();
    await beginEnrolment(database, self, '', null, now);
    const pending = (await factorStatus(database, self)).pending!;
    const codes = await confirmEnrolment(database, self, totpCode(pending.secret, now), null, now);
    expect(codes).toHaveLength(10);
    const recovery = codes[3].toUpperCase();
    expect(await signIn(leader, TEST_PASSWORD, recovery, now + STEP)).toMatchObject({ ok: true });
    expect(await lastLoginPayload()).toMatchObject({ factor: 'recovery' });
    expect(await signIn(leader, TEST_PASSWORD, recovery, now + 2 * STEP)).toEqual({ ok: false, reason: 'invalid' });
    expect(await lastLoginPayload()).toMatchObject({ reason: 'bad_recovery_code' });
    expect((await factorStatus(database, self)).recoveryLeft).toBe(9);
  });
});

describe('the roles that need a second factor', { timeout: 180_000 }, () => {
  it('lets an admin without one sign in, but only to enrol: no page but /account/security, no API', async () => {
    const admin = await createTestUser(database, 'admin', { totp: false });
    const now = Date.now();
    expect(await signIn(admin, TEST_PASSWORD, undefined, now)).toMatchObject({ ok: true });
    expect(await lastLoginPayload()).toMatchObject({ factor: 'enrolment_required' });
    const cookie = await sessionCookie(database, admin);
    expect(await sessionUserFromCookieHeader(cookie, database)).toMatchObject({ mustEnrol: true });
    expect(await principalFromCookieHeader(cookie, database)).toBeNull();

    // Enrolling frees the session at once.
    const self = principalOf(admin);
    await beginEnrolment(database, self, '', null, now);
    const { secret } = (await factorStatus(database, self)).pending!;
    await confirmEnrolment(database, self, totpCode(secret, now), null, now);
    expect(await sessionUserFromCookieHeader(cookie, database)).not.toHaveProperty('mustEnrol');
    expect(await principalFromCookieHeader(cookie, database)).toMatchObject({ id: admin.id });
  });

  it('leaves the factor optional for other roles', async () => {
    const leader = await createTestUser(database, 'leader');
    expect(leader.totpSecret).toBeNull();
    expect(await signIn(leader, TEST_PASSWORD, undefined, Date.now())).toMatchObject({ ok: true });
    expect(await lastLoginPayload()).toMatchObject({ factor: 'none' });
    expect(await sessionUserFromCookieHeader(await sessionCookie(database, leader), database)).not.toHaveProperty('mustEnrol');
  });

  it('never lets a role that needs one turn it off', async () => {
    const admin = await createTestUser(database, 'admin');
    await expect(disableOwnFactor(database, principalOf(admin), totpFor(admin))).rejects.toThrow(/不能停用/);
  });
});

describe('enrolment by the user', { timeout: 180_000 }, () => {
  it('stores a pending factor, confirms it with a current code (not reusable), and audits it', async () => {
    const leader = await createTestUser(database, 'leader');
    const self = principalOf(leader);
    const now = stepStart();
    await beginEnrolment(database, self, '', '192.0.2.7', now);
    const status = await factorStatus(database, self);
    expect(status).toMatchObject({ enrolled: false, pending: { uri: expect.stringMatching(/^otpauth:\/\/totp\//) } });
    const [row] = await database.query<{ pending_secret: string }>('select pending_secret from user_totp where user_id = $1', [leader.id]);
    expect(row.pending_secret).not.toContain(status.pending!.secret); // sealed at rest

    await expect(confirmEnrolment(database, self, '000000' === totpCode(status.pending!.secret, now) ? '111111' : '000000', null, now)).rejects.toThrow(/不正确/);
    const codes = await confirmEnrolment(database, self, totpCode(status.pending!.secret, now), '192.0.2.7', now);
    expect(codes).toHaveLength(10);
    expect((await auditEntries(database, 'user.totp_enrol')).at(-1)).toMatchObject({ actor: `user:${leader.id}`, target: leader.username, outcome: 'success' });
    // The code that confirmed it cannot sign in; the next step's can.
    const user = { ...leader, totpSecret: status.pending!.secret };
    expect(await signIn(user, TEST_PASSWORD, totpCode(user.totpSecret, now), now + 1000)).toEqual({ ok: false, reason: 'invalid' });
    expect(await signIn(user, TEST_PASSWORD, totpCode(user.totpSecret, now + STEP), now + STEP)).toMatchObject({ ok: true });
  });

  it('replaces a factor only with a current code; a wrong one counts toward the lockout', async () => {
    const admin = await createTestUser(database, 'admin');
    const self = principalOf(admin);
    const now = stepStart();
    const wrong = totpFor(admin, now) === '123456' ? '654321' : '123456';
    await expect(beginEnrolment(database, self, wrong, null, now)).rejects.toThrow(/不正确/);
    const [{ n }] = await database.query<{ n: number }>('select count(*)::int as n from login_attempts where username = $1 and not success', [admin.username.toLowerCase()]);
    expect(n).toBe(1);
    await beginEnrolment(database, self, totpFor(admin, now), null, now);
    const { secret } = (await factorStatus(database, self)).pending!;
    // Until confirmed, the old factor still signs in.
    expect((await factorStatus(database, self)).enrolled).toBe(true);
    await confirmEnrolment(database, self, totpCode(secret, now + STEP), null, now + STEP);
    expect(await signIn(admin, TEST_PASSWORD, totpFor(admin, now + 2 * STEP), now + 2 * STEP)).toEqual({ ok: false, reason: 'invalid' });
    expect(await signIn({ ...admin, totpSecret: secret }, TEST_PASSWORD, totpCode(secret, now + 2 * STEP), now + 2 * STEP)).toMatchObject({ ok: true });
  });

  it('makes new recovery codes with a current code; the old ones stop working', async () => {
    const auditor = await createTestUser(database, 'auditor');
    const self = principalOf(auditor);
    const now = stepStart();
    const first = await regenerateRecoveryCodes(database, self, totpFor(auditor, now), null, now);
    const second = await regenerateRecoveryCodes(database, self, first[0], null, now + 1000);
    expect(second).toHaveLength(10);
    expect(await signIn(auditor, TEST_PASSWORD, first[1], now + 2000)).toEqual({ ok: false, reason: 'invalid' });
    expect(await signIn(auditor, TEST_PASSWORD, second[1], now + 3000)).toMatchObject({ ok: true });
    expect((await auditEntries(database, 'user.recovery_codes')).at(-1)).toMatchObject({ target: auditor.username });
  });
});

describe('enrolment and reset by others', { timeout: 180_000 }, () => {
  it('the CLI enrols (or replaces) a factor, returns its otpauth URI once and ends open sessions', async () => {
    const auditor = await createTestUser(database, 'auditor');
    const cookie = await sessionCookie(database, auditor);
    const { uri } = await provisionFactor(database, CLI, auditor.username);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Sharescore:[^?]+\?.*secret=[A-Z2-7]+/);
    expect(await sessionUserFromCookieHeader(cookie, database)).toBeNull();
    const now = Date.now();
    expect(await signIn({ ...auditor, totpSecret: secretFromUri(uri) }, TEST_PASSWORD, totpCode(secretFromUri(uri), now), now)).toMatchObject({ ok: true });
    expect((await auditEntries(database, 'user.totp_enrol')).at(-1)).toMatchObject({ actor: 'cli', target: auditor.username });
  });

  it('the user manager resets another user’s factor (audited, sessions end); nobody else may, nor on themselves', async () => {
    const manager = await createTestUser(database, 'security');
    const target = await createTestUser(database, 'auditor');
    const cookie = await sessionCookie(database, target);
    const leader = await createTestUser(database, 'leader');
    await expect(resetSecondFactor(database, principalOf(leader), target.id)).rejects.toMatchObject({ status: 403 });
    // 三员分立: the system administrator manages no accounts, factors included.
    await expect(resetSecondFactor(database, principalOf(await createTestUser(database, 'admin')), target.id)).rejects.toMatchObject({ status: 403 });
    await expect(resetSecondFactor(database, principalOf(manager), manager.id)).rejects.toMatchObject({ status: 400 });
    await resetSecondFactor(database, principalOf(manager), target.id, '192.0.2.9');
    expect((await auditEntries(database, 'user.totp_reset')).at(-1)).toMatchObject({ actor: `user:${manager.id}`, target: target.username, ip: '192.0.2.9' });
    expect(await sessionUserFromCookieHeader(cookie, database)).toBeNull();
    // Their next sign-in is into enrolment only.
    expect(await signIn(target, TEST_PASSWORD, undefined, Date.now())).toMatchObject({ ok: true });
    expect(await lastLoginPayload()).toMatchObject({ factor: 'enrolment_required' });
  });
});
