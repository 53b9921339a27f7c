'use server';
// Server action of /admin/appeals: accept (optionally correcting a value) or reject an appeal.
import { decideAppeal } from '@/lib/appeals/service';
import { fill } from '@/lib/i18n';
import { getI18n } from '@/lib/i18n/server';
import { formId, formNumber, formText, runCycleAction, type CycleActionState } from '@/lib/edge/action';

const PATHS = ['/admin/appeals', '/admin/periods', '/assessment', '/rankings', '/me'];

export async function decideAppealAction(_prev: CycleActionState, form: FormData): Promise<CycleActionState> {
  const { t } = await getI18n();
  return runCycleAction('appeals:decide', PATHS, async (database, ctx) => {
    const id = formId(form);
    // The service refuses anything but accept or reject with a readable message.
    const decision = formText(form, 'decision') as 'accept' | 'reject';
    const month = formText(form, 'month');
    const correction = decision === 'accept' && month ? { month, indicator: formText(form, 'indicator') || null, value: formNumber(form, 'value') } : null;
    const result = await decideAppeal(database, ctx, id, { decision, reason: formText(form, 'reason'), correction });
    const c = result.correction;
    const detail = c ? ` ${fill(t.appeals.corrected, { month: c.month, indicator: c.indicator, previous: c.previous ?? '—', value: c.value })}` : '';
    return { ok: fill(t.appeals.decided, { id }) + detail };
  });
}
