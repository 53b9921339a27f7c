import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, onPostgres, type TestDatabase } from './support/db';
import { appendAudit, audit, pruneAudit, verifyAuditChain } from '@/lib/audit/log';
import { CLI } from '@/lib/auth/principal';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const entry = (i: number) => ({ actor: CLI, action: 'test.write', target: `T${i}`, outcome: 'success' as const, payload: { i, text: '中文' } });

describe('audit log', () => {
  it('verifies N appends', async () => {
    for (let i = 0; i < 20; i++) await audit(database, entry(i));
    expect(await verifyAuditChain(database, 7)).toMatchObject({ ok: true, count: 20 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE, even to the owner (the runtime role lacks the privilege: tests/db-roles.test.ts)', async () => {
    await database.asOwner(async (owner) => {
      await expect(owner.query(`update audit_log set target = 'x' where id = 1`)).rejects.toThrow(/append-only/);
      await expect(owner.query('delete from audit_log where id = 1')).rejects.toThrow(/append-only/);
      await expect(owner.query('truncate audit_log')).rejects.toThrow(/append-only/);
    });
  });

  it('rolls back with the transaction it belongs to', async () => {
    const before = await verifyAuditChain(database);
    await expect(
      database.transaction(async (tx) => {
        await appendAudit(tx, entry(99));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await verifyAuditChain(database)).toMatchObject({ ok: true, count: before.count });
  });

  it('refuses to prune anything younger than 180 days', async () => {
    await expect(pruneAudit(database, CLI, new Date())).rejects.toThrow(/180 days/);
  });

  it('names the first broken entry after an edit, a deletion or a swap (trigger disabled)', async () => {
    const tamper = async (sqlText: string) => {
      await database.asOwner((owner) => owner.transaction(async (tx) => {
        await tx.query('alter table audit_log disable trigger audit_log_no_update');
        await tx.query(sqlText);
        await tx.query('alter table audit_log enable trigger audit_log_no_update');
      }));
    };
    const ids = (await database.query<{ id: number }>('select id from audit_log order by id')).map((r) => Number(r.id));
    await tamper(`update audit_log set target = 'forged' where id = ${ids[5]}`);
    expect(await verifyAuditChain(database)).toMatchObject({ ok: false, brokenId: ids[5] });
    await tamper(`update audit_log set target = 'T5' where id = ${ids[5]}`);
    expect((await verifyAuditChain(database)).ok).toBe(true);

    await tamper(`delete from audit_log where id = ${ids[8]}`);
    expect(await verifyAuditChain(database)).toMatchObject({ ok: false, brokenId: ids[9] });
  });

  it.runIf(onPostgres())('keeps one linear chain under 50 concurrent audited writes', async () => {
    const fresh = await createTestDatabase();
    try {
      await Promise.all(Array.from({ length: 50 }, (_, i) => audit(fresh, entry(i))));
      expect(await verifyAuditChain(fresh)).toMatchObject({ ok: true, count: 50 });
    } finally {
      await fresh.close();
    }
  });
});
