// Password sign-in: lockout after 5 failures in 15 minutes (under any concurrency),
// per-address throttling of verified addresses only, sign-in budgets before the audit write,
// the same answer for unknown and real accounts, and an audit entry for every checked attempt
// (refusals aggregated).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/types';
import { accountLockedUntil, LOCKOUT, SIGN_IN_BUDGET } from '@/lib/auth/lockout';
import { buildAuthOptions } from '@/lib/auth/options';
import { CLI } from '@/lib/auth/principal';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { answerSignIn } from '@/lib/auth/sign-in-response';
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
    expect(await signInWithPassword(database, { username: victim.username, password: TEST_PASSWORD, ip }, now + 100)).toEqual({ ok: false, reason: 'throttled', retryAfter: LOCKOUT.ipWindowMs / 1000 });
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
    // The failures lie 10 minutes in the past (the account is older still), so the reset,
    // stamped with the real clock, follows them however fast the machine signs in: dating
    // them in the future made a fast run reset the password "before" them, and stay locked.
    await database.query("update users set password_changed_at = now() - interval '1 hour' where id = $1", [user.id]);
    const now = Date.now() - 10 * 60 * 1000;
    await failTimes(user.username, 5, freshIp(), now);
    expect(await signInWithPassword(database, { username: user.username, password: TEST_PASSWORD, ip: freshIp() }, now + 10_000)).toEqual({ ok: false, reason: 'locked' });
    await resetPassword(database, CLI, user.id, 'Brand-new-pass-9');
    const [{ changed }] = await database.query<{ changed: Date }>('select password_changed_at as changed from users where id = $1', [user.id]);
    expect(await signInWithPassword(database, { username: user.username, password: 'Brand-new-pass-9', ip: freshIp() }, new Date(changed).getTime() + 1000)).toMatchObject({ ok: true });
  });
});

const auditFor = async (target: string) => (await auditEntries(database, 'auth.login')).filter((e) => e.target === target);
const attemptRows = async (username: string) =>
  (await database.query<{ n: number }>('select count(*)::int as n from login_attempts where username = $1', [username.toLowerCase()]))[0].n;

type Authorize = (credentials: unknown, req: unknown) => Promise<unknown>;
function authorizeWith(env: Record<string, string | undefined>, now: () => number = Date.now): Authorize {
  const options = buildAuthOptions({ database: async () => database, now }, { ...process.env, ...env });
  return (options.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
}
const reasonOf = (p: Promise<unknown>) => p.then(() => 'ok', (err: Error) => err.message);

describe('lockout under concurrency', { timeout: 180_000 }, () => {
  it('refuses the right password sent at once with 12 wrong ones, as locked; only 5 passwords are checked', async () => {
    const user = await createTestUser(database, 'leader');
    const now = Date.now();
    // From 13 addresses, as a botnet would: the account's lock is what must hold.
    const wrong = Array.from({ length: 12 }, () => signInWithPassword(database, { username: user.username, password: 'Wrong-password-1', ip: freshIp() }, now));
    const right = signInWithPassword(database, { username: user.username, password: TEST_PASSWORD, ip: freshIp() }, now);
    const outcomes = await Promise.all([...wrong, right]);
    expect(outcomes.at(-1)).toEqual({ ok: false, reason: 'locked' });
    expect(outcomes.filter((o) => o.ok)).toHaveLength(0);
    expect(await attemptRows(user.username)).toBe(LOCKOUT.accountFailures);
    const checked = (await auditFor(user.username)).filter((e) => JSON.parse(e.payload).reason === 'bad_password');
    expect(checked).toHaveLength(LOCKOUT.accountFailures);
    // Still locked for the whole 15 minutes, then open again.
    expect(await signInWithPassword(database, { username: user.username, password: TEST_PASSWORD, ip: freshIp() }, now + 14 * MIN)).toMatchObject({ reason: 'locked' });
    expect(await signInWithPassword(database, { username: user.username, password: TEST_PASSWORD, ip: freshIp() }, now + LOCKOUT.lockMs + 1000)).toMatchObject({ ok: true });
  });

  it('signs in a right password sent at once with fewer wrong ones than lock the account', async () => {
    const user = await createTestUser(database, 'leader');
    const now = Date.now();
    const outcomes = await Promise.all([
      ...Array.from({ length: 3 }, () => signInWithPassword(database, { username: user.username, password: 'Wrong-password-1', ip: freshIp() }, now)),
      signInWithPassword(database, { username: user.username, password: TEST_PASSWORD, ip: freshIp() }, now),
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([false, false, false, true]);
  });
});

describe('client address', { timeout: 180_000 }, () => {
  it('with no trusted proxy, records the address as unverified and locks per account however the header changes', async () => {
    const authorize = authorizeWith({ TRUSTED_PROXY_HOPS: undefined });
    const user = await createTestUser(database, 'assessor');
    const reasons = [];
    for (let i = 0; i < 6; i++) {
      reasons.push(await reasonOf(authorize({ username: user.username, password: 'Wrong-password-1' }, { headers: { 'x-forwarded-for': `203.0.113.${i}` } })));
    }
    expect(reasons).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'locked', 'locked']);
    const entries = await auditFor(user.username);
    expect(entries.map((e) => e.ip)).toEqual(Array(6).fill(null));
    expect(JSON.parse(entries[0].payload)).toMatchObject({ address: 'unverified', claimedAddress: '203.0.113.0' });
    const ips = await database.query<{ ip: string }>('select distinct ip from login_attempts where username = $1', [user.username.toLowerCase()]);
    expect(ips).toEqual([{ ip: 'unverified' }]);
  });

  it('behind a trusted proxy, throttles the address the proxy saw after 20 failures, whatever the client puts before it', async () => {
    const authorize = authorizeWith({ TRUSTED_PROXY_HOPS: '1' });
    const seen = freshIp();
    const reasons = [];
    for (let i = 0; i < 22; i++) {
      // A new spoofed first hop and a new account each time: 4 per account, so none locks.
      const headers = { 'x-forwarded-for': `198.51.100.${i}, ${seen}` };
      reasons.push(await reasonOf(authorize({ username: `spoof-${seen}-${i % 6}`, password: 'Wrong-password-1' }, { headers })));
    }
    expect(reasons.slice(0, LOCKOUT.ipFailures)).toEqual(Array(LOCKOUT.ipFailures).fill('invalid'));
    expect(reasons.slice(LOCKOUT.ipFailures)).toEqual(['throttled', 'throttled']);
    const [last] = (await auditEntries(database, 'auth.login')).slice(-1);
    expect(last).toMatchObject({ ip: seen });
    expect(JSON.parse(last.payload)).toMatchObject({ reason: 'ip_throttled' });
  });
});

describe('flooding refused sign-ins', { timeout: 180_000 }, () => {
  it('300 refused attempts on one account write a handful of audit entries, counting the rest, and the lock holds', async () => {
    const user = await createTestUser(database, 'leader');
    const now = Date.now();
    const outcomes = [];
    for (let i = 0; i < 300; i++) outcomes.push(await signInWithPassword(database, { username: user.username, password: `Wrong-password-${i}`, ip: null, claimedIp: `203.0.113.${i % 250}` }, now + i * 20));
    const entries = await auditFor(user.username);
    // 5 checked passwords, one entry for the refusals while locked, one for the spent budget.
    expect(entries.map((e) => JSON.parse(e.payload).reason)).toEqual([...Array(5).fill('bad_password'), 'account_locked', 'rate_limited']);
    expect(outcomes.slice(SIGN_IN_BUDGET.perAccount)).toEqual(Array(300 - SIGN_IN_BUDGET.perAccount).fill({ ok: false, reason: 'throttled', retryAfter: expect.any(Number) }));
    // The right password is refused: over budget now, locked in the next minute.
    expect(await signInWithPassword(database, { username: user.username, password: TEST_PASSWORD, ip: null }, now + 6_100)).toMatchObject({ ok: false, reason: 'throttled' });
    expect(await signInWithPassword(database, { username: user.username, password: TEST_PASSWORD, ip: null }, now + 2 * MIN)).toMatchObject({ ok: false, reason: 'locked' });
    // That next minute's entry says how many refusals of its kind went unrecorded before it.
    const later = (await auditFor(user.username)).at(-1)!;
    expect(JSON.parse(later.payload)).toMatchObject({ reason: 'account_locked', repeatsNotRecorded: SIGN_IN_BUDGET.perAccount - 6 });
  });

  it('300 refused attempts from one address over 300 names write at most 20 + 2 audit entries', async () => {
    const ip = freshIp();
    const before = (await auditEntries(database, 'auth.login')).length;
    const now = Date.now();
    for (let i = 0; i < 300; i++) await signInWithPassword(database, { username: `flood-${ip}-${i}`, password: 'Wrong-password-1', ip }, now + i * 20);
    const written = (await auditEntries(database, 'auth.login')).slice(before).map((e) => JSON.parse(e.payload).reason);
    expect(written).toEqual([...Array(LOCKOUT.ipFailures).fill('unknown_user'), 'ip_throttled', 'rate_limited']);
  });

  it('answers a throttled sign-in with 429 and Retry-After (JSON) or a redirect carrying Retry-After (form post)', async () => {
    const authorize = authorizeWith({});
    const user = await createTestUser(database, 'leader');
    // What next-auth does with authorize()'s error: {url} JSON (status 401) for signIn(), a 302 for a plain form.
    const asNextAuth = (json: boolean) => async () => {
      const error = await reasonOf(authorize({ username: user.username, password: 'Wrong-password-1' }, { headers: {} }));
      const url = `http://localhost:3000/api/auth/error?error=${error}`;
      return json ? Response.json({ url }, { status: 401 }) : new Response(null, { status: 302, headers: { Location: url } });
    };
    for (let i = 0; i < SIGN_IN_BUDGET.perAccount; i++) expect((await answerSignIn(asNextAuth(true))).status).toBe(401);
    const throttled = await answerSignIn(asNextAuth(true));
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await throttled.json()) as { url: string }).url).toContain('error=throttled');
    const form = await answerSignIn(asNextAuth(false));
    expect(form.status).toBe(302);
    expect(form.headers.get('location')).toContain('error=throttled');
    expect(Number(form.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('control characters', { timeout: 180_000 }, () => {
  it('refuses a NUL or other control character in the name or password like any wrong attempt, and audits it', async () => {
    const user = await createTestUser(database, 'leader');
    for (const name of [`${user.username}\u0000`, `\u0000${user.username}`, `${user.username}\t\r\n\u007f`]) {
      expect(await signInWithPassword(database, { username: name, password: TEST_PASSWORD, ip: freshIp() })).toEqual({ ok: false, reason: 'invalid' });
      const last = (await auditEntries(database, 'auth.login')).at(-1)!;
      expect(last).toMatchObject({ outcome: 'failure', target: expect.stringContaining('\uFFFD') });
      expect(JSON.parse(last.payload)).toMatchObject({ reason: 'unknown_user' });
    }
    expect(await signInWithPassword(database, { username: user.username, password: `${TEST_PASSWORD}\u0000`, ip: freshIp() })).toEqual({ ok: false, reason: 'invalid' });
    expect(JSON.parse((await auditEntries(database, 'auth.login')).at(-1)!.payload)).toMatchObject({ reason: 'bad_password' });
    // Through next-auth's authorize too: the usual answer, not a server error.
    await expect(authorizeWith({})({ username: 'nul\u0000user', password: 'x\u0000y' }, { headers: {} })).rejects.toThrow(/^invalid$/);
  });
});
