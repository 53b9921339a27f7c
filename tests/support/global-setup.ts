// With DATABASE_URL set, the integration tests run on that PostgreSQL server: migrate
// one template database once, and let each test file copy it (CREATE DATABASE … TEMPLATE).
// DATABASE_URL's user (a superuser) owns them; with TEST_APP_DATABASE_URL the app's
// connection in tests logs in as that URL's user instead, made here a member of the
// runtime role sharescore_app (docs/security.md, "Database roles"), as in production.
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string | null;
  }
}

export async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    project.provide('pgTemplate', null);
    return;
  }
  const { openPg } = await import('../../db/drivers/pg');
  const { migrateDatabase } = await import('../../db/migrate');
  const template = `ss_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  const database = openPg(withDatabase(url, template));
  await migrateDatabase(database); // as the owner: DATABASE_URL's user
  await database.close();
  if (process.env.TEST_APP_DATABASE_URL) await ensureLoginRole(admin, new URL(process.env.TEST_APP_DATABASE_URL).username);
  project.provide('pgTemplate', template);
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A login role in the runtime role, like the one the app uses in production (trust auth: no password). */
async function ensureLoginRole(admin: pg.Client, user: string) {
  if (!/^[a-z_][a-z0-9_]*$/.test(user) || user === 'postgres') throw new Error(`TEST_APP_DATABASE_URL must name a role of its own, not "${user}"`);
  const [role] = (await admin.query<{ rolsuper: boolean }>('select rolsuper from pg_roles where rolname = $1', [user])).rows;
  if (role?.rolsuper) throw new Error(`TEST_APP_DATABASE_URL's user ${user} is a superuser: it would bypass every grant`);
  if (!role) {
    try {
      await admin.query(`CREATE ROLE ${user} LOGIN`);
    } catch (err) {
      if ((err as { code?: string }).code !== '42710') throw err; // created meanwhile by another run
    }
  }
  await admin.query(`GRANT sharescore_app TO ${user}`);
}
