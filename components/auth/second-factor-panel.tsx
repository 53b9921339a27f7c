'use client';
// The second factor on /account/security: set up (QR code, key, first code), recovery codes
// shown once, replace, new recovery codes, turn off. One form state for all of it, so the
// recovery codes stay on screen after the page refreshes around them.
import { useActionState } from 'react';
import type { ActionState } from '@/lib/edge/action';
import type { Messages } from '@/lib/i18n';
import { ActionMessage } from '@/components/action-message';

export interface FactorActionState extends ActionState {
  /** New recovery codes: their only showing. */
  codes?: string[];
}

export interface FactorView {
  enrolled: boolean;
  enrolledAt: string | null;
  required: boolean;
  recoveryLeft: number;
  pending: { secret: string; uri: string; qrSvg: string } | null;
}

type Labels = Messages['mfa'];

function CodeField({ id, label, hint }: { id: string; label: string; hint?: string }) {
  return (
    <label htmlFor={id}>
      {label}
      <input id={id} name="code" required maxLength={64} autoComplete="one-time-code" inputMode="text" spellCheck={false} aria-describedby={hint ? `${id}-hint` : undefined} />
      {hint && (
        <span id={`${id}-hint`} className="muted">
          {hint}
        </span>
      )}
    </label>
  );
}

const noState: FactorActionState = {};

export function SecondFactorPanel({ view, labels, submit }: { view: FactorView; labels: Labels; submit: (state: FactorActionState, form: FormData) => Promise<FactorActionState> }) {
  const [state, action, pending] = useActionState(submit, noState);
  const op = (name: string, text: string, kind = 'secondary') => (
    <button type="submit" name="op" value={name} className={kind} disabled={pending}>
      {text}
    </button>
  );
  return (
    <div className="stack" data-testid="second-factor">
      <ActionMessage state={state} />
      {state.codes && (
        <div className="card stack" data-testid="recovery-codes">
          <h2>{labels.recoveryTitle}</h2>
          <ol className="recovery-codes">
            {state.codes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ol>
          <p className="muted">{labels.recoveryNote}</p>
          <p>
            {/* A full load, so the header (rendered on the server) shows the navigation now open. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/">{labels.continue}</a>
          </p>
        </div>
      )}
      {view.pending ? (
        <div className="card stack">
          <p>{labels.scan}</p>
          <div className="totp-qr" role="img" aria-label={labels.qrAlt} dangerouslySetInnerHTML={{ __html: view.pending.qrSvg }} />
          <p>
            {labels.secret}: <code data-testid="totp-secret">{view.pending.secret}</code>
          </p>
          <form action={action} className="form">
            <CodeField id="totp-confirm" label={labels.code} />
            <div className="button-row">
              {op('confirm', labels.confirm, 'primary')}
              <button type="submit" name="op" value="cancel" className="secondary" formNoValidate disabled={pending}>
                {labels.cancel}
              </button>
            </div>
          </form>
        </div>
      ) : view.enrolled ? (
        <div className="card stack">
          <p data-testid="factor-status">{labels.statusOn.replace('{time}', view.enrolledAt ?? '')}</p>
          <p className="muted">{labels.recoveryLeft.replace('{count}', String(view.recoveryLeft))}</p>
          {view.required && <p className="muted">{labels.requiredNote}</p>}
          <form action={action} className="form">
            <CodeField id="totp-current" label={labels.currentCode} hint={labels.currentCodeHint} />
            <div className="button-row">
              {op('begin', labels.replace)}
              {op('regenerate', labels.regenerate)}
              {!view.required && op('disable', labels.disable)}
            </div>
          </form>
        </div>
      ) : (
        <form action={action} className="card stack">
          <p data-testid="factor-status">{labels.statusOff}</p>
          <div>{op('begin', labels.start, 'primary')}</div>
        </form>
      )}
    </div>
  );
}
