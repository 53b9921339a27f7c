'use server';
// Server actions of /assessment: a department files an appeal or requests an
// exemption; anyone who reads periods verifies a finalized snapshot.
import { fileAppeal } from '@/lib/appeals/service';
import { requestExemption } from '@/lib/incidents/service';
import { fill } from '@/lib/i18n';
import { getI18n } from '@/lib/i18n/server';
import { boundDepartment } from '@/lib/auth/principal';
import { formId, formText, runCycleAction, type CycleActionState } from '@/lib/edge/action';
import { verifyPeriod } from '@/lib/assessment/service';

const PATHS = ['/assessment', '/admin/appeals', '/admin/exemptions', '/me'];

export async function fileAppealAction(_prev: CycleActionState, form: FormData): Promise<CycleActionState> {
  const { t } = await getI18n();
  return runCycleAction(null, PATHS, async (database, ctx) => {
    const appeal = await fileAppeal(database, ctx, {
      period: formText(form, 'period'),
      department: boundDepartment(ctx.principal) ?? formText(form, 'department'),
      indicator: formText(form, 'indicator') || null,
      reason: formText(form, 'reason'),
      evidence: formText(form, 'evidence') || null,
    });
    return { ok: fill(t.appeals.filed, { id: appeal.id }) };
  });
}

export async function requestExemptionAction(_prev: CycleActionState, form: FormData): Promise<CycleActionState> {
  const { t } = await getI18n();
  return runCycleAction(null, PATHS, async (database, ctx) => {
    await requestExemption(database, ctx, formId(form), formText(form, 'justification'));
    return { ok: t.incidents.requested };
  });
}

export async function verifyAction(_prev: CycleActionState, form: FormData): Promise<CycleActionState> {
  const { t } = await getI18n();
  return runCycleAction('periods:read', [], async (database, ctx) => {
    const check = await verifyPeriod(database, ctx, formText(form, 'period'));
    if (check.ok) return { ok: fill(t.periodsAdmin.verifyOk, { hash: check.recomputedHash }), hash: check.recomputedHash };
    return {
      error: fill(t.periodsAdmin.verifyFailed, { problem: check.problem ?? '', stored: check.storedHash, recomputed: check.recomputedHash || '—' }),
    };
  });
}
