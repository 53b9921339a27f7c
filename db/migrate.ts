// Applies the committed drizzle-kit migrations (db/migrations) on any driver, and
// reports whether a database is current (for /api/health).
import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Database } from './types';

export const migrationsFolder = path.join(/*turbopackIgnore: true*/ process.cwd(), 'db/migrations');

export async function migrateDatabase(database: Database): Promise<void> {
  const config = { migrationsFolder };
  if (database.driver === 'vercel') {
    const { migrate } = await import('drizzle-orm/vercel-postgres/migrator');
    await migrate(database.db as never, config);
  } else if ('pglite' in database) {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, config);
  } else {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await migrate(database.db as never, config);
  }
  // Grants the runtime role what tables this run (or another branch's migration) added, and
  // catches up when the role was created after the migration that first tried (0003).
  if (database.driver !== 'pglite') await database.query('select sharescore_grant_runtime_role()');
}

/** 'current', 'behind' (migrations not yet applied) or 'empty' (never migrated). */
export async function migrationStatus(database: Database): Promise<'current' | 'behind' | 'empty'> {
  const expected = readMigrationFiles({ migrationsFolder }).length;
  const [{ exists }] = await database.query<{ exists: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as exists`,
  );
  if (!exists) return 'empty';
  const [{ n }] = await database.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
  return n >= expected ? 'current' : 'behind';
}
