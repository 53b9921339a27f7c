import { getDatabase } from '@/db/client';
import { databaseLabel } from '@/db/config';
import { migrationStatus } from '@/db/migrate';

export interface Health {
  ok: boolean;
  database: ReturnType<typeof databaseLabel> | null;
  migrations: 'current' | 'behind' | 'empty' | 'unknown';
}

/** Is the database reachable and migrated? Never throws. */
export async function checkHealth(): Promise<Health> {
  try {
    const database = await getDatabase();
    const migrations = await migrationStatus(database);
    return { ok: migrations === 'current', database: databaseLabel(database.driver), migrations };
  } catch {
    return { ok: false, database: null, migrations: 'unknown' };
  }
}

/**
 * What GET /api/health tells its caller (docs/security.md, "Health check"): anyone learns ok and migrations; only a
 * signed-in caller also learns which database this is (an anonymous attacker would use it to pick
 * an exploit). Why a database is unreachable is never sent: operators see the driver's error
 * from the CLI (`npm run cli -- migrate` prints it, or the status and the database kind).
 */
export function healthFor(health: Health, signedIn: boolean): Pick<Health, 'ok' | 'migrations'> & { database?: Health['database'] } {
  const { ok, migrations, database } = health;
  return signedIn ? { ok, migrations, database } : { ok, migrations };
}
