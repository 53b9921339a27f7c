'use server';
// Server actions of /admin/scheme: save a new version (with a reason), and the input
// matrix of the preview period as a draft would roll it up.
import { z } from 'zod';
import { field, noFields, runAction, type ActionState } from '@/lib/edge/action';
import { fill } from '@/lib/i18n';
import type { ScoringInput } from '@/lib/scoring';
import { saveScheme } from '@/lib/schemes/service';
import { draftPreviewInput } from '@/lib/schemes/views';

const REFRESH = ['/admin/scheme', '/admin/periods', '/assessment', '/rankings', '/me'];
const saved = z.object({ body: field.text, reason: field.text, effectiveFrom: field.optional, basedOnVersion: field.id.transform((v) => (v > 0 ? v : undefined)) });

export async function saveSchemeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction({ action: 'scheme:manage', refresh: REFRESH, schema: saved, form }, async ({ input, database, ctx, t }) => {
    let body: unknown;
    try {
      body = JSON.parse(input.body);
    } catch (err) {
      return { error: fill(t.schemeEditor.jsonInvalid, { message: err instanceof Error ? err.message : String(err) }) };
    }
    const result = await saveScheme(database, ctx, { body, reason: input.reason, effectiveFrom: input.effectiveFrom, basedOnVersion: input.basedOnVersion });
    const version = result.scheme.version;
    return {
      ok: result.withdrawn.length ? fill(t.schemeEditor.savedWithdrawn, { version, periods: result.withdrawn.join('、') }) : fill(t.schemeEditor.saved, { version }),
      hash: result.scheme.hash,
    };
  });
}

export async function previewInputAction(period: string, body: unknown): Promise<{ input?: ScoringInput; error?: string }> {
  const state: { input?: ScoringInput } = {};
  const outcome = await runAction({ action: 'scheme:manage', refresh: [], schema: noFields }, async ({ database, ctx }) => {
    state.input = await draftPreviewInput(database, ctx, period, body);
    return {};
  });
  return outcome.error ? { error: outcome.error } : { input: state.input };
}
