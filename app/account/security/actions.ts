'use server';
// Server actions for /account/security: the signed-in user manages their own second factor
// (no can() action: it is their own account; the service checks the current code). One
// action, so the panel that shows the recovery codes stays mounted after each step.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDatabase } from '@/db/client';
import { actionError } from '@/lib/edge/action';
import { ENROLMENT_PATH, requestIp } from '@/lib/auth/guard';
import { beginEnrolment, cancelEnrolment, confirmEnrolment, disableOwnFactor, regenerateRecoveryCodes } from '@/lib/auth/second-factor';
import { getSignedInUser } from '@/lib/auth/session';
import { getI18n } from '@/lib/i18n/server';
import type { FactorActionState } from '@/components/auth/second-factor-panel';

const input = z.object({ op: z.enum(['begin', 'confirm', 'cancel', 'regenerate', 'disable']), code: z.string().max(64).default('') });

export async function secondFactorAction(_prev: FactorActionState, form: FormData): Promise<FactorActionState> {
  const i18n = await getI18n();
  const { t } = i18n;
  const user = await getSignedInUser();
  if (!user) return { error: t.errors.forbidden };
  const parsed = input.safeParse({ op: form.get('op'), code: form.get('code') ?? '' });
  if (!parsed.success) return { error: t.errors.generic };
  const { op, code } = parsed.data;
  const self = user.principal;
  try {
    const database = await getDatabase();
    const ip = await requestIp();
    let state: FactorActionState = {};
    if (op === 'begin') await beginEnrolment(database, self, code, ip);
    else if (op === 'cancel') await cancelEnrolment(database, self);
    else if (op === 'confirm') state = { ok: t.mfa.enrolled, codes: await confirmEnrolment(database, self, code, ip) };
    else if (op === 'regenerate') state = { ok: t.mfa.enrolled, codes: await regenerateRecoveryCodes(database, self, code, ip) };
    else {
      await disableOwnFactor(database, self, code, ip);
      state = { ok: t.mfa.disabled };
    }
    revalidatePath(ENROLMENT_PATH);
    return state;
  } catch (err) {
    return actionError(err, i18n);
  }
}
