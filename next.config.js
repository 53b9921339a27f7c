import { API_CACHE_HEADERS, securityHeaders } from './lib/http/security-headers.mjs';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and the pg drivers are Node-only: keep them out of the bundle.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', 'pg', 'pg-copy-streams', 'exceljs', '@vercel/postgres'],
  poweredByHeader: false,
  // Migrations are read at run time (health check, migrate on start).
  outputFileTracingIncludes: { '/**': ['./db/migrations/**'] },
  typedRoutes: false,
  // Cache Components: what every reader of a view sees alike is cached with 'use cache',
  // keyed by the scores' data generations read from the database on each request
  // (lib/scores/shared-cache.ts), so a write from any process (the CLI too) is seen at once.
  cacheComponents: true,
  // Links do not prefetch (components/app-link.tsx): keep the prefetch behaviour as it was.
  partialPrefetching: false,
  // forbidden() in page guards renders the 403 page (app/forbidden.tsx); under Cache Components
  // it is streamed after a 200 (docs/security.md).
  experimental: { authInterrupts: true },
  // Security headers for every response (lib/http/security-headers.mjs, docs/security.md).
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders() },
      { source: '/api/v1/:path*', headers: API_CACHE_HEADERS },
    ];
  },
};
export default nextConfig;
