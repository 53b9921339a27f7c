// The embedded database, in this process. Only db/client.ts opens it (one per process).
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import * as schema from '../schema';
import type { Database, Db, Session } from '../types';

const copySql = (table: string, columns: string[]) =>
  `COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`;

function session(client: PGlite | Transaction): Session {
  // drizzle only calls query()/transaction() on its client, which a Transaction also has.
  const db = drizzle(client as PGlite, { schema }) as unknown as Db;
  return {
    db,
    async query<T>(text: string, params: unknown[] = []) {
      return (await client.query<T>(text, params)).rows;
    },
    async copyCsv(table, columns, csv) {
      await client.query(copySql(table, columns), [], { blob: new Blob([csv]) });
    },
  };
}

export async function openPglite(dir: string | null, existing?: PGlite): Promise<Database & { pglite: PGlite }> {
  const pglite = existing ?? (dir ? await PGlite.create(dir) : await PGlite.create());
  return {
    ...session(pglite),
    pglite,
    driver: 'pglite',
    transaction: (fn) => pglite.transaction((tx) => fn(session(tx))),
    close: () => pglite.close(),
  };
}
