'use server';
// A department's own ledger submissions from its page (/departments/{code} and /me): the
// rating of a request it received data for and a data objection (lib/ledgers/submissions.ts).
import { z } from 'zod';
import { field, runAction, type ActionState } from '@/lib/edge/action';
import { fill } from '@/lib/i18n';
import { fileObjection, rateRequest } from '@/lib/ledgers/submissions';

// The service checks ledgers:submit for the user's own department (an 'own' permission).
const REFRESH = ['/me', '/requests', '/catalog'];
const rating = z.object({ request: field.text, rating: field.number });
const objection = z.object({ resource: field.text, kind: field.text, note: field.text });

export async function rateRequestAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction({ action: null, refresh: REFRESH, schema: rating, form }, async ({ input, database, ctx, t }) => {
    const saved = await rateRequest(database, ctx, input);
    return { ok: fill(t.ledgers.ratingSaved, { id: saved.request, rating: saved.rating }) };
  });
}

export async function fileObjectionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction({ action: null, refresh: REFRESH, schema: objection, form }, async ({ input, database, ctx, t }) => {
    const filed = await fileObjection(database, ctx, input);
    return { ok: fill(t.ledgers.objectionFiled, { id: filed.objection, due: filed.dueOn }) };
  });
}
