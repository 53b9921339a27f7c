// Managing users: create (password policy, department rules), disable/enable, role and
// department, password reset. The security officer only (三员分立), audited in the same transaction,
// never a password in the log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/types';
import { CLI, type Principal } from '@/lib/auth/principal';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { createUser, listUsers, resetPassword, setUserActive, setUserRole } from '@/lib/auth/users';
import { auditEntries, createTestUser, ensureDepartment, principalOf, startTestSession } from './support/auth';
import { useTestDatabase } from './support/db';

let database: Database;
let admin: Principal; // the security officer: the one who manages accounts
beforeAll(async () => {
  database = await useTestDatabase();
  await ensureDepartment(database, 'GAT');
  admin = principalOf(await createTestUser(database, 'security'));
});
afterAll(() => database.close());

const PASSWORD = 'Strong-pass-2026';

describe('users service', () => {
  it('creates a user who can then sign in; audited without the password', async () => {
    const { id } = await createUser(database, admin, { username: 'wang.dept', displayName: '王专员', role: 'department', departmentCode: 'GAT', password: PASSWORD }, '192.0.2.10');
    expect((await listUsers(database)).find((u) => u.id === id)).toMatchObject({ username: 'wang.dept', role: 'department', departmentCode: 'GAT', active: true });
    expect(await signInWithPassword(database, { username: 'wang.dept', password: PASSWORD, ip: '192.0.2.10' })).toMatchObject({ ok: true });
    const entry = (await auditEntries(database, 'user.create')).at(-1)!;
    expect(entry).toMatchObject({ actor: `user:${admin.kind === 'user' ? admin.id : 0}`, target: 'wang.dept', ip: '192.0.2.10' });
    expect(entry.payload).not.toContain(PASSWORD);
  });

  it('enforces the password policy, department rules and unique names', async () => {
    await expect(createUser(database, admin, { username: 'weak', role: 'leader', password: 'short1' })).rejects.toMatchObject({ status: 400 });
    await expect(createUser(database, admin, { username: 'nodept', role: 'department', password: PASSWORD })).rejects.toThrow(/须指定所属部门/);
    await expect(createUser(database, admin, { username: 'baddept', role: 'department', departmentCode: 'NOPE', password: PASSWORD })).rejects.toMatchObject({ status: 400 });
    await expect(createUser(database, admin, { username: 'WANG.DEPT', role: 'leader', password: PASSWORD })).rejects.toMatchObject({ status: 409 });
    await expect(createUser(database, admin, { username: 'bad name!', role: 'leader', password: PASSWORD })).rejects.toThrow(/用户名/);
    // A department is kept only for department users.
    const { id } = await createUser(database, admin, { username: 'li.leader', role: 'leader', departmentCode: 'GAT', password: PASSWORD });
    expect((await listUsers(database)).find((u) => u.id === id)!.departmentCode).toBeNull();
  });

  it('disables and enables, sets role and department, resets passwords: each audited and ending the user\'s sessions', async () => {
    const user = await createTestUser(database, 'leader');
    const endedBy = async (change: () => Promise<void>) => {
      const id = await startTestSession(database, user);
      await change();
      return (await database.query<{ end_reason: string | null }>('select end_reason from sessions where id = $1', [id]))[0].end_reason;
    };
    const officer = `user:${admin.kind === 'user' ? admin.id : 0}`;
    expect(await endedBy(() => setUserActive(database, admin, user.id, false))).toBe('disabled');
    await setUserActive(database, admin, user.id, true);
    expect(await endedBy(() => setUserRole(database, admin, user.id, { role: 'department', departmentCode: 'GAT' }))).toBe('role');
    expect(await endedBy(() => resetPassword(database, admin, user.id, 'Another-pass-77'))).toBe('password');
    expect((await database.query<{ ended_by: string }>('select distinct ended_by from sessions where user_id = $1', [user.id])).map((r) => r.ended_by)).toEqual([officer]);
    expect((await auditEntries(database, 'user.disable')).at(-1)!.target).toBe(user.username);
    expect((await auditEntries(database, 'user.enable')).at(-1)!.target).toBe(user.username);
    expect(JSON.parse((await auditEntries(database, 'user.role')).at(-1)!.payload)).toMatchObject({ from: { role: 'leader' }, to: { role: 'department', department: 'GAT' } });
    const reset = (await auditEntries(database, 'user.password_reset')).at(-1)!;
    expect(reset.payload).not.toContain('Another-pass-77');
    expect(await signInWithPassword(database, { username: user.username, password: 'Another-pass-77', ip: '192.0.2.11' })).toMatchObject({ ok: true, user: { role: 'department' } });
  });

  it('refuses everyone but the security officer (and the CLI), who cannot disable or change the role of themselves', async () => {
    const target = await createTestUser(database, 'leader');
    for (const role of ['admin', 'leader', 'assessor', 'auditor', 'department'] as const) {
      const p = principalOf(await createTestUser(database, role));
      await expect(createUser(database, p, { username: `x-${role}`, role: 'admin', password: PASSWORD })).rejects.toMatchObject({ status: 403 });
      await expect(setUserActive(database, p, target.id, false)).rejects.toMatchObject({ status: 403 });
      await expect(setUserRole(database, p, target.id, { role: 'admin' })).rejects.toMatchObject({ status: 403 });
      await expect(resetPassword(database, p, target.id, PASSWORD)).rejects.toMatchObject({ status: 403 });
    }
    const self = admin.kind === 'user' ? admin.id : 0;
    await expect(setUserActive(database, admin, self, false)).rejects.toMatchObject({ status: 400 });
    await expect(setUserRole(database, admin, self, { role: 'leader' })).rejects.toMatchObject({ status: 400 });
    await expect(setUserRole(database, admin, self, { role: 'admin' })).rejects.toMatchObject({ status: 400 });
    await expect(setUserActive(database, CLI, 999_999, false)).rejects.toMatchObject({ status: 404 });
  });

  it('leaves the user and the log unchanged when a change is refused', async () => {
    const user = await createTestUser(database, 'leader');
    const before = (await auditEntries(database, 'user.role')).length;
    await expect(setUserRole(database, admin, user.id, { role: 'department', departmentCode: 'NOPE' })).rejects.toMatchObject({ status: 400 });
    expect((await listUsers(database)).find((u) => u.id === user.id)!.role).toBe('leader');
    expect((await auditEntries(database, 'user.role')).length).toBe(before);
  });
});
