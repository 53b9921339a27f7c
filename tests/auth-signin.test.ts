// Password sign-in: lockout after 5 failures in 15 minutes, per-address throttling, the
// same answer for unknown and real accounts, and an audit entry for every attempt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/types';
import { LOCKOUT } from '@/lib/auth/lockout';
import { accountLockedUntil } from '@/lib/auth/lockout';
import { CLI } from '@/lib/auth/principal';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { resetPassword } from '@/lib/auth/users';
import { auditEntries, createTestUser, TEST_PASSWORD } from './support/auth';
import { createTestDatabase } from './support/db';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const MIN = 60_000;
let ipCounter = 0;
const freshIp = () => `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

async function failTimes(username: string, times: number, ip: string, now: number) {
  const outcomes = [];
  for (let i = 0; i < times; i++) outcomes.push(await signInWithPassword(database, { username, password: 'Wrong-password-1', ip }, now + i * 1000));
  return outcomes;
}

describe('accountLockedUntil (pure)', () => {
  it('locks for 15 minutes from the 5th failure within 15 minutes', () => {
    const t0 = 1_000_000_000_000;
    const five = [0, 1, 2, 3, 4].map((i) => t0 + i * MIN);
    expect(accountLockedUntil(five.slice(0, 4), t0 + 5 * MIN)).toBeNull();
    expect(accountLockedUntil(five, t0 + 5 * MIN)).toBe(t0 + 4 * MIN + LOCKOUT.lockMs);
    expect(accountLockedUntil(five, t0 + 4 * MIN + LOCKOUT.lockMs)).toBeNull();
    // Five failures spread over more than 15 minutes never lock.
    expect(accountLockedUntil([0, 4, 8, 12, 16].map((m) => t0 + m * MIN), t0 + 17 * MIN)).toBeNull();
  });
});

// Each attempt runs bcrypt (cost 11): allow for a busy machine.
describe('signInWithPassword', { timeout: 180_000 }, () => {
  it('signs in with the right password and audits the success', async () => {
    const user = await createTestUser(database, 'leader');
    const outcome = await signInWithPassword(database, { username: user.username, password: TEST_PASSWORD, ip: '192.0.2.1' });
    expect(outcome).toMatchObject({ ok: true, user: { id: user.id, role: 'leader' } });
    const entries = (await auditEntries(database, 'auth.login')).filter((e) => e.target === user.username);
    expect(entries.at(-1)).toMatchObject({ actor: `user:${user.id}`, outcome: 'success', ip: '192.0.2.1' });
  });

  it('locks an account after 5 failures in 15 minutes, refuses even the right password, and unlocks after 15 minutes', async () => {
    const user = await createTestUser(database, 'assessor');
    const now = Date.now();
    const ip = freshIp();
    const outcomes = await failTimes(user.username, 5, ip, now);
    expect(outcomes.slice(0, 4).map((o) => !o.ok && o.reason)).toEqual(['invalid', 'invalid', 'invalid', 'invalid']);
    expect(outcomes[4]).toEqual({ ok: false, reason: 'locked' });
    expect(await signInWithPassword(database, { username: user.username, password: TEST_PASSWORD, ip: freshIp() }, now + 10 * MIN)).toEqual({ ok: false, reason: 'locked' });
    const [row] = await database.query<{ locked_until: Date }>('select locked_until from users where id = $1', [user.id]);
    expect(new Date(row.locked_until).getTime()).toBe(now + 4000 + LOCKOUT.lockMs);
    // 15 minutes after the 5th failure the lock is over.
    const after = now + 4000 + LOCKOUT.lockMs + 1000;
    expect(await signInWithPassword(database, { username: user.username, password: TEST_PASSWORD, ip: freshIp() }, after)).toMatchObject({ ok: true });
  });

  it('answers an unknown account exactly like a real one, lock included', async () => {
    const real = await createTestUser(database, 'leader');
    const now = Date.now();
    const forReal = await failTimes(real.username, 6, freshIp(), now);
    const forGhost = await failTimes(`ghost-${real.username}`, 6, freshIp(), now);
    expect(forGhost).toEqual(forReal);
    expect(forGhost.at(-1)).toEqual({ ok: false, reason: 'locked' });
  });

  it('refuses a disabled account with the same answer as a wrong password', async () => {
    const user = await createTestUser(database, 'auditor', { active: false });
    expect(await signInWithPassword(database, { username: user.username, password: TEST_PASSWORD, ip: freshIp() })).toEqual({ ok: false, reason: 'invalid' });
    const last = (await auditEntries(database, 'auth.login')).at(-1)!;
    expect(last).toMatchObject({ actor: `anonymous:${user.username}`, outcome: 'failure' });
    expect(JSON.parse(last.payload)).toMatchObject({ reason: 'disabled' });
  });

  it('throttles one address after 20 failures, whatever accounts it tries, without locking them', async () => {
    const ip = freshIp();
    const now = Date.now();
    const victim = await createTestUser(database, 'leader');
    // 20 failures spread over 5 names: 4 each, so no account reaches the lock.
    for (let i = 0; i < LOCKOUT.ipFailures; i++) {
      const outcome = await signInWithPassword(database, { username: `spray-${ip}-${i % 5}`, password: 'Wrong-password-1', ip }, now + i);
      expect(outcome).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await signInWithPassword(database, { username: victim.username, password: TEST_PASSWORD, ip }, now + 100)).toEqual({ ok: false, reason: 'throttled' });
    // The victim is not locked: from another address it signs in at once.
    expect(await signInWithPassword(database, { username: victim.username, password: TEST_PASSWORD, ip: freshIp() }, now + 200)).toMatchObject({ ok: true });
    // The address may try again once its failures are 15 minutes old.
    expect(await signInWithPassword(database, { username: victim.username, password: TEST_PASSWORD, ip }, now + LOCKOUT.ipWindowMs + 1000)).toMatchObject({ ok: true });
  });

  it('audits every attempt, refused ones included', async () => {
    const before = (await auditEntries(database, 'auth.login')).length;
    const user = await createTestUser(database, 'leader');
    const now = Date.now();
    await failTimes(user.username, 6, freshIp(), now); // 5 failures + 1 refused while locked
    const entries = (await auditEntries(database, 'auth.login')).slice(before);
    expect(entries).toHaveLength(6);
    expect(entries.every((e) => e.outcome === 'failure' && e.target === user.username)).toBe(true);
    expect(JSON.parse(entries[5].payload)).toMatchObject({ reason: 'account_locked' });
  });

  it('an admin password reset unlocks the account', async () => {
    const user = await createTestUser(database, 'leader');
    const now = Date.now() + 1000; // after the account's password_changed_at
    await failTimes(user.username, 5, freshIp(), now);
    expect(await signInWithPassword(database, { username: user.username, password: TEST_PASSWORD, ip: freshIp() }, now + 10_000)).toEqual({ ok: false, reason: 'locked' });
    await new Promise((r) => setTimeout(r, 50)); // the reset must happen after those failures
    await resetPassword(database, CLI, user.id, 'Brand-new-pass-9');
    const [{ changed }] = await database.query<{ changed: Date }>('select password_changed_at as changed from users where id = $1', [user.id]);
    expect(await signInWithPassword(database, { username: user.username, password: 'Brand-new-pass-9', ip: freshIp() }, new Date(changed).getTime() + 1000)).toMatchObject({ ok: true });
  });
});
