// Signed checkpoints of the audit chain's head (issue 12, item 9b) and /audit's incremental
// check from the newest one (item 6). The tampering is done as the database owner with the
// append-only trigger disabled, which the chain alone cannot see when it cuts the tail or
// re-hashes everything after an edit.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/db';
import { appendAudit, audit, verifyAuditChain, type AuditInput } from '@/lib/audit/log';
import { entryHash, type StoredEntry } from '@/lib/audit/chain';
import * as auditQueries from '@/db/queries/audit';

const realEntriesAfter = auditQueries.auditEntriesAfter;
import { checkpointKey, checkpointText, parseCheckpoint, signCheckpoint } from '@/lib/audit/checkpoint';
import { checkpointIfDue, verifyAndCheckpoint, verifyFromCheckpoint, verifyWithCheckpoints, writeCheckpoint } from '@/lib/audit/verify';
import { CLI } from '@/lib/auth/principal';
import type { Session } from '@/db/types';

const KEY_ENV = 'AUDIT_CHECKPOINT_KEY';
let savedKey: string | undefined;
beforeAll(() => {
  savedKey = process.env[KEY_ENV];
  process.env[KEY_ENV] = 'test-checkpoint-key-0123456789abcdef';
});
afterAll(() => {
  if (savedKey === undefined) delete process.env[KEY_ENV];
  else process.env[KEY_ENV] = savedKey;
});

const MIN = 60_000;
const entry = (i: number): AuditInput => ({ actor: CLI, action: 'test.write', target: `T${i}`, outcome: 'success', payload: { i } });

/** Appends n entries without audit()'s automatic checkpoint; returns all ids in order. */
async function append(database: TestDatabase, n: number, from = 0): Promise<number[]> {
  for (let i = from; i < from + n; i++) await database.transaction((tx) => appendAudit(tx, entry(i)));
  return (await database.query<{ id: number }>('select id from audit_log order by id')).map((r) => Number(r.id));
}

/** A checkpoint of the chain as it is now, signed and stored (what `audit checkpoint` does). */
async function checkpointNow(database: TestDatabase, at = new Date()) {
  const chain = await verifyWithCheckpoints(database);
  if (!chain.ok) throw new Error(chain.reason);
  return writeCheckpoint(database, chain, at);
}

/** Runs SQL as the owner with the append-only trigger off, as the attacker did. */
const tamper = (database: TestDatabase, fn: (owner: Session) => Promise<unknown>) =>
  database.asOwner((owner) =>
    owner.transaction(async (tx) => {
      await tx.query('alter table audit_log disable trigger audit_log_no_update');
      await fn(tx);
      await tx.query('alter table audit_log enable trigger audit_log_no_update');
    }),
  );

/** Edits one entry and re-hashes it and every later entry, so the chain itself verifies. */
async function rewriteFrom(tx: Session, id: number) {
  const rows = await realEntriesAfter(tx, id - 1, Number.MAX_SAFE_INTEGER);
  const [before] = await tx.query<{ hash: string }>('select hash from audit_log where id < $1 order by id desc limit 1', [id]);
  let prev = before.hash;
  for (const e of rows) {
    const changed: StoredEntry = { ...e, target: e.id === id ? 'forged' : e.target, prevHash: prev };
    const hash = entryHash(changed);
    await tx.query('update audit_log set target = $1, prev_hash = $2, hash = $3 where id = $4', [changed.target, prev, hash, e.id]);
    prev = hash;
  }
}

describe('signed checkpoints: audit verify against them', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('an untouched chain with more entries since the checkpoint holds', async () => {
    await append(database, 10);
    const file = parseCheckpoint(checkpointText(await checkpointNow(database)));
    expect(file).toMatchObject({ entryCount: 10 });
    await append(database, 5, 10);
    expect(await verifyWithCheckpoints(database, file)).toMatchObject({ ok: true, count: 15, checkpoints: { matched: 1, unsigned: 0 } });
  });

  it('finds the last N entries deleted after a checkpoint, which the chain alone calls intact', async () => {
    const ids = (await database.query<{ id: number }>('select id from audit_log order by id')).map((r) => Number(r.id));
    const file = await checkpointNow(database);
    expect(file.headId).toBe(ids.at(-1));
    await tamper(database, (tx) => tx.query('delete from audit_log where id > $1', [ids.at(-4)]));
    expect(await verifyAuditChain(database)).toMatchObject({ ok: true, count: ids.length - 3 }); // the bug
    const fromFile = await verifyWithCheckpoints(database, file);
    expect(fromFile).toMatchObject({ ok: false, brokenId: ids.at(-1) });
    expect(fromFile.ok || fromFile.reason).toMatch(/truncated/);
    // The checkpoint the app stored finds it too, without the file.
    expect(await verifyWithCheckpoints(database)).toMatchObject({ ok: false, brokenId: ids.at(-1) });
  });
});

describe('signed checkpoints: rewrites and forgeries', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('finds an entry rewritten with every later hash recomputed', async () => {
    const ids = await append(database, 10);
    const file = await checkpointNow(database);
    await tamper(database, (tx) => rewriteFrom(tx, ids[4]));
    expect((await verifyAuditChain(database)).ok).toBe(true); // re-hashed: the chain alone sees nothing
    const result = await verifyWithCheckpoints(database, file);
    expect(result).toMatchObject({ ok: false, brokenId: ids[9] });
    expect(result.ok || result.reason).toMatch(/rewritten/);
  });

  it('refuses a checkpoint file not signed with the key, and ignores forged stored rows', async () => {
    const file = { ...signCheckpoint({ at: new Date(), entryCount: 3, headId: 1, headHash: 'sha256:x' }, Buffer.from('another-key-another-key-another-key')) };
    expect(await verifyWithCheckpoints(database, file)).toMatchObject({ ok: false, reason: expect.stringMatching(/not signed with this key/) });
    expect(() => parseCheckpoint('{"version":1}')).toThrow(/not a checkpoint file/);
    // Whoever may INSERT (the runtime role) cannot make one that counts.
    await database.query(`insert into audit_checkpoints (at, entry_count, head_id, head_hash, mac) values (now(), 999, 999, 'sha256:x', 'hmac-sha256:00')`);
    // The forged newest row (999 entries) is skipped: /audit starts from the real one and finds the rewrite above.
    expect(await verifyFromCheckpoint(database)).toMatchObject({ ok: false, since: { entryCount: 10 }, reason: expect.stringMatching(/rewritten/) });
    expect(checkpointKey()).toEqual(Buffer.from(process.env[KEY_ENV]!));
    expect(() => checkpointKey({ AUDIT_CHECKPOINT_KEY: 'short' })).toThrow(/at least 32/);
  });
});

describe('/audit: incremental verification from the newest checkpoint', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  /** The database, counting the audit entries its reads return (the chain walk pages through auditEntriesAfter). */
  function counting(session: TestDatabase) {
    const counter = { entries: 0 };
    const read = vi.spyOn(auditQueries, 'auditEntriesAfter');
    read.mockImplementation(async (...args) => {
      const rows = await realEntriesAfter(...args);
      counter.entries += rows.length;
      return rows;
    });
    return { session, counter };
  }
  afterEach(() => vi.restoreAllMocks());

  it('a view verifies only the entries after the newest checkpoint, and signs a new one after 5 minutes', async () => {
    const ids = await append(database, 20);
    const t0 = new Date();
    const first = counting(database);
    expect(await verifyAndCheckpoint(first.session, t0)).toMatchObject({ ok: true, count: 20 });
    expect(first.counter.entries).toBe(20); // no checkpoint yet: the whole chain, then one is signed

    const more = await append(database, 3, 20);
    const view = counting(database);
    const result = await verifyAndCheckpoint(view.session, new Date(t0.getTime() + MIN));
    expect(result).toMatchObject({ ok: true, count: 23, lastId: more.at(-1), since: { headId: ids[19], entryCount: 20 } });
    expect(view.counter.entries).toBe(3);
    expect(await database.query('select head_id from audit_checkpoints order by id')).toHaveLength(1); // under 5 minutes

    await verifyAndCheckpoint(database, new Date(t0.getTime() + 6 * MIN));
    const heads = await database.query<{ head_id: number; entry_count: number }>('select head_id, entry_count from audit_checkpoints order by id');
    expect(heads.map((h) => [Number(h.head_id), Number(h.entry_count)])).toEqual([[ids[19], 20], [more.at(-1), 23]]);
  });

  it('still finds a break after the checkpoint, and a deletion before it', async () => {
    const ids = await append(database, 2, 23); // 25 entries; newest checkpoint at entry 23
    await tamper(database, (tx) => tx.query(`update audit_log set target = 'forged' where id = $1`, [ids[24]]));
    expect(await verifyFromCheckpoint(database)).toMatchObject({ ok: false, brokenId: ids[24] });
    await tamper(database, (tx) => tx.query(`update audit_log set target = 'T24' where id = $1`, [ids[24]]));
    expect(await verifyFromCheckpoint(database)).toMatchObject({ ok: true, count: 25 });

    await tamper(database, (tx) => tx.query('delete from audit_log where id = $1', [ids[5]]));
    const result = await verifyFromCheckpoint(database);
    expect(result).toMatchObject({ ok: false, brokenId: ids[22] });
    expect(result.ok || result.reason).toMatch(/1 of the 23 entries .* are gone/);
  });
});

describe('the app writes a checkpoint every 5 minutes, on an audited write', () => {
  it('audit() signs one when none is fresh, at most once per 5 minutes', async () => {
    const database = await createTestDatabase();
    try {
      await audit(database, entry(1));
      await audit(database, entry(2));
      const count = async () => Number((await database.query<{ n: number }>('select count(*)::int as n from audit_checkpoints'))[0].n);
      expect(await count()).toBe(1);
      await checkpointIfDue(database, new Date(Date.now() + 6 * MIN));
      expect(await count()).toBe(2);
      expect(await verifyWithCheckpoints(database)).toMatchObject({ ok: true, count: 2, checkpoints: { matched: 2 } });
    } finally {
      await database.close();
    }
  });
});
