// Single sign-on maps to existing users only: by stored subject, or the first time by
// username (then the subject is stored); never to a disabled user or another subject's account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/types';
import { linkOidcUser } from '@/lib/auth/oidc';
import { auditEntries, createTestUser } from './support/auth';
import { createTestDatabase } from './support/db';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('linkOidcUser', () => {
  it('links by username the first time, then signs in by subject even after a rename at the provider', async () => {
    const user = await createTestUser(database, 'leader');
    expect(await linkOidcUser(database, { subject: 'sub-1', username: user.username, ip: '192.0.2.5' })).toMatchObject({ id: user.id });
    expect((await auditEntries(database, 'user.oidc_link')).at(-1)).toMatchObject({ target: user.username });
    expect(await linkOidcUser(database, { subject: 'sub-1', username: 'renamed', ip: null })).toMatchObject({ id: user.id });
    expect((await auditEntries(database, 'auth.login')).at(-1)).toMatchObject({ actor: `user:${user.id}`, outcome: 'success' });
  });

  it('refuses unknown identities, disabled users and accounts linked to another subject', async () => {
    expect(await linkOidcUser(database, { subject: 'sub-unknown', username: 'nobody', ip: null })).toBeNull();
    const disabled = await createTestUser(database, 'auditor', { active: false });
    expect(await linkOidcUser(database, { subject: 'sub-2', username: disabled.username, ip: null })).toBeNull();
    const linked = await createTestUser(database, 'assessor');
    await linkOidcUser(database, { subject: 'sub-3', username: linked.username, ip: null });
    expect(await linkOidcUser(database, { subject: 'sub-4', username: linked.username, ip: null })).toBeNull();
    const failures = (await auditEntries(database, 'auth.login')).filter((e) => e.outcome === 'failure').map((e) => JSON.parse(e.payload).reason);
    expect(failures).toEqual(['no_matching_user', 'disabled', 'linked_to_other_subject']);
  });
});
