/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and the pg drivers are Node-only: keep them out of the bundle.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', 'pg', 'pg-copy-streams', 'exceljs', '@vercel/postgres'],
  poweredByHeader: false,
  // Migrations are read at run time (health check, migrate on start).
  outputFileTracingIncludes: { '/**': ['./db/migrations/**'] },
  typedRoutes: false,
};
export default nextConfig;
