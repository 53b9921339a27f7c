'use client';
// Swagger UI, bundled with the app (the bureau's network has no internet, so no CDN),
// rendering /api/v1/openapi.json. It runs without eval; its styles are a stylesheet
// plus element style properties, which a CSP without 'unsafe-inline' styles allows.
import dynamic from 'next/dynamic';
import { useState } from 'react';
import 'swagger-ui-react/swagger-ui.css';

const SwaggerUI = dynamic(() => import('swagger-ui-react'), { ssr: false });

export function ApiReference({ url, loading }: { url: string; loading: string }) {
  const [ready, setReady] = useState(false);
  return (
    <div className="api-reference card" data-testid="api-reference" data-ready={ready} aria-busy={!ready}>
      {!ready && <p className="muted">{loading}</p>}
      <SwaggerUI url={url} docExpansion="list" defaultModelsExpandDepth={0} displayOperationId tryItOutEnabled={false} deepLinking showExtensions onComplete={() => setReady(true)} />
    </div>
  );
}
