'use client';
// A department's own ledger submissions from its page: the rating of a request it received
// data for, and a data objection against another department's resource. Each posts to a
// server action (app/departments/[code]/ledger-actions.ts) and announces its outcome.
import { useActionState, useId } from 'react';
import { fill, messages, type Locale } from '@/lib/i18n';
import type { FormAction } from '@/lib/edge/action';

import { ActionMessage, notSubmitted } from '@/components/action-message';
import { HintedField } from '@/components/hinted-field';

export function RateForm({ locale, request, rating, submit }: { locale: Locale; request: string; rating: number | null; submit: FormAction }) {
  const t = messages(locale).ledgers;
  const [state, action, pending] = useActionState(submit, notSubmitted);
  return (
    <form action={action} className="inline-form" aria-label={fill(t.rateLabel, { id: request })} data-testid="rate-form">
      <input type="hidden" name="request" value={request} />
      <select name="rating" defaultValue={rating ?? ''} required aria-label={`${fill(t.rateLabel, { id: request })}（${t.ratingScale}）`}>
        <option value="" disabled>
          {t.rate}
        </option>
        {[5, 4, 3, 2, 1].map((n) => (
          <option key={n} value={n}>
            {fill(t.rated, { rating: n })}
          </option>
        ))}
      </select>
      <button type="submit" className="secondary" disabled={pending}>
        {t.rateSubmit}
      </button>
      <ActionMessage state={state} />
    </form>
  );
}

export function ObjectionForm({ locale, resources, submit }: { locale: Locale; resources: Array<{ resource: string; name: string | null; provider: string }>; submit: FormAction }) {
  const t = messages(locale).ledgers;
  const [state, action, pending] = useActionState(submit, notSubmitted);
  const id = useId();
  return (
    <form action={action} className="form" aria-labelledby={`${id}-title`} data-testid="objection-form" key={state.ok ? state.done : undefined}>
      <h3 id={`${id}-title`}>{t.fileObjection}</h3>
      <p className="muted small">{t.fileObjectionNote}</p>
      <HintedField label={t.objectionResource} hint={t.objectionResourceHint} hintId={`${id}-resource-hint`}>
        <input name="resource" required maxLength={128} list={`${id}-resources`} aria-describedby={`${id}-resource-hint`} />
      </HintedField>
      <datalist id={`${id}-resources`}>
        {resources.map((r) => (
          <option key={r.resource} value={r.resource}>
            {r.name ? `${r.name} · ${r.provider}` : r.provider}
          </option>
        ))}
      </datalist>
      <label>
        {t.kind}
        <select name="kind" defaultValue="accuracy">
          {(['accuracy', 'completeness', 'timeliness', 'other'] as const).map((k) => (
            <option key={k} value={k}>
              {t.kinds[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.objectionNote}
        <textarea name="note" required maxLength={2000} rows={3} />
      </label>
      <ActionMessage state={state} />
      <button type="submit" className="primary" disabled={pending}>
        {t.objectionSubmit}
      </button>
    </form>
  );
}
