import { AppLink } from '@/components/app-link';
import { getI18n } from '@/lib/i18n/server';

/** The 403 page body: shown when the signed-in user's role may not see a page. */
export async function ForbiddenNotice() {
  const { t } = await getI18n();
  return (
    <section className="stack" aria-labelledby="forbidden-title" data-status="403">
      <h1 id="forbidden-title">403 · {t.errors.forbidden}</h1>
      <p className="error-box" role="alert">
        {t.auth.forbiddenDetail}
      </p>
      <p>
        <AppLink href="/">{t.auth.backHome}</AppLink>
      </p>
    </section>
  );
}
