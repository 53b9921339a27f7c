/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and the pg drivers are Node-only: keep them out of the bundle.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', 'pg', 'pg-copy-streams', 'exceljs', '@vercel/postgres'],
  poweredByHeader: false,
  // Migrations are read at run time (health check, migrate on start).
  outputFileTracingIncludes: { '/**': ['./db/migrations/**'] },
  typedRoutes: false,
  // forbidden() in page guards answers a real 403 (app/forbidden.tsx).
  experimental: { authInterrupts: true },
  // Baseline security headers for every response (等保2.0 / OWASP ASVS).
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};
export default nextConfig;
