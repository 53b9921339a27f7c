// What /admin/scheme shows: the active scheme, its versions, and the input matrix
// of the preview period (the browser scores it under the current and draft schemes).
import type { Database } from '../../db/types';
import { listPeriodRows, type PeriodRow } from '../../db/queries/periods';
import { requireCan, type ActionContext } from '../auth/context';
import { invalid } from '../http/errors';
import { requirePeriod } from '../periods/rows';
import { loadPeriodInput } from '../scores/recompute';
import { defaultPeriod } from '../periods/rows';
import { parseScheme, type ScoringInput } from '../scoring/index';
import { activeScheme, listSchemeVersions, type SchemeVersion, type StoredScheme } from './service';

export interface SchemeEditorView {
  active: StoredScheme;
  versions: SchemeVersion[];
  periods: PeriodRow[];
  previewPeriod: string | null;
  /** The preview period's matrix as the active scheme rolls it up. */
  previewInput: ScoringInput | null;
  published: string[];
}

export async function schemeEditorView(database: Database, requested: string | undefined): Promise<SchemeEditorView> {
  const active = await activeScheme(database);
  const [versions, periods] = await Promise.all([listSchemeVersions(database), listPeriodRows(database)]);
  // Preview on a period whose scores the change would alter: not a finalized one.
  const candidates = periods.filter((p) => p.status !== 'finalized');
  const chosen = (requested && candidates.find((p) => p.code === requested)) || defaultPeriod(candidates);
  const previewInput = chosen ? await loadPeriodInput(database, chosen.code, active.scheme) : null;
  return {
    active,
    versions,
    periods: candidates,
    previewPeriod: chosen?.code ?? null,
    previewInput: previewInput && previewInput.departments.length ? previewInput : null,
    published: periods.filter((p) => p.status === 'published').map((p) => p.code),
  };
}

/** The preview period's matrix as a draft scheme would roll it up (its indicators and rules). */
export async function draftPreviewInput(database: Database, ctx: ActionContext, period: string, body: unknown): Promise<ScoringInput> {
  requireCan(ctx, 'scheme:manage');
  await requirePeriod(database, period);
  const parsed = parseScheme(body);
  if (!parsed.ok) throw invalid('serverErrors.verbatim', { text: parsed.errors[0] });
  return loadPeriodInput(database, period, parsed.scheme);
}
