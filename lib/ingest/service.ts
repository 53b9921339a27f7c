// One batch, all or nothing, in one transaction: replay or refuse a reused
// Idempotency-Key, validate, write with COPY + one set-based statement, create the
// months' period rows, mark the touched scores stale, record the batch and audit it.
//
// Idempotency follows Stripe: keys are scoped to the caller; a key is bound to the
// first *accepted* batch (a rejected body can be corrected and resent under the
// same key, as Stripe does not save results of requests that failed validation);
// the same key and body replays the stored response; another body → 409. Concurrent
// requests with one key queue on a transaction-level advisory lock on the key, so
// the loser runs after the winner commits and replays its response.
//
// Ledger batches on different items run side by side. Requests and objections are checked
// first assuming none is stored (a bulk load's case: no lookup); a write that meets a stored
// item rolls back to before it and the batch is checked against the stored items, locking
// them, and written again. One whose new item a concurrent batch stored in between runs
// again from the start (RACE_ATTEMPTS).
import { randomUUID } from 'node:crypto';
import { sha256 } from '../audit/chain';
import { ItemsAlreadyStored, LedgerRace } from '../../db/queries/ledger-ingest';
import { ensurePeriods } from '../../db/queries/periods';
import { findBatchByKey, insertBatch, lockIdempotencyKey, writeEventRows, writeMetricRows } from '../../db/queries/ingest';
import { markChanged } from '../scores/freshness';
import type { Database, Session } from '../../db/types';
import { appendAudit } from '../audit/log';
import { actorId, type Principal } from '../auth/principal';
import { ApiError, errorBody } from '../http/errors';
import type { Locale } from '../i18n';
import { periodsOfMonths } from '../periods/codes';
import { assertPeriodsWritable } from '../periods/lock';
import type { IngestKind } from './kinds';
import { writeLedgerBatch } from './ledger-write';
import type { Upload } from './upload';
import { validateUpload, type Verdict } from './validate';

export interface IngestRequest {
  kind: IngestKind;
  principal: Principal;
  upload: Upload;
  ip?: string | null;
  locale?: Locale;
  today?: string;
}

export interface IngestOutcome {
  status: number;
  body: Record<string, unknown>;
}

/** At most this many row errors are kept in a rejected batch's stored record (the response has them all). */
const STORED_ERRORS = 200;

export const bodyHash = (kind: IngestKind, upload: Upload) => sha256(`${kind}\n${upload.format}\n${upload.text}`);

/**
 * A ledger batch whose new items a concurrent batch stored first (LedgerRace) runs again,
 * its checks now against those rows: at most this many times in all, then 409.
 */
export const RACE_ATTEMPTS = 5;

export async function ingestBatch(database: Database, req: IngestRequest): Promise<IngestOutcome> {
  const hash = bodyHash(req.kind, req.upload);
  const seen = { rows: 0 };
  for (let attempt = 1; ; attempt++) {
    try {
      return await database.transaction((tx) => ingestOnce(tx, req, hash, seen));
    } catch (err) {
      if (!(err instanceof LedgerRace)) throw err;
      if (attempt === RACE_ATTEMPTS) {
        const error = new ApiError(409, 'ledger_conflict', { key: 'ingest.errors.ledgerConflict', values: { attempts: attempt } });
        return database.transaction((tx) => reject(tx, req, hash, { ok: false, error, rows: seen.rows }));
      }
    }
  }
}

async function ingestOnce(tx: Session, req: IngestRequest, hash: string, seen: { rows: number }): Promise<IngestOutcome> {
  const actor = actorId(req.principal);
  const key = req.upload.idempotencyKey;
  if (key) {
    await lockIdempotencyKey(tx, actor, key);
    const prior = await findBatchByKey(tx, actor, key);
    if (prior && prior.bodyHash === hash) return { status: prior.statusCode, body: { ...(prior.response as object), replayed: true } };
    if (prior) {
      const error = new ApiError(409, 'idempotency_conflict', { key: 'ingest.errors.keyReused' });
      return reject(tx, req, hash, { ok: false, error, rows: 0 });
    }
  }
  const verdict = await validateUpload(tx, { ...req, locale: req.locale ?? 'zh-CN', forWrite: true });
  if (!verdict.ok) return reject(tx, req, hash, verdict);
  seen.rows = verdict.rows.length;
  try {
    return await accept(tx, req, hash, verdict);
  } catch (err) {
    // Checked assuming no item stored, and one is: check again against the stored items, then write.
    if (!(err instanceof ItemsAlreadyStored) || !('lookUp' in verdict) || !verdict.lookUp) throw err;
    const checked = await verdict.lookUp();
    return checked.ok ? accept(tx, req, hash, checked) : reject(tx, req, hash, checked);
  }
}

/** The upload page's dry run: the same checks, nothing written or audited. */
export async function checkUpload(database: Database, req: IngestRequest): Promise<IngestOutcome> {
  const verdict = await validateUpload(database, { ...req, locale: req.locale ?? 'zh-CN' });
  if (!verdict.ok) return { status: verdict.error.status, body: { ...errorBody(verdict.error, req.locale ?? 'zh-CN'), rows: verdict.rows } };
  return { status: 200, body: { ok: true, rows: verdict.rows.length, months: verdict.months } };
}

async function accept(tx: Session, req: IngestRequest, hash: string, verdict: Extract<Verdict, { ok: true }>): Promise<IngestOutcome> {
  // Share-locks the period rows (lib/periods/lock.ts): a finalization that began after
  // validation read them either waits for this batch or makes it a 409 here.
  try {
    await assertPeriodsWritable(tx, verdict.months);
  } catch (err) {
    if (err instanceof ApiError && err.status === 409) return reject(tx, req, hash, { ok: false, error: err, rows: verdict.rows.length });
    throw err;
  }
  const batchId = randomUUID();
  let replaced: number | undefined;
  if (verdict.kind === 'metrics') await writeMetricRows(tx, batchId, verdict.rows);
  else if (verdict.kind === 'events') replaced = await writeEventRows(tx, batchId, verdict.rows);
  if (verdict.kind === 'metrics' || verdict.kind === 'events') {
    const touched = periodsOfMonths(verdict.months);
    await ensurePeriods(tx, touched);
    await markChanged(tx, touched.map((p) => p.code));
  } else {
    // The ledgers create no periods: they mark stale the periods their due days fall in (docs/ingest.md "Ledgers").
    const written = await writeLedgerBatch(tx, batchId, verdict);
    replaced = written.replaced;
    await markChanged(tx, written.periods);
  }
  const body = { batchId, rows: verdict.rows.length, replayed: false };
  await insertBatch(tx, {
    id: batchId,
    kind: req.kind,
    actor: actorId(req.principal),
    idempotencyKey: req.upload.idempotencyKey,
    bodyHash: hash,
    status: 'accepted',
    statusCode: 201,
    rows: verdict.rows.length,
    periods: verdict.months,
    response: body,
  });
  await appendAudit(tx, {
    actor: req.principal,
    action: `ingest.${req.kind}`,
    target: batchId,
    outcome: 'success',
    ip: req.ip,
    payload: { batchId, rows: verdict.rows.length, months: verdict.months, idempotencyKey: req.upload.idempotencyKey, bodyHash: hash, ...(replaced === undefined ? {} : { replaced }) },
  });
  return { status: 201, body };
}

async function reject(tx: Session, req: IngestRequest, hash: string, verdict: Extract<Verdict, { ok: false }>): Promise<IngestOutcome> {
  const batchId = randomUUID();
  const body = { ...errorBody(verdict.error, req.locale ?? 'zh-CN'), batchId };
  const errors = verdict.error.errors ?? [];
  await insertBatch(tx, {
    id: batchId,
    kind: req.kind,
    actor: actorId(req.principal),
    idempotencyKey: null, // a rejected batch does not consume the key
    bodyHash: hash,
    status: 'rejected',
    statusCode: verdict.error.status,
    rows: verdict.rows,
    periods: [],
    response: { ...body, errors: errors.slice(0, STORED_ERRORS), errorCount: errors.length },
  });
  await appendAudit(tx, {
    actor: req.principal,
    action: `ingest.${req.kind}`,
    target: batchId,
    outcome: 'failure',
    ip: req.ip,
    payload: { batchId, rows: verdict.rows, status: verdict.error.status, error: verdict.error.code, errorCount: errors.length, bodyHash: hash },
  });
  return { status: verdict.error.status, body };
}
