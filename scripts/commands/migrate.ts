import { UsageError, type Command } from './_shared';
import { getOwnerDatabase } from '../../db/client';
import { databaseLabel } from '../../db/config';
import { migrateDatabase, migrationStatus } from '../../db/migrate';

const command: Command = {
  summary: 'apply the database migrations to the configured database',
  usage: `usage: npm run cli -- migrate

Applies db/migrations to the database chosen by DB_DRIVER / DATABASE_URL /
POSTGRES_URL / PGLITE_DIR (see README), connecting as the owner role given by
MIGRATION_DATABASE_URL when it is set. Grants the runtime role sharescore_app what the app
needs (docs/security.md, "Database roles"). Safe to run again: applied migrations are skipped.`,
  async run(args) {
    if (args.length) throw new UsageError(`migrate takes no arguments (got ${args[0]})`);
    const database = await getOwnerDatabase();
    await migrateDatabase(database);
    process.stdout.write(`migrations ${await migrationStatus(database)} on ${databaseLabel(database.driver)}\n`);
    return 0;
  },
};
export default command;
