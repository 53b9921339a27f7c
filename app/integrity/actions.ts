'use server';
// Server actions of /integrity: the admin sets a flagged pair's calls aside for a period, or
// revokes a set-aside (lib/integrity/service.ts: audited, refused once the period is finalized).
import { z } from 'zod';
import { field, runAction, type ActionState } from '@/lib/edge/action';
import { fill } from '@/lib/i18n';
import { revokeSetAside, setAsidePair } from '@/lib/integrity/service';

const REFRESH = ['/integrity', '/rankings', '/me', '/assessment'];
const setAside = z.object({ period: field.text, provider: field.text, consumer: field.text, reason: field.text });
const revoke = z.object({ id: field.id, reason: field.text });

export async function setAsideAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction({ action: 'integrity:manage', refresh: REFRESH, schema: setAside, form }, async ({ input, database, ctx, t }) => {
    const row = await setAsidePair(database, ctx, input);
    return { ok: fill(t.integrity.setAsideDone, { id: row.id, provider: row.provider, consumer: row.consumer }) };
  });
}

export async function revokeSetAsideAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction({ action: 'integrity:manage', refresh: REFRESH, schema: revoke, form }, async ({ input, database, ctx, t }) => {
    const row = await revokeSetAside(database, ctx, input.id, { reason: input.reason });
    return { ok: fill(t.integrity.revokeDone, { id: row.id }) };
  });
}
