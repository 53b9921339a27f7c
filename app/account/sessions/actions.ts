'use server';
// Server actions for /account/sessions: a signed-in user ends their own sessions. Whose
// session it is is checked by the service (lib/auth/sessions.ts), which also lets the
// security officer end anyone's.
import { revalidatePath } from 'next/cache';
import { getDatabase } from '@/db/client';
import { actionFailure, requestIp, type ActionState } from '@/lib/auth/action-support';
import { authorizeAction } from '@/lib/auth/guard';
import { endAllSessions, endSession } from '@/lib/auth/sessions';
import { fill } from '@/lib/i18n';
import { getI18n } from '@/lib/i18n/server';

export async function endOwnSessionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const i18n = await getI18n();
  const auth = await authorizeAction(null);
  if (!auth.ok) return { error: i18n.t.errors.forbidden };
  try {
    await endSession(await getDatabase(), auth.user.principal, String(form.get('sessionId') ?? ''), await requestIp());
    revalidatePath('/account/sessions');
    return { ok: i18n.t.sessions.ended };
  } catch (err) {
    return actionFailure(err, i18n, auth.user.principal, '/account/sessions');
  }
}

export async function endAllOwnSessionsAction(_prev: ActionState): Promise<ActionState> {
  const i18n = await getI18n();
  const auth = await authorizeAction(null);
  if (!auth.ok) return { error: i18n.t.errors.forbidden };
  try {
    const count = await endAllSessions(await getDatabase(), auth.user.principal, auth.user.principal.id, await requestIp());
    revalidatePath('/account/sessions');
    return { ok: fill(i18n.t.sessions.endedAll, { count }) };
  } catch (err) {
    return actionFailure(err, i18n, auth.user.principal, '/account/sessions');
  }
}
