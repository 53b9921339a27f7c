'use server';
// Server actions of /assessment: a department files an appeal or requests an
// exemption; anyone who reads periods verifies a finalized snapshot.
import { z } from 'zod';
import { fileAppeal } from '@/lib/appeals/service';
import { verifyPeriod } from '@/lib/assessment/service';
import { boundDepartment } from '@/lib/auth/principal';
import { field, runAction, type ActionState } from '@/lib/edge/action';
import { fill } from '@/lib/i18n';
import { requestExemption } from '@/lib/incidents/service';

const REFRESH = ['/assessment', '/admin/appeals', '/admin/exemptions', '/me', '/requests'];
const ledgerKind = z.string().trim().default('').transform((v) => (v === 'request' || v === 'objection' ? v : null));
const appeal = z.object({ period: field.text, department: field.text, indicator: field.optional, reason: field.text, evidence: field.optional, ledgerKind, ledgerId: field.optional, flag: field.optional });
const exemption = z.object({ id: field.id, justification: field.text });
const period = z.object({ period: field.text });

export async function fileAppealAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction({ action: null, refresh: REFRESH, schema: appeal, form }, async ({ input, database, ctx, t }) => {
    const filed = await fileAppeal(database, ctx, { ...input, department: boundDepartment(ctx.principal) ?? input.department });
    return { ok: fill(t.appeals.filed, { id: filed.id }) };
  });
}

export async function requestExemptionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction({ action: null, refresh: REFRESH, schema: exemption, form }, async ({ input, database, ctx, t }) => {
    await requestExemption(database, ctx, input.id, input.justification);
    return { ok: t.incidents.requested };
  });
}

export async function verifyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction({ action: 'periods:read', refresh: [], schema: period, form }, async ({ input, database, ctx, t }) => {
    const check = await verifyPeriod(database, ctx, input.period);
    if (check.ok) return { ok: fill(t.periodsAdmin.verifyOk, { hash: check.recomputedHash }), hash: check.recomputedHash };
    return {
      error: fill(t.periodsAdmin.verifyFailed, { problem: check.problem ?? '', stored: check.storedHash, recomputed: check.recomputedHash || '—' }),
    };
  });
}
