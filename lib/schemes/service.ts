// Scheme versions: the active scheme (the highest version; the default ships with
// the code and becomes version 1 on a fresh database), saving a new version with
// a reason, and what each version changed. Saving marks every non-finalized
// period's score cache stale and withdraws published periods, which must then be
// published again; a finalized period keeps the scheme stored in its snapshot.
import type { Database, Session } from '../../db/types';
import { getPeriodRow, publishedPeriodCodes, listPeriodRows } from '../../db/queries/periods';
import {
  ensureSchemeRow,
  insertSchemeVersion,
  listSchemeRows,
  schemeRowById,
  type SchemeRow,
} from '../../db/queries/schemes';
import { auditSuccess } from '../audit/log';
import { ApiError, badRequest, conflict, notFound } from '../http/errors';
import { fill } from '../i18n/index';
import { zhCN } from '../i18n/zh-CN';
import { actorLabel, requireCan, type ActionContext } from '../auth/context';
import { schemeForPeriod as scoredWith } from '../scores/active-scheme';
import { markChanged } from '../scores/freshness';
import { withdrawInTransaction } from '../periods/transitions';
import { defaultScheme, parseScheme, schemeHash, type Scheme } from '../scoring/index';
import { describeChange, diffSchemes, type SchemeChange } from './diff';

export interface StoredScheme {
  id: number;
  version: number;
  /** Open periods starting on or after this day use this version; null: from the start. */
  effectiveFrom: string | null;
  name: string;
  hash: string;
  reason: string | null;
  createdBy: string;
  createdAt: Date;
  scheme: Scheme;
}

const t = zhCN.schemeEditor;

function toStored(row: SchemeRow): StoredScheme {
  const parsed = parseScheme(row.body);
  if (!parsed.ok) throw new Error(`scheme version ${row.version} in the database is invalid: ${parsed.errors[0]}`);
  return { id: row.id, version: row.version, effectiveFrom: row.effectiveFrom ?? null, name: row.name, hash: row.hash, reason: row.reason, createdBy: row.createdBy, createdAt: row.createdAt, scheme: parsed.scheme };
}

/** The active scheme; on a fresh database the default is stored as version 1 first. */
export async function activeScheme(session: Session): Promise<StoredScheme> {
  const row = await ensureSchemeRow(session, { name: defaultScheme.name, body: defaultScheme, hash: schemeHash(defaultScheme), reason: t.defaultReason });
  return toStored(row);
}

export async function schemeOfRow(session: Session, id: number): Promise<StoredScheme> {
  const row = await schemeRowById(session, id);
  if (!row) throw notFound('schemeEditor.errors.unknownVersion', { version: id });
  return toStored(row);
}

/** The scheme a period is scored with (the one rule: lib/scores/active-scheme.ts schemeForPeriod), as its stored version. */
export async function schemeForPeriod(session: Session, period: string): Promise<StoredScheme> {
  const row = await getPeriodRow(session, period);
  const scored = row ? await scoredWith(session, row) : null;
  return scored?.id ? schemeOfRow(session, scored.id) : activeScheme(session);
}

const isIsoDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;

export interface SchemeVersion extends Omit<StoredScheme, 'scheme'> {
  /** What changed against the previous version (empty for version 1). */
  changes: SchemeChange[];
  /** Periods finalized with this version (they keep it forever). */
  finalizedPeriods: string[];
}

/** Every version, newest first, each with its changes against the one before. */
export async function listSchemeVersions(session: Session): Promise<SchemeVersion[]> {
  await activeScheme(session);
  const rows = await listSchemeRows(session);
  const periods = await listPeriodRows(session);
  return rows.map((row, i) => {
    const previous = rows[i + 1];
    return {
      id: row.id,
      version: row.version,
      effectiveFrom: row.effectiveFrom ?? null,
      name: row.name,
      hash: row.hash,
      reason: row.reason,
      createdBy: row.createdBy,
      createdAt: row.createdAt,
      changes: previous ? diffSchemes(previous.body, row.body) : [],
      finalizedPeriods: periods.filter((p) => p.status === 'finalized' && p.schemeId === row.id).map((p) => p.code),
    };
  });
}

export interface SaveSchemeInput {
  body: unknown;
  reason: string;
  /** The version the editor started from; a newer one saved meanwhile → 409. */
  basedOnVersion?: number;
  /** YYYY-MM-DD: open periods starting on or after this day use the new version; null/absent: every period not finalized. */
  effectiveFrom?: string | null;
}

export interface SaveSchemeResult {
  scheme: StoredScheme;
  changes: SchemeChange[];
  /** Published periods withdrawn: they must be published again. */
  withdrawn: string[];
}

/** Validates and stores a new version. Invalid → 422 listing every problem. */
export async function saveScheme(database: Database, ctx: ActionContext, input: SaveSchemeInput): Promise<SaveSchemeResult> {
  requireCan(ctx, 'scheme:manage');
  const reason = input.reason.trim();
  if (!reason) throw badRequest('schemeEditor.errors.reasonRequired');
  if (reason.length > 1000) throw badRequest('schemeEditor.errors.reasonTooLong');
  const effectiveFrom = input.effectiveFrom?.trim() || null;
  if (effectiveFrom !== null && !isIsoDate(effectiveFrom)) throw badRequest('schemeEditor.errors.badEffectiveFrom');
  const parsed = parseScheme(input.body);
  if (!parsed.ok) {
    throw new ApiError(422, 'invalid_scheme', { key: 'schemeEditor.errors.invalid', values: { count: parsed.errors.length, first: parsed.errors[0] } },
      parsed.errors.map((message, i) => ({ row: i + 1, column: 'scheme', message })));
  }
  const scheme = parsed.scheme;
  const hash = schemeHash(scheme);
  return database.transaction(async (tx) => {
    const current = await activeScheme(tx);
    if (input.basedOnVersion !== undefined && input.basedOnVersion !== current.version) {
      throw conflict('schemeEditor.errors.stale', { based: input.basedOnVersion, current: current.version });
    }
    if (hash === current.hash) throw conflict('schemeEditor.errors.unchanged');
    const row = await insertSchemeVersion(tx, { name: scheme.name, body: scheme, hash, reason, effectiveFrom, createdBy: actorLabel(ctx.principal) });
    const changes = diffSchemes(current.scheme, scheme);

    // A published period was shown under the old scheme: withdraw it so it is published again
    // (only those the new version applies to: starting on or after its effective date).
    const withdrawn: string[] = [];
    for (const code of await publishedPeriodCodes(tx, { forUpdate: true })) {
      const period = (await getPeriodRow(tx, code))!;
      if (effectiveFrom !== null && period.startsOn < effectiveFrom) continue;
      await withdrawInTransaction(tx, ctx, period, fill(t.withdrawReason, { version: row.version }));
      withdrawn.push(code);
    }
    const stale = (await listPeriodRows(tx)).filter((p) => p.status !== 'finalized').map((p) => p.code);
    await markChanged(tx, stale);
    await auditSuccess(tx, ctx, 'scheme.save', `v${row.version}`, {
      version: row.version,
      previousVersion: current.version,
      hash,
      reason,
      effectiveFrom,
      changes: changes.slice(0, 50).map(describeChange),
      changeCount: changes.length,
      withdrawnPeriods: withdrawn,
    });
    return { scheme: toStored(row), changes, withdrawn };
  });
}
