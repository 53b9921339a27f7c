// A fresh, migrated database for one test file: in-memory PGlite by default, or a copy
// of the migrated template on the PostgreSQL server named by DATABASE_URL.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, setDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import type { Database } from '@/db/types';
import { withDatabase } from './global-setup';

export const onPostgres = () => Boolean(process.env.DATABASE_URL);
/** On PostgreSQL with the app connecting as the runtime role (TEST_APP_DATABASE_URL). */
export const onRuntimeRole = () => onPostgres() && Boolean(process.env.TEST_APP_DATABASE_URL);

/** The app's connection URL for database `name`: the runtime role's when there is one. */
export function appDatabaseUrl(name: string): string {
  return withDatabase(process.env.TEST_APP_DATABASE_URL || process.env.DATABASE_URL!, name);
}

/** A test database; `asOwner` runs fn on a connection as its owner (what the app may not do). */
export type TestDatabase = Database & { asOwner<T>(fn: (owner: Database) => Promise<T>): Promise<T> };

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  const template = inject('pgTemplate');
  if (!url || !template) {
    const database = await openDatabase({ driver: 'pglite', dir: null });
    await migrateDatabase(database);
    return { ...database, asOwner: (fn) => fn(database) }; // one role on PGlite
  }
  const name = `ss_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  const database = await openDatabase({ driver: 'pg', url: appDatabaseUrl(name) });
  const close = database.close;
  return {
    ...database,
    asOwner: async (fn) => {
      const owner = await openDatabase({ driver: 'pg', url: withDatabase(url, name) });
      try {
        return await fn(owner);
      } finally {
        await owner.close();
      }
    },
    close: async () => {
      await close();
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Opens a test database and makes it the app's getDatabase() for this file. */
export async function useTestDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  setDatabase(database);
  return database;
}
