'use client';
// Swagger UI, bundled with the app (the bureau's network has no internet, so no CDN),
// rendering /api/v1/openapi.json. We load swagger-ui-dist's prebuilt ES bundle rather
// than swagger-ui-react: Turbopack mis-bundles the latter's OpenAPI 3.1 resolver
// (swagger-api/swagger-ui#10599: "refract is not a function" on expanding an operation).
// It runs without eval; its styles are a stylesheet plus element style properties.
import { useEffect, useRef, useState } from 'react';
import 'swagger-ui-dist/swagger-ui.css';

type SwaggerUIBundle = (options: Record<string, unknown>) => unknown;

export function ApiReference({ url, loading }: { url: string; loading: string }) {
  const node = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void import('swagger-ui-dist/swagger-ui-es-bundle.js').then(({ default: swaggerUI }: { default: SwaggerUIBundle }) => {
      if (!live || !node.current) return;
      swaggerUI({
        domNode: node.current,
        url,
        docExpansion: 'list',
        defaultModelsExpandDepth: 0,
        displayOperationId: true,
        deepLinking: true,
        showExtensions: true,
        tryItOutEnabled: false,
        validatorUrl: null, // no badge from validator.swagger.io
        onComplete: () => live && setReady(true),
      });
    });
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <div className="api-reference card" data-testid="api-reference" data-ready={ready} aria-busy={!ready}>
      {!ready && <p className="muted">{loading}</p>}
      <div ref={node} />
    </div>
  );
}
