import { Suspense } from 'react';
import { ApiReference } from '@/components/api-docs/api-reference';
import { getI18n } from '@/lib/i18n/server';

// Public (proxy.ts): the document describes the API and holds no data, and the
// platform's integrators who read it need not have an account. The language follows
// the `lang` cookie (the header's switch); the cookie is read inside a Suspense
// boundary, so the page's shell stays static under Cache Components.
export default function ApiDocsPage() {
  return (
    <Suspense fallback={null}>
      <ApiDocs />
    </Suspense>
  );
}

async function ApiDocs() {
  const { locale, t } = await getI18n();
  const url = `/api/v1/openapi.json?lang=${locale}`;
  return (
    <section className="stack" aria-labelledby="api-docs-title">
      <div className="page-heading">
        <h1 id="api-docs-title">{t.apiDocs.pageTitle}</h1>
        <a href={url} data-testid="openapi-json-link">
          openapi.json
        </a>
      </div>
      <ApiReference key={locale} url={url} loading={t.apiDocs.loading} />
    </section>
  );
}
