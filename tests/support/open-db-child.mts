// Child process for the single-instance tests: opens PGLITE_DIR and reports what happened.
import { getDatabase, closeDatabase } from '../../db/client.ts';
try {
  const database = await getDatabase();
  const [{ n }] = await database.query<{ n: number }>('select count(*)::int as n from departments');
  process.stdout.write(JSON.stringify({ ok: true, driver: database.driver, departments: n }));
  await closeDatabase();
} catch (err) {
  process.stdout.write(JSON.stringify({ ok: false, error: (err as Error).message }));
  process.exitCode = 3;
}
