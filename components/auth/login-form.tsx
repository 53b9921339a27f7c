'use client';
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';

interface Props {
  callbackUrl: string;
  oidc: boolean;
  initialError: string | null;
  labels: { username: string; password: string; submit: string; submitting: string; oidc: string; or: string };
  /** Keyed by the reason the server gives: invalid | locked | throttled, plus oidc and generic. */
  messages: Record<'invalid' | 'locked' | 'throttled' | 'oidc' | 'generic', string>;
}

export function LoginForm({ callbackUrl, oidc, initialError, labels, messages }: Props) {
  const [error, setError] = useState<string | null>(initialError);
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
      callbackUrl,
    }).catch(() => undefined);
    if (result?.ok && !result.error) {
      // A full load, so the header and every server component see the new session.
      window.location.assign(callbackUrl);
      return;
    }
    const reason = result?.error as keyof Props['messages'] | undefined;
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
