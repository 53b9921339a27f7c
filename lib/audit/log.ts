// Append to and verify the audit log. appendAudit runs inside the caller's
// transaction, so the record commits or rolls back with the change it records;
// an advisory lock serialises appends so the chain stays linear under concurrency.
import { auditEntriesAfter, deleteAuditBefore, insertAuditEntry, lastAuditHash, prunePayloads } from '../../db/queries/audit';
import { lockAuditChain } from '../../db/queries/locks';
import type { Database, Session } from '../../db/types';
import { canonicalJson } from '../scoring/canonical-json';
import { actorId, actorRole, type Actor } from './actor';
import { checkEntries, entryHash, GENESIS, type ChainCheck, type StoredEntry } from './chain';
import { checkpointIfDue } from './verify';

export const RETENTION_DAYS = 180;

/** A prune that would delete records still inside their retention period. */
export class RetentionRefused extends Error {}

export type { Actor };

export interface AuditInput {
  actor: Actor;
  action: string; // e.g. auth.login, ingest.metrics, period.finalize
  target?: string | null;
  outcome: 'success' | 'failure' | 'denied'; // denied: a 403 (lib/auth/denials.ts)
  ip?: string | null;
  payload?: unknown;
}

function describeActor(actor: Actor) {
  if (actor.kind === 'anonymous') return { actor: `anonymous:${actor.username}`, actorType: 'anonymous', role: null };
  return { actor: actorId(actor), actorType: actor.kind, role: actorRole(actor) };
}

export async function appendAudit(tx: Session, input: AuditInput): Promise<StoredEntry> {
  await lockAuditChain(tx);
  const last = await lastAuditHash(tx);
  const fields = {
    at: new Date(),
    ...describeActor(input.actor),
    action: input.action,
    target: input.target ?? null,
    outcome: input.outcome,
    ip: input.ip ?? null,
    payload: canonicalJson(input.payload ?? {}),
    prevHash: last ?? GENESIS,
  };
  const hash = entryHash(fields);
  const id = await insertAuditEntry(tx, { ...fields, hash });
  return { id, ...fields, hash };
}

/** A successful action of a service, by `ctx`'s principal from its address, in the action's own transaction. */
export function auditSuccess(tx: Session, ctx: { principal: Actor; ip?: string | null }, action: string, target: string, payload: unknown): Promise<StoredEntry> {
  return appendAudit(tx, { actor: ctx.principal, ip: ctx.ip, action, target, outcome: 'success', payload });
}

/**
 * Appends in a transaction of its own (for events that change nothing else, e.g. a failed
 * sign-in), then signs a checkpoint of the chain if the last is over 5 minutes old.
 */
export async function audit(database: Database, input: AuditInput): Promise<StoredEntry> {
  const entry = await database.transaction((tx) => appendAudit(tx, input));
  await checkpointIfDue(database);
  return entry;
}

/**
 * Verifies the whole chain, a page at a time. After a prune the first entry's
 * previous hash is not the genesis: it must then be the hash the prune recorded.
 */
export function verifyAuditChain(session: Session, pageSize = 5000): Promise<ChainCheck> {
  return walkChain(session, null, pageSize);
}

/** Where a walk starts: after entry `id`, whose hash is `hash`, with `count` entries up to it. */
export interface WalkStart {
  id: number;
  hash: string;
  count: number;
}

/** Verifies the entries after `start` (from the first entry when null), a page at a time. */
export async function walkChain(session: Session, start: WalkStart | null, pageSize = 5000): Promise<ChainCheck> {
  let afterId = start?.id ?? 0;
  let prev: string | null = start?.hash ?? null;
  let count = start?.count ?? 0;
  for (;;) {
    const entries = await auditEntriesAfter(session, afterId, pageSize);
    if (!entries.length) return { ok: true, count, lastId: afterId, lastHash: prev ?? GENESIS };
    if (prev === null) prev = await chainAnchor(session, entries[0]);
    const result = checkEntries(entries, prev, count, afterId);
    if (!result.ok) return result;
    count = result.count;
    prev = result.lastHash;
    afterId = result.lastId;
  }
}

async function chainAnchor(session: Session, first: StoredEntry): Promise<string> {
  if (first.prevHash === GENESIS) return GENESIS;
  const prunes = await prunePayloads(session);
  const anchored = prunes.some((p) => (JSON.parse(p.payload) as { lastPrunedHash?: string }).lastPrunedHash === first.prevHash);
  return anchored ? first.prevHash : GENESIS;
}

/** Deletes entries older than `before`, never younger than 180 days, and records the prune. */
export async function pruneAudit(database: Database, actor: Actor, before: Date): Promise<number> {
  const floor = new Date(Date.now() - RETENTION_DAYS * 86_400_000);
  if (before > floor) throw new RetentionRefused(`audit entries younger than ${RETENTION_DAYS} days cannot be pruned`);
  return database.transaction(async (tx) => {
    await lockAuditChain(tx);
    const last = await deleteAuditBefore(tx, before);
    if (!last) return 0;
    await appendAudit(tx, { actor, action: 'audit.prune', outcome: 'success', payload: { before: before.toISOString(), deleted: last.n, lastPrunedHash: last.hash } });
    return last.n;
  });
}
