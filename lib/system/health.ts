import { getDatabase } from '@/db/client';
import { databaseLabel } from '@/db/config';
import { migrationStatus } from '@/db/migrate';

export interface Health {
  ok: boolean;
  database: ReturnType<typeof databaseLabel> | null;
  migrations: 'current' | 'behind' | 'empty' | 'unknown';
  error?: string;
}

/** Is the database reachable and migrated? Never throws. */
export async function checkHealth(): Promise<Health> {
  try {
    const database = await getDatabase();
    const migrations = await migrationStatus(database);
    return { ok: migrations === 'current', database: databaseLabel(database.driver), migrations };
  } catch (err) {
    return { ok: false, database: null, migrations: 'unknown', error: (err as Error).message.split('\n')[0] };
  }
}
