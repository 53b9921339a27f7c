// Seeing and ending sessions by hand (issue #12 item 4): a user lists and ends their own,
// the security officer anyone's; nobody else ends someone else's. Each end is audited and
// takes effect on the next request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/types';
import { getPrincipal } from '@/lib/auth/request';
import { endAllSessions, endSession, listLiveSessions } from '@/lib/auth/sessions';
import { auditEntries, cookieFor, createTestUser, principalOf, requestAs, startTestSession } from './support/auth';
import { useTestDatabase } from './support/db';

let database: Database;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.close());

const signedIn = async (cookie: string) => (await getPrincipal(requestAs('/api/v1/scores', { cookie }))) !== null;

describe('a user and their own sessions', () => {
  it('lists only their live sessions, newest first, with address and browser', async () => {
    const user = await createTestUser(database, 'department', { department: 'GAT' });
    const other = await createTestUser(database, 'leader');
    const now = Date.now();
    const older = await startTestSession(database, user, { authTime: now - 60 * 60_000, lastSeen: now - 5 * 60_000 });
    const newer = await startTestSession(database, user);
    await startTestSession(database, user, { authTime: now - 60 * 60_000, lastSeen: now - 31 * 60_000 }); // idle: not listed
    await startTestSession(database, other);
    const listed = await listLiveSessions(database, user.id);
    expect(listed.map((s) => s.id)).toEqual([newer, older]);
    expect(listed[0]).toMatchObject({ ip: '192.0.2.1', userAgent: 'vitest' });
  });

  it('ends one of their own sessions (the other keeps working), then all of them; audited', async () => {
    const user = await createTestUser(database, 'department', { department: 'GAT' });
    const me = principalOf(user);
    const [a, b] = [await startTestSession(database, user), await startTestSession(database, user)];
    await endSession(database, me, a, '198.51.100.4');
    expect(await signedIn(await cookieFor(user, a))).toBe(false);
    expect(await signedIn(await cookieFor(user, b))).toBe(true);
    expect((await auditEntries(database, 'session.end')).at(-1)).toMatchObject({ actor: `user:${user.id}`, target: user.username, ip: '198.51.100.4' });
    expect(await endAllSessions(database, me, user.id)).toBe(1);
    expect(await signedIn(await cookieFor(user, b))).toBe(false);
    await expect(endSession(database, me, a)).rejects.toMatchObject({ status: 404 }); // already ended
  });

  it('a department user cannot end someone else\'s session, one by one or all at once', async () => {
    const officer = principalOf(await createTestUser(database, 'department', { department: 'GAT' }));
    const victim = await createTestUser(database, 'department', { department: 'GAT' });
    const session = await startTestSession(database, victim);
    await expect(endSession(database, officer, session)).rejects.toMatchObject({ status: 403 });
    await expect(endAllSessions(database, officer, victim.id)).rejects.toMatchObject({ status: 403 });
    expect(await signedIn(await cookieFor(victim, session))).toBe(true);
  });

  it('neither can the admin (accounts are the security officer\'s, 三员分立)', async () => {
    const admin = principalOf(await createTestUser(database, 'admin'));
    const victim = await createTestUser(database, 'leader');
    const session = await startTestSession(database, victim);
    await expect(endSession(database, admin, session)).rejects.toMatchObject({ status: 403 });
    await expect(endAllSessions(database, admin, victim.id)).rejects.toMatchObject({ status: 403 });
  });
});

describe('the security officer', () => {
  it('ends another user\'s session, or all of them, at once; audited with who did it', async () => {
    const security = principalOf(await createTestUser(database, 'security'));
    const user = await createTestUser(database, 'leader');
    const [a, b, c] = [await startTestSession(database, user), await startTestSession(database, user), await startTestSession(database, user)];
    await endSession(database, security, a);
    expect(await signedIn(await cookieFor(user, a))).toBe(false);
    expect(await endAllSessions(database, security, user.id, '198.51.100.5')).toBe(2);
    for (const id of [b, c]) expect(await signedIn(await cookieFor(user, id))).toBe(false);
    const rows = await database.query<{ end_reason: string; ended_by: string }>('select end_reason, ended_by from sessions where user_id = $1', [user.id]);
    expect(new Set(rows.map((r) => `${r.end_reason} ${r.ended_by}`))).toEqual(new Set([`ended_by_security user:${security.kind === 'user' ? security.id : 0}`]));
    expect((await auditEntries(database, 'session.end_all')).at(-1)).toMatchObject({ target: user.username, ip: '198.51.100.5' });
    expect(JSON.parse((await auditEntries(database, 'session.end_all')).at(-1)!.payload)).toMatchObject({ ended: 2, reason: 'ended_by_security' });
  });
});
