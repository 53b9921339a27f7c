'use server';
// Server action of /admin/appeals: accept (optionally correcting a value) or reject an appeal.
import { z } from 'zod';
import { decideAppeal } from '@/lib/appeals/service';
import { field, runAction, type ActionState } from '@/lib/edge/action';
import type { MessageKey } from '@/lib/http/errors';
import { fill } from '@/lib/i18n';

const REFRESH = ['/admin/appeals', '/admin/periods', '/assessment', '/rankings', '/me'];
const decision = z.object({
  id: field.id,
  decision: z.enum(['accept', 'reject'], { error: () => 'appeals.errors.badDecision' satisfies MessageKey }),
  reason: field.text,
  month: field.text,
  indicator: field.optional,
  value: field.number,
});

export async function decideAppealAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction({ action: 'appeals:decide', refresh: REFRESH, schema: decision, form }, async ({ input, database, ctx, t }) => {
    const { id, month } = input;
    const correction = input.decision === 'accept' && month ? { month, indicator: input.indicator, value: input.value } : null;
    const result = await decideAppeal(database, ctx, id, { decision: input.decision, reason: input.reason, correction });
    const c = result.correction;
    const detail = c ? ` ${fill(t.appeals.corrected, { month: c.month, indicator: c.indicator, previous: c.previous ?? '—', value: c.value })}` : '';
    return { ok: fill(t.appeals.decided, { id }) + detail };
  });
}
