import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { safeCallbackPath } from '@/lib/auth/callback-path';
import { oidcConfigured } from '@/lib/auth/oidc';
import { getSignedInUser } from '@/lib/auth/session';
import { getI18n } from '@/lib/i18n/server';

// The one public page. An error from next-auth (OIDC refused, etc.) arrives as ?error=.
export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  if (await getSignedInUser()) redirect(callbackUrl);
  const { t } = await getI18n();
  const error = first(params.error);
  const messages = {
    invalid: t.auth.errorInvalid,
    locked: t.auth.errorLocked,
    throttled: t.auth.errorThrottled,
    totp_required: t.auth.errorTotpRequired,
    oidc: t.auth.errorOidc,
    generic: t.auth.errorGeneric,
  };
  const initialError = !error ? null : error in messages ? messages[error as keyof typeof messages] : error === 'AccessDenied' || error === 'OAuthCallback' ? t.auth.errorOidc : t.auth.errorGeneric;
  return (
    <section className="card stack" style={{ maxWidth: 480, margin: '32px auto' }} aria-labelledby="login-title">
      <h1 id="login-title">{t.auth.signInTitle}</h1>
      <p className="muted">{t.auth.signInIntro}</p>
      <LoginForm
        callbackUrl={callbackUrl}
        oidc={oidcConfigured()}
        initialError={initialError}
        labels={{ username: t.auth.username, password: t.auth.password, totp: t.auth.totp, totpHint: t.auth.totpHint, submit: t.auth.submit, submitting: t.auth.submitting, oidc: t.auth.oidc, or: t.auth.or }}
        messages={messages}
        askCode={error === 'totp_required'}
      />
      <p className="muted">{t.auth.sessionNote}</p>
    </section>
  );
}
