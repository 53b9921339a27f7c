'use server';
// Server actions of /admin/exemptions: record an incident, decide an exemption request.
import { z } from 'zod';
import { field, runAction, type ActionState } from '@/lib/edge/action';
import type { MessageKey } from '@/lib/http/errors';
import { fill } from '@/lib/i18n';
import { decideExemption, recordIncident } from '@/lib/incidents/service';

const REFRESH = ['/admin/exemptions', '/assessment', '/rankings', '/me'];
const incident = z.object({ department: field.text, occurredOn: field.text, kind: field.text, points: field.number, description: field.text });
const decision = z.object({ id: field.id, decision: z.enum(['grant', 'deny'], { error: () => 'incidents.chooseDecision' satisfies MessageKey }), reason: field.text });

export async function recordIncidentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction({ action: 'incidents:manage', refresh: REFRESH, schema: incident, form }, async ({ input, database, ctx, t }) => {
    const row = await recordIncident(database, ctx, input);
    return { ok: fill(t.incidents.recorded, { id: row.id }) };
  });
}

export async function decideExemptionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction({ action: 'exemptions:decide', refresh: REFRESH, schema: decision, form }, async ({ input, database, ctx, t }) => {
    await decideExemption(database, ctx, input.id, { grant: input.decision === 'grant', reason: input.reason });
    return { ok: fill(t.incidents.decided, { id: input.id }) };
  });
}
