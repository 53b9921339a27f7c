// The CLI's user, token and audit commands (CONTRACT.md §5), run as real processes on an
// embedded database in a temporary folder. Exit codes: 0 ok, 1 failed check, 2 bad usage.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import type { Database } from '@/db/types';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { principalForToken } from '@/lib/auth/tokens';
import { secretFromUri, totpCode } from '@/lib/auth/totp';

// The CLI seals second factors under AUTH_SECRET; this process must open them with the same one.
process.env.AUTH_SECRET ||= 'sharescore-test-secret-not-for-production-0123456789';

let dir: string;
beforeAll(() => {
  dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ss-cli-')), 'pglite');
});
afterAll(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

function cli(args: string[], input?: string) {
  // Always the embedded database in the temp folder, even when the suite runs on PostgreSQL.
  const env = { ...process.env, PGLITE_DIR: dir, DATABASE_URL: '', DB_DRIVER: 'pglite', POSTGRES_URL: '', AUDIT_CHECKPOINT_KEY: 'cli-test-checkpoint-key-0123456789abcdef' };
  const result = spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/cli.mts', ...args], { input: input ?? '', env, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Opens the CLI's database in this process (the CLI has exited, so the folder is free). */
async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ driver: 'pglite', dir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

// Each run opens the embedded database (seconds each on a busy machine).
describe('cli user / token / audit', { timeout: 240_000 }, () => {
  it('refuses to write to an unmigrated database, then migrates', () => {
    const early = cli(['user', 'add', '--username', 'x1', '--role', 'leader', '--password-stdin'], 'Strong-pass-2026\n');
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/migrate/);
    expect(cli(['migrate']).code).toBe(0);
  });

  it('user add creates a user from a password on stdin, audited as cli', async () => {
    const result = cli(['user', 'add', '--username', 'zhang', '--role', 'admin', '--display-name', '张管理', '--password-stdin'], 'Strong-pass-2026\n');
    expect(result, result.stderr).toMatchObject({ code: 0 });
    expect(result.stdout).toContain('created user zhang');
    const rows = await withDb((db) => db.query<{ role: string; display_name: string; actor: string }>(
      `select u.role, u.display_name, a.actor from users u join audit_log a on a.target = u.username and a.action = 'user.create' where u.username = 'zhang'`,
    ));
    expect(rows).toEqual([{ role: 'admin', display_name: '张管理', actor: 'cli' }]);
  });

  it('user add exits 2 on bad input: weak password, missing stdin flag, unknown role or department, taken name', () => {
    const weak = cli(['user', 'add', '--username', 'li', '--role', 'leader', '--password-stdin'], 'short\n');
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('密码至少 10 个字符');
    expect(cli(['user', 'add', '--username', 'li', '--role', 'leader'], 'Strong-pass-2026').code).toBe(2);
    expect(cli(['user', 'add', '--username', 'li', '--role', 'boss', '--password-stdin'], 'Strong-pass-2026').code).toBe(2);
    expect(cli(['user', 'add', '--username', 'li', '--role', 'department', '--department', 'NOPE', '--password-stdin'], 'Strong-pass-2026').code).toBe(2);
    expect(cli(['user', 'add', '--username', 'zhang', '--role', 'leader', '--password-stdin'], 'Strong-pass-2026').code).toBe(2);
  });

  it('user totp prints a valid otpauth URI once, whose codes sign in; audited as cli; an unknown user exits 2', async () => {
    const result = cli(['user', 'totp', '--username', 'zhang']);
    expect(result, result.stderr).toMatchObject({ code: 0 });
    const uri = result.stdout.trim();
    expect(uri).toMatch(/^otpauth:\/\/totp\/Sharescore:zhang\?(?=.*secret=[A-Z2-7]{32})(?=.*algorithm=SHA1)(?=.*digits=6)(?=.*period=30)/);
    const now = Date.now();
    const outcome = await withDb(async (db) => {
      const withoutCode = await signInWithPassword(db, { username: 'zhang', password: 'Strong-pass-2026', ip: '192.0.2.30' }, now);
      const withCode = await signInWithPassword(db, { username: 'zhang', password: 'Strong-pass-2026', totp: totpCode(secretFromUri(uri), now), ip: '192.0.2.30' }, now);
      const [audit] = await db.query<{ actor: string }>(`select actor from audit_log where action = 'user.totp_enrol' and target = 'zhang'`);
      return { withoutCode, withCode, audit };
    });
    expect(outcome.withoutCode).toEqual({ ok: false, reason: 'totp_required' });
    expect(outcome.withCode).toMatchObject({ ok: true });
    expect(outcome.audit).toEqual({ actor: 'cli' });
    expect(cli(['user', 'totp', '--username', 'nobody-at-all']).code).toBe(2);
    expect(cli(['user', 'totp']).code).toBe(2);
  });

  it('token create prints a working secret once; only its hash is stored', async () => {
    const result = cli(['token', 'create', '--name', 'exchange', '--scopes', 'events:write,scores:read']);
    expect(result, result.stderr).toMatchObject({ code: 0 });
    const secret = result.stdout.trim();
    expect(secret).toMatch(/^ss_\S+$/);
    const principal = await withDb(async (db) => {
      const stored = await db.query<{ token_hash: string }>('select token_hash from api_tokens');
      expect(JSON.stringify(stored)).not.toContain(secret);
      return principalForToken(db, secret);
    });
    expect(principal).toMatchObject({ kind: 'token', name: 'exchange', scopes: ['events:write', 'scores:read'], departmentCode: null });
    const listed = cli(['token', 'list']);
    expect(listed.stdout).toContain('exchange');
    expect(listed.stdout).not.toContain(secret);
    expect(cli(['token', 'create', '--name', 'bad', '--scopes', 'everything']).code).toBe(2);
    expect(cli(['token', 'create', '--name', 'bad', '--scopes', 'scores:read', '--department', 'NOPE']).code).toBe(2);
  });

  it('audit prune deletes sign-in attempts past retention (keeping the last success), audited, and refuses recent dates', async () => {
    await withDb(async (db) => {
      await db.query(
        `insert into login_attempts (username, ip, success, created_at) values
           ('ghost', '10.0.0.9', false, now() - interval '400 days'),
           ('ghost', '10.0.0.9', false, now() - interval '1 day'),
           ('wang', '10.0.0.9', true, now() - interval '300 days')`,
      );
    });
    const before = new Date(Date.now() - 200 * 86_400_000).toISOString().slice(0, 10);
    const pruned = cli(['audit', 'prune', '--before', before]);
    expect(pruned, pruned.stderr).toMatchObject({ code: 0, stdout: `pruned 0 audit entries and 1 sign-in attempts before ${before}\n` });
    const left = await withDb((db) => db.query<{ username: string }>('select username from login_attempts where ip = $1 order by username', ['10.0.0.9']));
    expect(left.map((r) => r.username)).toEqual(['ghost', 'wang']);
    expect(cli(['audit', 'verify']).code).toBe(0);

    const recent = cli(['audit', 'prune', '--before', new Date().toISOString().slice(0, 10)]);
    expect(recent.code).toBe(2);
    expect(recent.stderr).toMatch(/180 days/);
    expect(cli(['audit', 'prune', '--before', 'last-year']).code).toBe(2);
    expect(cli(['audit', 'prune']).code).toBe(2);
  });

  it('audit checkpoint signs the head; verify --checkpoint FILE then finds the newest entry deleted (trigger disabled)', async () => {
    const file = path.join(path.dirname(dir), 'checkpoint.json');
    const made = cli(['audit', 'checkpoint', '--out', file]);
    expect(made, made.stderr).toMatchObject({ code: 0 });
    const signed = JSON.parse(fs.readFileSync(file, 'utf8')) as { headId: number; entryCount: number; mac: string };
    expect(signed.mac).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    const held = cli(['audit', 'verify', '--checkpoint', file]);
    expect(held, held.stderr).toMatchObject({ code: 0 });
    expect(held.stdout).toContain(`ok ${signed.entryCount} entries\ncheckpoint ${file} (entry ${signed.headId}`);
    expect(cli(['audit', 'checkpoint']).stdout).toMatch(/^\{"version":1,.*"mac":"hmac-sha256:/);

    // Keep a copy of the database, cut its newest entry as the owner would, verify, put it back.
    const saved = `${dir}.saved`;
    fs.cpSync(dir, saved, { recursive: true });
    await withDb((db) =>
      db.transaction(async (tx) => {
        await tx.query('alter table audit_log disable trigger audit_log_no_update');
        await tx.query('delete from audit_log where id = $1', [signed.headId]);
        await tx.query('alter table audit_log enable trigger audit_log_no_update');
      }),
    );
    const cut = cli(['audit', 'verify', '--checkpoint', file]);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toContain(`entry ${signed.headId}, the newest at the signed checkpoint`);
    fs.rmSync(dir, { recursive: true });
    fs.renameSync(saved, dir);

    fs.writeFileSync(file, '{"version":1,"headId":"x"}');
    expect(cli(['audit', 'verify', '--checkpoint', file]).code).toBe(2);
    expect(cli(['audit', 'verify', '--checkpoint', path.join(dir, 'missing.json')]).code).toBe(2);
  });

  it('audit verify prints ok N entries, and after tampering exits 1 naming the first broken entry', async () => {
    const count = await withDb(async (db) => Number((await db.query<{ n: number }>('select count(*)::int as n from audit_log'))[0].n));
    expect(count).toBeGreaterThanOrEqual(2);
    const ok = cli(['audit', 'verify']);
    expect(ok, ok.stderr).toMatchObject({ code: 0 });
    expect(ok.stdout).toBe(`ok ${count} entries\n2 stored checkpoints hold\n`); // signed by the test above

    const firstId = await withDb(async (db) => {
      const [{ id }] = await db.query<{ id: number }>('select min(id)::int as id from audit_log');
      await db.transaction(async (tx) => {
        await tx.query('alter table audit_log disable trigger audit_log_no_update');
        await tx.query(`update audit_log set target = 'someone-else' where id = $1`, [id]);
        await tx.query('alter table audit_log enable trigger audit_log_no_update');
      });
      return Number(id);
    });
    const broken = cli(['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`entry ${firstId}`);
    expect(broken.stdout).toBe('');
    expect(cli(['audit', 'check']).code).toBe(2);
  });
});
