// Single sign-on maps to existing users only, and links only accounts the security officer
// provisioned: by stored subject, or once by username when the officer allowed it (then the
// subject is stored); never by preferred_username alone, never to a disabled or locked user
// or another subject's account, and a role that needs a second factor only with the
// provider's word (amr) that it used more than one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/types';
import { allowOidcLink, linkOidcUser, multiFactorAtProvider } from '@/lib/auth/oidc';
import { auditEntries, createTestUser, principalOf } from './support/auth';
import { createTestDatabase } from './support/db';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const reasons = async () => (await auditEntries(database, 'auth.login')).filter((e) => e.outcome === 'failure').map((e) => JSON.parse(e.payload).reason);

describe('linkOidcUser', () => {
  it('does not link by preferred_username alone', async () => {
    const user = await createTestUser(database, 'leader');
    expect(await linkOidcUser(database, { subject: 'sub-0', username: user.username, ip: null })).toBeNull();
    expect((await reasons()).at(-1)).toBe('no_matching_user');
    const [row] = await database.query<{ oidc_subject: string | null }>('select oidc_subject from users where id = $1', [user.id]);
    expect(row.oidc_subject).toBeNull();
  });

  it('links by username once the officer allowed it, then signs in by subject even after a rename at the provider', async () => {
    const officer = await createTestUser(database, 'security');
    const user = await createTestUser(database, 'leader');
    await allowOidcLink(database, principalOf(officer), user.id, '192.0.2.4');
    expect((await auditEntries(database, 'user.oidc_provision')).at(-1)).toMatchObject({ actor: `user:${officer.id}`, target: user.username });
    expect(await linkOidcUser(database, { subject: 'sub-1', username: user.username, ip: '192.0.2.5' })).toMatchObject({ id: user.id });
    expect((await auditEntries(database, 'user.oidc_link')).at(-1)).toMatchObject({ target: user.username });
    expect(await linkOidcUser(database, { subject: 'sub-1', username: 'renamed', ip: null })).toMatchObject({ id: user.id });
    expect((await auditEntries(database, 'auth.login')).at(-1)).toMatchObject({ actor: `user:${user.id}`, outcome: 'success' });
    // The permission is used up: another subject with the same name gets nothing.
    expect(await linkOidcUser(database, { subject: 'sub-1b', username: user.username, ip: null })).toBeNull();
  });

  it('refuses unknown identities, disabled and locked users', async () => {
    const officer = principalOf(await createTestUser(database, 'security'));
    expect(await linkOidcUser(database, { subject: 'sub-unknown', username: 'nobody', ip: null })).toBeNull();
    const disabled = await createTestUser(database, 'assessor', { active: false });
    await allowOidcLink(database, officer, disabled.id);
    expect(await linkOidcUser(database, { subject: 'sub-2', username: disabled.username, ip: null })).toBeNull();
    const locked = await createTestUser(database, 'assessor');
    await allowOidcLink(database, officer, locked.id);
    await linkOidcUser(database, { subject: 'sub-3', username: locked.username, ip: null });
    await database.query(`update users set locked_until = now() + interval '10 minutes' where id = $1`, [locked.id]);
    expect(await linkOidcUser(database, { subject: 'sub-3', username: locked.username, ip: null })).toBeNull();
    expect((await reasons()).slice(-3)).toEqual(['no_matching_user', 'disabled', 'account_locked']);
  });

  it('signs in a role that needs a second factor only when the provider used more than one', async () => {
    const officer = principalOf(await createTestUser(database, 'security'));
    const auditor = await createTestUser(database, 'auditor');
    await allowOidcLink(database, officer, auditor.id);
    expect(await linkOidcUser(database, { subject: 'sub-5', username: auditor.username, ip: null, amr: ['pwd'] })).toBeNull();
    expect((await reasons()).at(-1)).toBe('second_factor_required');
    expect(await linkOidcUser(database, { subject: 'sub-5', username: auditor.username, ip: null, amr: ['pwd', 'otp'] })).toMatchObject({ id: auditor.id });
    expect(multiFactorAtProvider(['mfa'])).toBe(true);
    expect(multiFactorAtProvider('mfa')).toBe(false);
  });
});
