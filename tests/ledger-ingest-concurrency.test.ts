// Concurrent ledger batches (docs/ingest.md "Ledgers", Concurrent batches): batches on
// different items run side by side; a batch that changes a stored item locks it from its
// checks to its commit; a new item stored by another batch between this one's checks and
// its write makes this one run again, so its checks see that row — no row is lost and no
// state goes back unchecked. A hook before the write holds a batch between its checks and
// its write. Two transactions at once need PostgreSQL (PGlite has one connection): those
// tests run with DATABASE_URL; the bounded retry and the race detection run on both.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ItemsAlreadyStored, LedgerRace, writeRequestRows } from '@/db/queries/ledger-ingest';
import type { Database } from '@/db/types';
import { CLI } from '@/lib/auth/principal';
import { checkUpload, ingestBatch, RACE_ATTEMPTS } from '@/lib/ingest/service';
import { seedBasics } from '@/lib/ingest/test-support';
import type { IngestKind } from '@/lib/ingest/kinds';
import { onPostgres, useTestDatabase } from './support/db';

// Runs before a batch writes, after its checks: given the batch's first row's purpose or note, and
// whether the checks looked the stored items up and locked them (else they assumed none stored).
const hooks = vi.hoisted(() => ({ beforeWrite: null as null | ((tag: string, locked: boolean) => Promise<void> | void) }));
vi.mock('@/db/queries/ledger-ingest', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/db/queries/ledger-ingest')>();
  return {
    ...real,
    writeRequestRows: async (...args: Parameters<typeof real.writeRequestRows>) => {
      await hooks.beforeWrite?.(args[2][0].purpose, args[3] !== null);
      return real.writeRequestRows(...args);
    },
    writeObjectionRows: async (...args: Parameters<typeof real.writeObjectionRows>) => {
      await hooks.beforeWrite?.(args[2][0].note ?? '', args[3] !== null);
      return real.writeObjectionRows(...args);
    },
  };
});

let database: Database;

beforeAll(async () => {
  database = await useTestDatabase();
  await seedBasics(database);
  const catalog = 'resource,provider,name,share_type,legal_basis,update_cycle,published_on,updated_on,status\nGAT-POP,GAT,人口基础信息,conditional,,daily,2026-01-05,2026-01-05,active\n';
  expect((await ingest('catalog', catalog)).status).toBe(201);
});
afterAll(() => database.close());
beforeEach(() => {
  hooks.beforeWrite = null;
});

const REQUESTS = 'request,consumer,provider,resource,purpose,submitted_at,replied_at,decision,reason,delivered_at,rating\n';
const OBJECTIONS = 'objection,consumer,provider,resource,kind,submitted_at,resolved_at,outcome,note\n';
const pending = (id: string, tag: string) => `${REQUESTS}${id},MZT,GAT,GAT-POP,${tag},2026-11-02T09:00:00+08:00,,pending,,,\n`;
const approved = (id: string, tag: string) => `${REQUESTS}${id},MZT,GAT,GAT-POP,${tag},2026-11-02T09:00:00+08:00,2026-11-03T16:00:00+08:00,approved,,,\n`;

function ingest(kind: IngestKind, text: string) {
  return ingestBatch(database, { kind, principal: CLI, upload: { format: 'csv', text, idempotencyKey: null } });
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Holds each tagged batch at its first write (`locked`: its first after locking what it read) until `gates[tag]` says go; later ones pass. */
function holdWrites(gates: Record<string, () => Promise<void>>, { locked = false } = {}) {
  hooks.beforeWrite = async (tag, lockedItems) => {
    if (locked && !lockedItems) return;
    const gate = gates[tag];
    delete gates[tag];
    await gate?.();
  };
}

/** Runs batch A (tag A), then B (tag B) once A passed its checks; both pass their checks before either writes, and B writes once A committed. */
function raced(kind: IngestKind, a: string, b: string) {
  const aChecked = deferred();
  const bothChecked = deferred();
  const aDone = deferred();
  holdWrites({
    A: async () => {
      aChecked.resolve();
      await bothChecked.promise; // B's checks saw no stored row either
    },
    B: async () => {
      bothChecked.resolve();
      await aDone.promise; // A committed: B's insert now meets A's row
    },
  });
  const first = ingest(kind, a).finally(() => aDone.resolve());
  return Promise.all([first, aChecked.promise.then(() => ingest(kind, b))]);
}

/** Holds batch A (tag A) after its checks (`locked`: after those that locked what they read) until `release`. */
function holdA(options: { locked?: boolean } = {}) {
  const aChecked = deferred();
  const release = deferred();
  holdWrites(
    {
      A: async () => {
        aChecked.resolve();
        await release.promise;
      },
    },
    options,
  );
  return { aChecked, release };
}

const stored = async (id: string) =>
  (await database.query<{ decision: string; purpose: string }>(`select decision, purpose from sharing_requests where request = $1`, [id]))[0];
const history = async (id: string) =>
  (await database.query<{ decision: string }>(`select row->>'decision' as decision from ledger_history where ledger = 'request' and item_id = $1 order by id`, [id])).map((h) => h.decision);
/** Sessions of this test database waiting for a lock (a row, a key, an advisory lock). */
const waitingOnLocks = async () =>
  Number((await database.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`))[0].n);

describe.runIf(onPostgres())('two batches at once (PostgreSQL)', () => {
  it('the same new request in two states: the pending one commits first, the approved one runs again and moves it forward', async () => {
    const [first, second] = await raced('requests', pending('RACE-1', 'A'), approved('RACE-1', 'B'));
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(await stored('RACE-1')).toMatchObject({ decision: 'approved', purpose: 'B' });
    expect(await history('RACE-1')).toEqual(['pending']);
  });

  it('the same new request, the approved one first: the pending one runs again and is refused as going back', async () => {
    const [first, second] = await raced('requests', approved('RACE-2', 'A'), pending('RACE-2', 'B'));
    expect(first.status).toBe(201);
    expect(second.status).toBe(422);
    expect(second.body.errors).toEqual([expect.objectContaining({ row: 2, column: 'replied_at' })]);
    expect(await stored('RACE-2')).toMatchObject({ decision: 'approved', purpose: 'A' });
    expect(await history('RACE-2')).toEqual([]);
  });

  it('the same new objection twice at once: neither is lost, the later state wins', async () => {
    const [first, second] = await raced(
      'objections',
      `${OBJECTIONS}OBJ-RACE,MZT,GAT,GAT-POP,accuracy,2026-11-02T10:00:00+08:00,,pending,A\n`,
      `${OBJECTIONS}OBJ-RACE,MZT,GAT,GAT-POP,accuracy,2026-11-02T10:00:00+08:00,2026-11-05T10:00:00+08:00,corrected,B\n`,
    );
    expect([first.status, second.status]).toEqual([201, 201]);
    const [row] = await database.query<{ outcome: string; note: string }>(`select outcome, note from data_objections where objection = 'OBJ-RACE'`);
    expect(row).toEqual({ outcome: 'corrected', note: 'B' });
    const [{ kept }] = await database.query<{ kept: number }>(`select count(*)::int as kept from ledger_history where ledger = 'objection' and item_id = 'OBJ-RACE'`);
    expect(kept).toBe(1);
  });

  it('batches on different requests do not wait for each other', async () => {
    const { aChecked, release } = holdA();
    const first = ingest('requests', pending('SIDE-A', 'A'));
    try {
      await aChecked.promise; // A holds whatever it locks until it commits
      const second = await Promise.race([ingest('requests', pending('SIDE-B', 'B')), new Promise<null>((r) => setTimeout(() => r(null), 10_000))]);
      expect(second?.status).toBe(201); // committed while A is still open
      expect(await stored('SIDE-B')).toBeDefined();
      expect(await stored('SIDE-A')).toBeUndefined();
    } finally {
      release.resolve();
    }
    expect((await first).status).toBe(201);
  });

  it('a batch changing a stored request waits for the batch changing it first, then checks against its state', async () => {
    expect((await ingest('requests', pending('LOCK-1', 'seed'))).status).toBe(201);
    const { aChecked, release } = holdA({ locked: true }); // A met the stored row, then read and locked it
    const first = ingest('requests', approved('LOCK-1', 'A'));
    let second: ReturnType<typeof ingest> | undefined;
    try {
      await aChecked.promise;
      // Pending again: no change from what is stored now, but going back from A's state.
      second = ingest('requests', pending('LOCK-1', 'seed'));
      await vi.waitFor(async () => expect(await waitingOnLocks()).toBe(1), { timeout: 5000 });
    } finally {
      release.resolve();
    }
    expect((await first).status).toBe(201);
    const refused = await second!;
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ row: 2, column: 'replied_at' })]);
    expect(await stored('LOCK-1')).toMatchObject({ decision: 'approved' });
  });

  it('a catalog batch waits for the request batches in flight, and moves the clocks of their new requests', async () => {
    const { aChecked, release } = holdA();
    const first = ingest('requests', pending('CLOCK-1', 'A')); // GAT-POP conditional: reply due in 10 working days
    let catalog: ReturnType<typeof ingest> | undefined;
    try {
      await aChecked.promise;
      catalog = ingest('catalog', 'resource,provider,name,share_type,legal_basis,update_cycle,published_on,updated_on,status\nGAT-POP,GAT,人口基础信息,unconditional,,daily,2026-01-05,2026-11-01,active\n');
      await vi.waitFor(async () => expect(await waitingOnLocks()).toBe(1), { timeout: 5000 });
    } finally {
      release.resolve();
    }
    expect([(await first).status, (await catalog!).status]).toEqual([201, 201]);
    const [{ due }] = await database.query<{ due: string }>(`select to_char(reply_due_on, 'YYYY-MM-DD') as due from sharing_requests where request = 'CLOCK-1'`);
    expect(due).toBe('2026-11-03'); // unconditional from 2026-11-01: 1 working day
  });
});

describe('a race on a new item', () => {
  it('rolls back to before the write and says so when a batch that assumed nothing stored meets a stored request', async () => {
    expect((await ingest('requests', pending('STORED-0', 'seed'))).status).toBe(201);
    const row = (request: string) => ({
      request, consumer: 'MZT', provider: 'GAT', resource: 'GAT-POP', purpose: 'x', submitted_at: '2026-11-02T01:00:00.000Z', replied_at: null,
      decision: 'pending' as const, reason: null, delivered_at: null, rating: null, reply_due_on: '2026-11-16', delivery_due_on: null,
    });
    const after = await database.transaction(async (tx) => {
      await expect(writeRequestRows(tx, 'batch-y', [row('NEW-0'), row('STORED-0')], null)).rejects.toBeInstanceOf(ItemsAlreadyStored);
      return tx.query<{ n: number }>(`select count(*)::int as n from sharing_requests where request in ('NEW-0', 'STORED-0')`); // the transaction still works
    });
    expect(after).toEqual([{ n: 1 }]); // NEW-0 rolled back with the failed write
    expect(await stored('STORED-0')).toMatchObject({ purpose: 'seed' });
  });

  it('is a LedgerRace when a request the checks saw as new is stored when the batch writes it', async () => {
    expect((await ingest('requests', pending('STORED-1', 'seed'))).status).toBe(201);
    const row = {
      request: 'STORED-1', consumer: 'MZT', provider: 'GAT', resource: 'GAT-POP', purpose: 'x', submitted_at: '2026-11-02T01:00:00.000Z', replied_at: null,
      decision: 'pending' as const, reason: null, delivered_at: null, rating: null, reply_due_on: '2026-11-16', delivery_due_on: null,
    };
    await expect(database.transaction((tx) => writeRequestRows(tx, 'batch-x', [row], new Set()))).rejects.toBeInstanceOf(LedgerRace);
    expect(await stored('STORED-1')).toMatchObject({ purpose: 'seed' });
  });

  it(`runs the batch again, at most ${RACE_ATTEMPTS} times in all, then refuses it (409 ledger_conflict) storing nothing`, async () => {
    let attempts = 0;
    hooks.beforeWrite = () => {
      attempts++;
      throw new LedgerRace('request');
    };
    const r = await ingest('requests', pending('NEVER-1', 'x'));
    expect(r).toMatchObject({ status: 409, body: { error: 'ledger_conflict' } });
    expect(attempts).toBe(RACE_ATTEMPTS);
    expect(await stored('NEVER-1')).toBeUndefined();
    const [batch] = await database.query<{ status: string; rows: number }>(`select status, rows from ingest_batches where kind = 'requests' order by created_at desc limit 1`);
    expect(batch).toEqual({ status: 'rejected', rows: 1 });
  });

  it('one that happens once is retried and the batch is stored', async () => {
    let attempts = 0;
    hooks.beforeWrite = () => {
      if (attempts++ === 0) throw new LedgerRace('request');
    };
    expect((await ingest('requests', pending('ONCE-1', 'x'))).status).toBe(201);
    expect(attempts).toBe(2);
    expect(await stored('ONCE-1')).toBeDefined();
  });
});

describe('a batch of stored and new items', () => {
  it('moves the stored ones forward (earlier state kept) and inserts the new ones, in one batch', async () => {
    expect((await ingest('requests', pending('MIX-1', 'seed'))).status).toBe(201);
    const both = approved('MIX-1', 'later') + pending('MIX-2', 'new').slice(REQUESTS.length);
    const r = await ingest('requests', both);
    expect(r.status).toBe(201);
    expect(await stored('MIX-1')).toMatchObject({ decision: 'approved', purpose: 'later' });
    expect(await stored('MIX-2')).toMatchObject({ decision: 'pending', purpose: 'new' });
    expect(await history('MIX-1')).toEqual(['pending']);
    const [{ replaced }] = await database.query<{ replaced: number }>(`select (payload::jsonb->>'replaced')::int as replaced from audit_log where target = $1`, [r.body.batchId]);
    expect(replaced).toBe(1);
  });
});

describe("the upload page's dry run", () => {
  it('checks requests against the stored ones without writing or locking anything', async () => {
    expect((await ingest('requests', approved('DRY-1', 'seed'))).status).toBe(201);
    const dry = (text: string) => checkUpload(database, { kind: 'requests', principal: CLI, upload: { format: 'csv', text, idempotencyKey: null } });
    const back = await dry(pending('DRY-1', 'seed'));
    expect(back.status).toBe(422);
    expect(back.body.errors).toEqual([expect.objectContaining({ row: 2, column: 'replied_at' })]);
    expect(await dry(pending('DRY-2', 'x'))).toMatchObject({ status: 200, body: { ok: true, rows: 1 } });
    expect(await stored('DRY-2')).toBeUndefined();
  });
});
