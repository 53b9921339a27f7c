// The assessment export of a period for the /assessment page, the API and the
// CLI: a finalized period from its snapshot (carrying the snapshot hash that
// `period verify` confirms), any other from the current scores, marked 草稿.
// Every export is audited.
import type { Database } from '../../db/types';
import { getSnapshot } from '../../db/queries/assessment';
import { auditSuccess } from '../audit/log';
import { actorId } from '../auth/principal';
import { badRequest } from '../http/errors';
import { actorLabel, nowOf, requireCan, type ActionContext } from '../auth/context';
import { refused } from '../http/errors';
import { currentResults } from '../scores/read';
import { requirePeriod } from '../periods/rows';
import { hashOf } from '../audit/chain';
import { adviceSchemeOf, assessmentCells } from '../advice/sentences';
import { assessmentRows, parseScheme, type ScoringResult } from '../scoring/index';
import { schemeForPeriod } from '../schemes/service';
import {
  CONTENT_TYPES,
  contentDisposition,
  documentHash,
  exportFileNames,
  renderCsv,
  renderXlsx,
  type AssessmentDocument,
  type ExportFormat,
} from './render';

export const isExportFormat = (value: unknown): value is ExportFormat => value === 'csv' || value === 'xlsx';

/** The rows and metadata of a period's export (no audit: see exportAssessment). */
export async function loadAssessmentDocument(database: Database, ctx: ActionContext, code: string): Promise<AssessmentDocument> {
  const period = await requirePeriod(database, code);
  const generatedAt = nowOf(ctx);
  const generatedBy = actorLabel(ctx.principal);
  const base = {
    period: period.code,
    periodKind: period.kind,
    status: period.status,
    finalizedAt: period.finalizedAt,
    finalizedBy: period.finalizedBy,
    appealDeadline: period.appealDeadline,
    generatedAt,
    generatedBy,
  };

  if (period.status === 'finalized') {
    const snapshot = await getSnapshot(database, code);
    const stored = snapshot?.scheme as { version?: number; hash?: string; body?: unknown } | undefined;
    const parsed = parseScheme(stored?.body);
    if (!snapshot || !stored || !parsed.ok) throw refused('no_snapshot', 'cycle.errors.noSnapshot', { period: code });
    const rows = assessmentRows(snapshot.result as ScoringResult, parsed.scheme, assessmentCells(adviceSchemeOf(parsed.scheme)));
    return {
      ...base,
      draft: false,
      scheme: { name: parsed.scheme.name, version: stored.version ?? null, hash: stored.hash ?? '', assessmentPoints: parsed.scheme.assessmentPoints },
      snapshotHash: period.snapshotHash ?? snapshot.hash,
      contentHash: hashOf({ period: code, snapshotHash: snapshot.hash, rows }),
      computedAt: snapshot.createdAt,
      rows,
    };
  }

  const scheme = await schemeForPeriod(database, code);
  const current = await currentResults(database, code);
  if (!current || !current.departments.length) throw refused('no_scores', 'cycle.errors.noScores', { period: code });
  const rows = assessmentRows({ departments: current.departments } as ScoringResult, scheme.scheme, assessmentCells(adviceSchemeOf(scheme.scheme)));
  return {
    ...base,
    draft: true,
    scheme: { name: scheme.name, version: scheme.version, hash: scheme.hash, assessmentPoints: scheme.scheme.assessmentPoints },
    snapshotHash: null,
    contentHash: hashOf({ period: code, status: period.status, schemeHash: scheme.hash, rows }),
    computedAt: current.computedAt,
    rows,
  };
}

export interface ExportFile {
  body: Buffer;
  contentType: string;
  fileName: string;
  asciiFileName: string;
  /** The snapshot hash (finalized) or the draft content hash. */
  hash: string;
  draft: boolean;
  status: AssessmentDocument['status'];
  headers: Record<string, string>;
}

/** Renders and audits one export. */
export async function exportAssessment(database: Database, ctx: ActionContext, input: { period: string; format: string }): Promise<ExportFile> {
  requireCan(ctx, 'export');
  if (!isExportFormat(input.format)) throw badRequest('exportFile.badFormat', { format: input.format });
  const doc = await loadAssessmentDocument(database, ctx, input.period);
  const format = input.format;
  const body = format === 'csv' ? Buffer.from(renderCsv(doc), 'utf8') : await renderXlsx(doc);
  const names = exportFileNames(doc, format);
  const hash = documentHash(doc);
  await database.transaction((tx) =>
    auditSuccess(tx, ctx, 'assessment.export', doc.period, {
      period: doc.period,
      format,
      status: doc.status,
      draft: doc.draft,
      hash,
      fileName: names.utf8,
      departments: doc.rows.length - 1,
      by: actorId(ctx.principal),
    }),
  );
  const headers: Record<string, string> = {
    'Content-Type': CONTENT_TYPES[format],
    'Content-Disposition': contentDisposition(names),
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
    'X-Period-Status': doc.status,
    'X-Content-Hash': doc.contentHash,
  };
  if (doc.snapshotHash) headers['X-Snapshot-Hash'] = doc.snapshotHash;
  return { body, contentType: CONTENT_TYPES[format], fileName: names.utf8, asciiFileName: names.ascii, hash, draft: doc.draft, status: doc.status, headers };
}

/** The HTTP response for an export (route handler and page download alike). */
export function exportResponse(file: ExportFile): Response {
  return new Response(new Uint8Array(file.body), { status: 200, headers: file.headers });
}
