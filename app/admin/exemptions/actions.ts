'use server';
// Server actions of /admin/exemptions: record an incident, decide an exemption request.
import { fill } from '@/lib/i18n';
import { getI18n } from '@/lib/i18n/server';
import { decideExemption, recordIncident } from '@/lib/incidents/service';
import { formId, formNumber, formText, runCycleAction, type CycleActionState } from '@/lib/edge/action';

const PATHS = ['/admin/exemptions', '/assessment', '/rankings', '/me'];

export async function recordIncidentAction(_prev: CycleActionState, form: FormData): Promise<CycleActionState> {
  const { t } = await getI18n();
  return runCycleAction('incidents:manage', PATHS, async (database, ctx) => {
    const row = await recordIncident(database, ctx, {
      department: formText(form, 'department'),
      occurredOn: formText(form, 'occurredOn'),
      kind: formText(form, 'kind'),
      points: formNumber(form, 'points'),
      description: formText(form, 'description'),
    });
    return { ok: fill(t.incidents.recorded, { id: row.id }) };
  });
}

export async function decideExemptionAction(_prev: CycleActionState, form: FormData): Promise<CycleActionState> {
  const { t } = await getI18n();
  return runCycleAction('exemptions:decide', PATHS, async (database, ctx) => {
    const id = formId(form);
    const decision = formText(form, 'decision');
    if (decision !== 'grant' && decision !== 'deny') return { error: t.incidents.chooseDecision };
    await decideExemption(database, ctx, id, { grant: decision === 'grant', reason: formText(form, 'reason') });
    return { ok: fill(t.incidents.decided, { id }) };
  });
}
