'use client';
import { SelectOptions, type Option } from '@/components/select-options';
import { useActionState } from 'react';
import type { FormAction } from '@/lib/edge/action';
import { ActionMessage, notSubmitted } from '@/components/action-message';
import { HintedField } from '@/components/hinted-field';

export interface TokenFormLabels {
  name: string;
  scopes: string;
  department: string;
  departmentNone: string;
  expires: string;
  expiresHint: string;
  create: string;
  setExpiry: string;
  save: string;
  revoke: string;
  revokeConfirm: string;
}

export function CreateTokenForm({ scopes, departments, labels, submit }: { scopes: Option[]; departments: Option[]; labels: TokenFormLabels; submit: FormAction }) {
  const [state, action, pending] = useActionState(submit, notSubmitted);
  return (
    <div className="stack">
      <form action={action} className="form">
        <label>
          {labels.name}
          <input name="name" required maxLength={100} autoComplete="off" />
        </label>
        <fieldset>
          <legend>{labels.scopes}</legend>
          {scopes.map((s) => (
            <label key={s.value} style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
              <input type="checkbox" name="scopes" value={s.value} />
              {s.label}
            </label>
          ))}
        </fieldset>
        <label>
          {labels.department}
          <select name="departmentCode" defaultValue="">
            <SelectOptions options={departments} none={labels.departmentNone} />
          </select>
        </label>
        <HintedField label={labels.expires} hint={labels.expiresHint} hintId="token-expires-hint">
          <input name="expires" type="date" aria-describedby="token-expires-hint" />
        </HintedField>
        {state.error && <ActionMessage state={state} />}
        <button type="submit" className="primary" disabled={pending}>
          {labels.create}
        </button>
      </form>
      {state.secret && (
        <div className="ok-box" role="status">
          <p>{state.ok}</p>
          <code data-testid="token-secret" style={{ userSelect: 'all', wordBreak: 'break-all' }}>
            {state.secret}
          </code>
        </div>
      )}
    </div>
  );
}

export function ExpiryForm({ id, expires, labels, submit }: { id: number; expires: string; labels: TokenFormLabels; submit: FormAction }) {
  const [state, action, pending] = useActionState(submit, notSubmitted);
  return (
    <form action={action} aria-label={labels.setExpiry}>
      <input type="hidden" name="id" value={id} />
      <label>
        {labels.expires}
        <input name="expires" type="date" defaultValue={expires} />
      </label>{' '}
      <button type="submit" className="secondary" disabled={pending}>
        {labels.save}
      </button>
      <ActionMessage state={state} />
    </form>
  );
}

export function RevokeForm({ id, name, labels, submit }: { id: number; name: string; labels: TokenFormLabels; submit: FormAction }) {
  const [state, action, pending] = useActionState(submit, notSubmitted);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(`${labels.revoke} ${name}？${labels.revokeConfirm}`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="secondary" disabled={pending} aria-label={`${labels.revoke} ${name}`}>
        {labels.revoke}
      </button>
      <ActionMessage state={state} />
    </form>
  );
}
