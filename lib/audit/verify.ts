// The audit chain against its signed checkpoints (lib/audit/checkpoint.ts).
// - verifyWithCheckpoints (the CLI): the whole chain, then every stored checkpoint and
//   optionally one from a file: a truncation or rewrite of what one covers is a failure.
// - verifyFromCheckpoint (/audit): only the entries after the newest signed checkpoint, once
//   its head entry and the count up to it still match.
// - checkpointIfDue: the app signs a new checkpoint of a verified chain when the newest is
//   older than 5 minutes, on an audited write or a view of /audit: no timers (serverless).
import { auditHead, auditHeads, insertCheckpoint, listCheckpoints, prunePayloads } from '../../db/queries/audit';
import type { AuditCheckpointRow } from '../../db/schema';
import type { Session } from '../../db/types';
import type { ChainCheck } from './chain';
import { checkpointKey, checkpointSigned, signCheckpoint, type Checkpoint } from './checkpoint';
import { verifyAuditChain, walkChain } from './log';

export const CHECKPOINT_INTERVAL_MS = 5 * 60_000;
const RECENT_CHECKPOINTS = 50; // an unsigned (forged) row among the newest is skipped, up to this many

type Broken = Extract<ChainCheck, { ok: false }>;
export type CheckpointedCheck = ChainCheck & {
  /** The signed checkpoint the walk started after (incremental), if any. */
  since?: Checkpoint;
  /** Stored checkpoints compared (full check) and those ignored for a wrong signature. */
  checkpoints?: { matched: number; unsigned: number };
};

interface Prune {
  id: number;
  before: Date;
  deleted: number;
}
/** The entry a checkpoint names, as stored now, and how many entries have an id up to it. */
interface HeadNow {
  hash: string;
  n: number;
}

/** null when the chain still holds everything the checkpoint covers; otherwise what changed. */
export function compareWithCheckpoint(cp: Checkpoint, head: HeadNow | undefined, prunes: Prune[]): Omit<Broken, 'ok' | 'count'> | null {
  if (cp.headId === 0) return null; // signed over an empty chain: nothing to lose
  const when = cp.at.toISOString();
  const later = prunes.filter((p) => p.id > cp.headId);
  if (!head) {
    // A prune deletes only entries older than its date: one dated after the checkpoint explains it.
    if (later.some((p) => p.before > cp.at)) return null;
    return { brokenId: cp.headId, reason: `entry ${cp.headId}, the newest at the signed checkpoint of ${when}, is gone (the log was truncated)` };
  }
  if (head.hash !== cp.headHash) {
    return { brokenId: cp.headId, reason: `entry ${cp.headId} no longer has the hash signed at the checkpoint of ${when} (the log was rewritten)` };
  }
  const expected = cp.entryCount - later.reduce((sum, p) => sum + p.deleted, 0);
  if (head.n < expected) {
    return { brokenId: cp.headId, reason: `${expected - head.n} of the ${expected} entries up to ${cp.headId} signed at the checkpoint of ${when} are gone (entries were deleted)` };
  }
  return null;
}

const toCheckpoint = ({ id: _id, ...cp }: AuditCheckpointRow): Checkpoint => cp;

async function prunesAfter(session: Session, id: number): Promise<Prune[]> {
  const rows = await prunePayloads(session, id);
  return rows.map((r) => {
    const p = JSON.parse(r.payload) as { before?: string; deleted?: number };
    return { id: Number(r.id), before: new Date(p.before ?? 0), deleted: Number(p.deleted ?? 0) };
  });
}

/** The whole chain, then each stored checkpoint and `file` (if given) against it. */
export async function verifyWithCheckpoints(session: Session, file?: Checkpoint, givenKey?: Buffer): Promise<CheckpointedCheck> {
  const chain = await verifyAuditChain(session);
  if (!chain.ok) return chain;
  const stored = (await listCheckpoints(session)).map(toCheckpoint);
  if (!file && !stored.length) return { ...chain, checkpoints: { matched: 0, unsigned: 0 } };
  const key = givenKey ?? checkpointKey(); // only now: a chain without checkpoints verifies without a key
  if (file && !checkpointSigned(file, key)) {
    return { ok: false, count: chain.count, brokenId: file.headId, reason: 'the checkpoint file is not signed with this key (another key, or the file was altered)' };
  }
  const signed = stored.filter((c) => checkpointSigned(c, key));
  const all = file ? [file, ...signed] : signed;
  const ids = [...new Set(all.map((c) => c.headId))];
  const heads = await auditHeads(session, ids);
  const prunes = ids.length ? await prunesAfter(session, 0) : [];
  for (const cp of all) {
    const broken = compareWithCheckpoint(cp, heads.get(cp.headId), prunes);
    if (broken) return { ok: false, count: chain.count, ...broken };
  }
  return { ...chain, checkpoints: { matched: signed.length, unsigned: stored.length - signed.length } };
}

/** The newest stored checkpoint signed with `key`, if any among the newest few. */
async function newestSigned(session: Session, key: Buffer): Promise<Checkpoint | undefined> {
  return (await listCheckpoints(session, RECENT_CHECKPOINTS)).map(toCheckpoint).find((c) => checkpointSigned(c, key));
}

/** Verifies only what came after the newest signed checkpoint, once that checkpoint still holds. */
export async function verifyFromCheckpoint(session: Session, key = checkpointKey(), pageSize = 5000): Promise<CheckpointedCheck> {
  const since = await newestSigned(session, key);
  if (!since) return verifyAuditChain(session, pageSize);
  const head = await auditHead(session, since.headId);
  const broken = compareWithCheckpoint(since, head, await prunesAfter(session, since.headId));
  if (broken) return { ok: false, count: head?.n ?? 0, ...broken, since };
  // Signed over an empty chain, or its head since pruned: nothing to start from but the beginning.
  if (!head) return verifyAuditChain(session, pageSize);
  return { ...(await walkChain(session, { id: since.headId, hash: since.headHash, count: Number(head.n) }, pageSize)), since };
}

/** Signs and stores a checkpoint of a chain just verified (ok). */
export async function writeCheckpoint(session: Session, chain: Extract<ChainCheck, { ok: true }>, at = new Date(), key = checkpointKey()): Promise<Checkpoint> {
  const cp = signCheckpoint({ at, entryCount: chain.count, headId: chain.lastId, headHash: chain.lastHash }, key);
  await insertCheckpoint(session, cp);
  return cp;
}

// Per database handle: when this process last knew of a fresh checkpoint, so a busy
// instance asks the database at most once per interval.
const knownFresh = new WeakMap<Session, number>();
const isFresh = (at: number, now: Date) => now.getTime() - at < CHECKPOINT_INTERVAL_MS && at <= now.getTime();

/**
 * /audit's check: incremental from the newest signed checkpoint, and a new checkpoint when
 * that one is over 5 minutes old and the chain verified.
 */
export async function verifyAndCheckpoint(session: Session, now = new Date(), key = checkpointKey()): Promise<CheckpointedCheck> {
  const result = await verifyFromCheckpoint(session, key);
  if (result.ok && !(result.since && isFresh(result.since.at.getTime(), now))) {
    await writeCheckpoint(session, result, now, key);
    knownFresh.set(session, now.getTime());
  }
  return result;
}

/** After an audited write: a new checkpoint if the newest is over 5 minutes old. Never throws. */
export async function checkpointIfDue(session: Session, now = new Date()): Promise<void> {
  const known = knownFresh.get(session);
  if (known !== undefined && isFresh(known, now)) return;
  knownFresh.set(session, now.getTime()); // tried now: a broken chain is not re-walked on every write
  try {
    const key = checkpointKey();
    const newest = await newestSigned(session, key);
    if (newest && isFresh(newest.at.getTime(), now)) {
      knownFresh.set(session, newest.at.getTime());
      return;
    }
    await verifyAndCheckpoint(session, now, key);
  } catch (err) {
    // The audited write itself has committed; a missed checkpoint is retried on the next one.
    console.warn(`[audit] checkpoint not written: ${(err as Error).message}`);
  }
}
