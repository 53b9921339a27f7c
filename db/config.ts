// Which database to use, from the environment (CONTRACT.md §1, first match wins):
// DB_DRIVER if set; on Vercel @vercel/postgres; DATABASE_URL → node-postgres; else PGlite.
import path from 'node:path';

export type DriverName = 'pglite' | 'pg' | 'vercel';

export type DbConfig =
  | { driver: 'pglite'; dir: string | null } // null: in memory (tests)
  | { driver: 'pg'; url: string }
  | { driver: 'vercel'; url: string };

export class DbConfigError extends Error {}

export function resolveDbConfig(env: Record<string, string | undefined> = process.env): DbConfig {
  const explicit = env.DB_DRIVER?.trim();
  if (explicit && !['pglite', 'pg', 'vercel'].includes(explicit)) {
    throw new DbConfigError(`DB_DRIVER must be pglite, pg or vercel, not "${explicit}"`);
  }
  const driver = (explicit || (env.VERCEL === '1' ? 'vercel' : env.DATABASE_URL ? 'pg' : 'pglite')) as DriverName;
  if (driver === 'vercel') {
    const url = env.POSTGRES_URL || env.DATABASE_URL;
    if (!url) throw new DbConfigError('the vercel driver needs POSTGRES_URL');
    return { driver, url };
  }
  if (driver === 'pg') {
    if (!env.DATABASE_URL) throw new DbConfigError('the pg driver needs DATABASE_URL');
    return { driver, url: env.DATABASE_URL };
  }
  const dir = env.PGLITE_DIR === ':memory:' ? null : path.resolve(/*turbopackIgnore: true*/ env.PGLITE_DIR || '.data/pglite');
  return { driver: 'pglite', dir };
}

/**
 * The owner role's connection, for what the runtime role may not do: migrations and the
 * audit prune. MIGRATION_DATABASE_URL on PostgreSQL; otherwise the app's own connection
 * (one role for both, e.g. the embedded PGlite, where roles change nothing).
 */
export function resolveOwnerDbConfig(env: Record<string, string | undefined> = process.env): DbConfig {
  const url = env.MIGRATION_DATABASE_URL?.trim();
  if (!url) return resolveDbConfig(env);
  // It names a PostgreSQL server even before the app's DATABASE_URL is set (first migration).
  const config = resolveDbConfig({ ...env, DATABASE_URL: env.DATABASE_URL || url });
  return config.driver === 'pglite' ? config : { ...config, url };
}

/** The name /api/health reports for a driver. */
export function databaseLabel(driver: DriverName): 'pglite' | 'postgres' | 'vercel-postgres' {
  return driver === 'pglite' ? 'pglite' : driver === 'pg' ? 'postgres' : 'vercel-postgres';
}
