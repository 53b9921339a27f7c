'use server';
// Server actions of /admin/scheme: save a new version (with a reason), and the input
// matrix of the preview period as a draft would roll it up.
import { fill } from '@/lib/i18n';
import { getI18n } from '@/lib/i18n/server';
import { formText, runCycleAction, type CycleActionState } from '@/lib/edge/action';
import type { ScoringInput } from '@/lib/scoring';
import { saveScheme } from '@/lib/schemes/service';
import { draftPreviewInput } from '@/lib/schemes/views';

const PATHS = ['/admin/scheme', '/admin/periods', '/assessment', '/rankings', '/me'];

export async function saveSchemeAction(_prev: CycleActionState, form: FormData): Promise<CycleActionState> {
  const { t } = await getI18n();
  return runCycleAction('scheme:manage', PATHS, async (database, ctx) => {
    let body: unknown;
    try {
      body = JSON.parse(formText(form, 'body'));
    } catch (err) {
      return { error: fill(t.schemeEditor.jsonInvalid, { message: (err as Error).message }) };
    }
    const based = Number(formText(form, 'basedOnVersion'));
    const result = await saveScheme(database, ctx, { body, reason: formText(form, 'reason'), basedOnVersion: Number.isInteger(based) && based > 0 ? based : undefined });
    const version = result.scheme.version;
    return {
      ok: result.withdrawn.length ? fill(t.schemeEditor.savedWithdrawn, { version, periods: result.withdrawn.join('、') }) : fill(t.schemeEditor.saved, { version }),
      hash: result.scheme.hash,
    };
  });
}

export async function previewInputAction(period: string, body: unknown): Promise<{ input?: ScoringInput; error?: string }> {
  const state: { input?: ScoringInput } = {};
  const outcome = await runCycleAction('scheme:manage', [], async (database, ctx) => {
    state.input = await draftPreviewInput(database, ctx, period, body);
    return {};
  });
  return outcome.error ? { error: outcome.error } : { input: state.input };
}
