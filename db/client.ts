// The one database handle for the app, the CLI and the scripts. Drivers are imported
// lazily so PGlite's WASM never loads where PostgreSQL is used, and vice versa.
import { resolveDbConfig, resolveOwnerDbConfig, type DbConfig } from './config';
import { acquireLock, DatabaseInUseError, releaseLock } from './pglite-lock';
import type { Database } from './types';

export type { Database, Session, Db } from './types';

interface ClientGlobals {
  __sharescoreDb?: Promise<Database>;
  __sharescoreOwnerDb?: Promise<Database>;
  __sharescoreOpenDirs?: Set<string>;
  __sharescoreCloseDb?: () => Promise<void>;
}
const g = globalThis as ClientGlobals;

/** Opens a database for a config. Not cached: use getDatabase() in app code. */
export async function openDatabase(config: DbConfig): Promise<Database> {
  if (process.env.NEXT_PHASE === 'phase-production-build') {
    throw new Error('the database is not opened during `next build`; this page must be dynamic');
  }
  if (config.driver === 'pg') return (await import('./drivers/pg')).openPg(config.url);
  if (config.driver === 'vercel') return (await import('./drivers/vercel')).openVercel(config.url);
  if (config.dir === null) return (await import('./drivers/pglite')).openPglite(null);
  return openPgliteDir(config.dir);
}

async function openPgliteDir(dir: string): Promise<Database> {
  const open = (g.__sharescoreOpenDirs ??= new Set());
  if (open.has(dir)) {
    throw new Error(`the embedded database ${dir} is already open in this process; use getDatabase()`);
  }
  const lock = acquireLock(dir);
  if (!lock.acquired) {
    // Another process owns the folder. If it serves it over the PostgreSQL protocol
    // (npm run demo does), be its client; otherwise refuse rather than corrupt it.
    if (!lock.owner.port) throw new DatabaseInUseError(dir, lock.owner);
    const { openPg } = await import('./drivers/pg');
    return openPg(`postgres://postgres@127.0.0.1:${lock.owner.port}/postgres`, 'pglite', 4);
  }
  open.add(dir);
  try {
    const database = await (await import('./drivers/pglite')).openPglite(dir);
    const close = database.close;
    return {
      ...database,
      close: async () => {
        await close();
        open.delete(dir);
        releaseLock(dir);
      },
    };
  } catch (err) {
    open.delete(dir);
    releaseLock(dir);
    throw err;
  }
}

/** The process-wide database, opened on first use from the environment. */
export function getDatabase(): Promise<Database> {
  if (!g.__sharescoreDb) {
    const opening = openDatabase(resolveDbConfig());
    g.__sharescoreDb = opening;
    opening.catch(() => {
      if (g.__sharescoreDb === opening) g.__sharescoreDb = undefined;
    });
    g.__sharescoreCloseDb = closeDatabase;
  }
  return g.__sharescoreDb;
}

/**
 * The owner role's database, for migrations and the audit prune (the runtime role may not
 * delete audit entries): MIGRATION_DATABASE_URL, or getDatabase() when it names no other.
 */
export function getOwnerDatabase(): Promise<Database> {
  const config = resolveOwnerDbConfig();
  const app = resolveDbConfig();
  if (config.driver === 'pglite' || ('url' in app && app.url === config.url)) return getDatabase();
  if (!g.__sharescoreOwnerDb) {
    const opening = openDatabase(config);
    g.__sharescoreOwnerDb = opening;
    opening.catch(() => {
      if (g.__sharescoreOwnerDb === opening) g.__sharescoreOwnerDb = undefined;
    });
    g.__sharescoreCloseDb = closeDatabase;
  }
  return g.__sharescoreOwnerDb;
}

/** Closes the process-wide databases (CLI exit, tests). */
export async function closeDatabase(): Promise<void> {
  const opening = [g.__sharescoreDb, g.__sharescoreOwnerDb];
  g.__sharescoreDb = g.__sharescoreOwnerDb = undefined;
  for (const o of opening) if (o) await (await o).close();
}

/** For tests: make getDatabase() return this database. */
export function setDatabase(database: Database | undefined): void {
  g.__sharescoreDb = database ? Promise.resolve(database) : undefined;
}

export { DatabaseInUseError };
