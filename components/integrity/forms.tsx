'use client';
// The admin's forms on /integrity: set a flagged pair's calls aside for the period, and revoke
// a set-aside; each posts to one server action and announces its outcome.
import { useActionState, useId } from 'react';
import { fill, messages, type Locale } from '@/lib/i18n';
import type { FormAction } from '@/lib/edge/action';
import { ActionMessage, notSubmitted } from '@/components/action-message';

export function SetAsideForm({ locale, period, provider, consumer, submit }: { locale: Locale; period: string; provider: string; consumer: string; submit: FormAction }) {
  const t = messages(locale).integrity;
  const [state, action, pending] = useActionState(submit, notSubmitted);
  const id = useId();
  const names = { provider, consumer };
  return (
    <details>
      <summary>{t.setAside}</summary>
      <form action={action} className="form" aria-label={fill(t.setAsideTitle, names)}>
        <input type="hidden" name="period" value={period} />
        <input type="hidden" name="provider" value={provider} />
        <input type="hidden" name="consumer" value={consumer} />
        <p id={`${id}-hint`} className="muted small">
          {fill(t.setAsideHint, names)}
        </p>
        <label>
          {t.setAsideReason}
          <textarea name="reason" required maxLength={2000} rows={2} aria-describedby={`${id}-hint`} />
        </label>
        <ActionMessage state={state} />
        <button type="submit" className="primary" disabled={pending}>
          {fill(t.setAsideTitle, names)}
        </button>
      </form>
    </details>
  );
}

export function RevokeSetAsideForm({ locale, id: setAside, submit }: { locale: Locale; id: number; submit: FormAction }) {
  const t = messages(locale).integrity;
  const [state, action, pending] = useActionState(submit, notSubmitted);
  return (
    <details>
      <summary>{t.revoke}</summary>
      <form action={action} className="form" aria-label={`${t.revoke} #${setAside}`}>
        <input type="hidden" name="id" value={setAside} />
        <label>
          {t.revokeReason}
          <textarea name="reason" required maxLength={2000} rows={2} />
        </label>
        <ActionMessage state={state} />
        <button type="submit" className="secondary" disabled={pending}>
          {t.revoke}
        </button>
      </form>
    </details>
  );
}
