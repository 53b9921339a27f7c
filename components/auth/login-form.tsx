'use client';
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { HintedField } from '@/components/hinted-field';

interface Props {
  callbackUrl: string;
  oidc: boolean;
  initialError: string | null;
  labels: { username: string; password: string; totp: string; totpHint: string; submit: string; submitting: string; oidc: string; or: string };
  /** Keyed by the reason the server gives: invalid | locked | throttled | totp_required, plus oidc and generic. */
  messages: Record<'invalid' | 'locked' | 'throttled' | 'totp_required' | 'oidc' | 'generic', string>;
  /** Show the code field from the start (the page was opened with ?error=totp_required). */
  askCode: boolean;
}

export function LoginForm({ callbackUrl, oidc, initialError, labels, messages, askCode }: Props) {
  const [error, setError] = useState<string | null>(initialError);
  // The code field appears once the server said the password was right and a code is needed.
  const [codeAsked, setCodeAsked] = useState(askCode);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const result = await signIn('credentials', {
      redirect: false,
      username: String(form.get('username') ?? ''),
      password: String(form.get('password') ?? ''),
      totp: String(form.get('totp') ?? ''),
      callbackUrl,
    }).catch(() => undefined);
    if (result?.ok && !result.error) {
      // A full load, so the header and every server component see the new session.
      window.location.assign(callbackUrl);
      return;
    }
    const reason = result?.error as keyof Props['messages'] | undefined;
    if (reason === 'totp_required') setCodeAsked(true);
    setError(reason && reason in messages ? messages[reason] : messages.generic);
    setBusy(false);
  }

  return (
    <div className="stack">
      <form className="form" onSubmit={submit} aria-describedby={error ? 'login-error' : undefined}>
        <label>
          {labels.username}
          <input name="username" autoComplete="username" required maxLength={100} autoFocus />
        </label>
        <label>
          {labels.password}
          <input name="password" type="password" autoComplete="current-password" required maxLength={1024} />
        </label>
        {codeAsked && (
          <HintedField label={labels.totp} hint={labels.totpHint} hintId="login-totp-hint">
            <input name="totp" autoComplete="one-time-code" required maxLength={64} autoFocus spellCheck={false} aria-describedby="login-totp-hint" data-testid="login-totp" />
          </HintedField>
        )}
        {error && (
          <p id="login-error" className="error-box" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy} data-testid="login-submit">
          {busy ? labels.submitting : labels.submit}
        </button>
      </form>
      {oidc && (
        <>
          <p className="muted">{labels.or}</p>
          <button type="button" className="secondary" onClick={() => void signIn('oidc', { callbackUrl })}>
            {labels.oidc}
          </button>
        </>
      )}
    </div>
  );
}
