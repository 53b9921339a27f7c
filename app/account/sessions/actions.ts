'use server';
// Server actions for /account/sessions: a signed-in user ends their own sessions. Whose
// session it is is checked by the service (lib/auth/sessions.ts), which also lets the
// security officer end anyone's.
import { z } from 'zod';
import { endAllSessions, endSession } from '@/lib/auth/sessions';
import { field, noFields, runAction, type ActionState } from '@/lib/edge/action';
import { fill } from '@/lib/i18n';

const REFRESH = ['/account/sessions'];

export async function endOwnSessionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction({ action: null, refresh: REFRESH, schema: z.object({ sessionId: field.text }), form }, async ({ input, database, ctx, t }) => {
    await endSession(database, ctx.principal, input.sessionId, ctx.ip);
    return { ok: t.sessions.ended };
  });
}

export async function endAllOwnSessionsAction(_prev: ActionState): Promise<ActionState> {
  return runAction({ action: null, refresh: REFRESH, schema: noFields }, async ({ database, ctx, t }) => {
    if (ctx.principal.kind !== 'user') return {};
    return { ok: fill(t.sessions.endedAll, { count: await endAllSessions(database, ctx.principal, ctx.principal.id, ctx.ip) }) };
  });
}
