// Two database roles on PostgreSQL (issue 12, item 9a; docs/security.md "Database roles"):
// the app's runtime role may not delete, truncate or un-trigger the audit log, which only
// the owner (migrations, `audit prune`) can. Runs with TEST_APP_DATABASE_URL (.ci/run sets it).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appDatabaseUrl, createTestDatabase, onRuntimeRole, type TestDatabase } from './support/db';
import { withDatabase } from './support/global-setup';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { audit, pruneAudit, verifyAuditChain } from '@/lib/audit/log';
import { CLI } from '@/lib/auth/principal';

const denied = /permission denied|must be owner/;

describe.runIf(onRuntimeRole())('the runtime role (PostgreSQL)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.close());

  it('is neither a superuser nor the tables\' owner, and is in sharescore_app', async () => {
    const [me] = await database.query<{ user: string; super: boolean; owner: string; member: boolean }>(
      `select current_user as user, (select rolsuper from pg_roles where rolname = current_user) as super,
              (select tableowner from pg_tables where tablename = 'audit_log') as owner, pg_has_role('sharescore_app', 'member') as member`,
    );
    expect(me.super).toBe(false);
    expect(me.owner).not.toBe(me.user);
    expect(me.member).toBe(true);
  });

  it('may INSERT and SELECT audit entries and checkpoints', async () => {
    await audit(database, { actor: CLI, action: 'test.write', outcome: 'success' }); // also signs a checkpoint
    expect(await verifyAuditChain(database)).toMatchObject({ ok: true, count: 1 });
    expect(await database.query('select * from audit_checkpoints')).toHaveLength(1);
  });

  it('may not DELETE, UPDATE, TRUNCATE or disable the trigger: permission denied, not just the trigger', async () => {
    for (const sql of [
      'delete from audit_log',
      `update audit_log set target = 'x'`,
      'truncate audit_log',
      'alter table audit_log disable trigger audit_log_no_update',
      'alter table audit_log disable trigger all',
      'drop trigger audit_log_no_update on audit_log',
      'delete from audit_checkpoints',
      `update audit_checkpoints set head_hash = 'x'`,
      'truncate audit_checkpoints',
      'create or replace function audit_log_guard() returns trigger as $$ begin return old; end $$ language plpgsql',
      'select sharescore_grant_runtime_role()',
    ]) {
      await expect(database.query(sql), sql).rejects.toThrow(denied);
    }
  });

  it('audit prune needs the owner: refused as the runtime role, done as the owner', async () => {
    await database.asOwner((owner) =>
      owner.query(`insert into audit_log (at, actor, actor_type, action, outcome, payload, prev_hash, hash) values (now() - interval '400 days', 'cli', 'cli', 'old', 'success', '{}', 'x', 'y')`),
    );
    const before = new Date(Date.now() - 200 * 86_400_000);
    await expect(pruneAudit(database, CLI, before)).rejects.toThrow(denied);
    expect(await database.asOwner((owner) => pruneAudit(owner, CLI, before))).toBe(1);
  });
});

describe.runIf(onRuntimeRole())('migrations as a database owner that is not a superuser (PostgreSQL)', () => {
  const url = process.env.DATABASE_URL!;
  const owner = `ss_owner_${process.pid}`;
  const name = `ss_ownerdb_${process.pid}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(text).finally(() => client.end());
  };
  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin(`DROP ROLE IF EXISTS ${owner}`);
  });

  it('migrates, grants the runtime role, and the app works as that role', async () => {
    await admin(`CREATE ROLE ${owner} LOGIN NOCREATEROLE`);
    await admin(`CREATE DATABASE ${name} OWNER ${owner}`);
    const ownerUrl = new URL(withDatabase(url, name));
    ownerUrl.username = owner;
    const asOwner = await openDatabase({ driver: 'pg', url: ownerUrl.toString() });
    try {
      await migrateDatabase(asOwner);
    } finally {
      await asOwner.close();
    }
    const app = await openDatabase({ driver: 'pg', url: appDatabaseUrl(name) });
    try {
      await audit(app, { actor: CLI, action: 'test.write', outcome: 'success' });
      await app.query(`insert into departments (code, name) values ('GAT', '公安厅')`);
      await app.query(`update departments set name = '省公安厅' where code = 'GAT'`);
      await expect(app.query('delete from audit_log')).rejects.toThrow(denied);
      await expect(app.query('alter table audit_log disable trigger audit_log_no_update')).rejects.toThrow(denied);
    } finally {
      await app.close();
    }
  });
});
