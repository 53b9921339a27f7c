import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';
import { createDepartment, listDepartments, updateDepartment } from '@/lib/departments/service';
import { verifyAuditChain } from '@/lib/audit/log';
import { CLI, type Principal } from '@/lib/auth/principal';
import type { Database } from '@/db/types';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('departments admin service', () => {
  it('creates, renames, re-parents and deactivates, auditing each change', async () => {
    await createDepartment(database, CLI, { code: 'GAT', name: '公安厅' });
    await createDepartment(database, CLI, { code: 'C01-GAJ', name: '呼和浩特市公安局', parentCode: 'GAT', level: 'city' });
    await updateDepartment(database, CLI, 'C01-GAJ', { name: '呼和浩特市公安局（新）', parentCode: 'GAT', level: 'city', active: false });
    expect(await listDepartments(database)).toEqual([
      { code: 'GAT', name: '公安厅', parentCode: null, level: 'province', peerGroup: null, active: true },
      { code: 'C01-GAJ', name: '呼和浩特市公安局（新）', parentCode: 'GAT', level: 'city', peerGroup: null, active: false },
    ]);
    const actions = await database.query<{ action: string }>('select action from audit_log order by id');
    expect(actions.map((a) => a.action)).toEqual(['department.create', 'department.create', 'department.update']);
    expect((await verifyAuditChain(database)).ok).toBe(true);
  });

  it('refuses bad codes, duplicates, unknown or self parents, and unknown departments', async () => {
    await expect(createDepartment(database, CLI, { code: 'bad code!', name: 'x' })).rejects.toThrow(/部门编码/);
    await expect(createDepartment(database, CLI, { code: 'GAT', name: '重复' })).rejects.toMatchObject({ status: 409 });
    await expect(createDepartment(database, CLI, { code: 'NEW', name: '新', parentCode: 'NOPE' })).rejects.toMatchObject({ status: 422 });
    await expect(updateDepartment(database, CLI, 'GAT', { name: '公安厅', parentCode: 'GAT', level: 'province', active: true })).rejects.toMatchObject({ status: 422 });
    await expect(updateDepartment(database, CLI, 'NOPE', { name: 'x', parentCode: null, level: 'province', active: true })).rejects.toMatchObject({ status: 404 });
    expect(await listDepartments(database)).toHaveLength(2);
  });

  it('checks can() like every other service: only the admin (and the CLI) manages departments, the security officer too is refused', async () => {
    const before = (await database.query('select 1 from audit_log')).length;
    for (const role of ['security', 'auditor', 'leader', 'assessor', 'department'] as const) {
      const actor: Principal = { kind: 'user', id: 1, username: role, role, departmentCode: role === 'department' ? 'GAT' : null };
      await expect(createDepartment(database, actor, { code: `X-${role}`, name: '新部门' })).rejects.toMatchObject({ status: 403 });
      await expect(updateDepartment(database, actor, 'GAT', { name: '改名', parentCode: null, level: 'province', active: false })).rejects.toMatchObject({ status: 403 });
    }
    const admin: Principal = { kind: 'user', id: 1, username: 'admin', role: 'admin', departmentCode: null };
    await createDepartment(database, admin, { code: 'NEW', name: '新部门' });
    expect((await listDepartments(database)).map((d) => d.code)).toEqual(['GAT', 'NEW', 'C01-GAJ']);
    expect((await database.query('select 1 from audit_log')).length).toBe(before + 1);
  });
});
