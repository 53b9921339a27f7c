// node-postgres: any PostgreSQL, and the embedded PGlite when another process serves it.
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from '../schema';
import { inTransaction } from './transaction';
import { insertCsv } from './insert-csv';
import type { DriverName } from '../config';
import type { Database, Db, Session } from '../types';

// Return bigint/numeric as numbers: counts here stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

function session(client: pg.Pool | pg.PoolClient, viaPgliteSocket: boolean): Session {
  const query = async <T>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[];
  return {
    db: drizzle(client, { schema }) as unknown as Db,
    query,
    async copyCsv(table, columns, csv) {
      // COPY FROM STDIN over pglite-socket loses protocol sync (electric-sql/pglite#1028).
      if (viaPgliteSocket) return insertCsv(query, table, columns, csv);
      const conn = 'release' in client ? client : await client.connect();
      try {
        const sink = conn.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
        await pipeline(Readable.from(csvChunks(csv)), sink);
      } finally {
        if (conn !== client) (conn as pg.PoolClient).release();
      }
    },
  };
}

/**
 * COPY text in pieces of about a million characters, each ending at a line break (never
 * inside a UTF-16 surrogate pair). One 50 MB string (a recompute's rows at 5,000 departments)
 * was encoded and framed in one go on the serving thread; in pieces, other requests get a
 * turn between them and the socket's back-pressure applies.
 */
export function* csvChunks(csv: string, size = 1 << 20): Generator<string> {
  let start = 0;
  while (start < csv.length) {
    const lineEnd = csv.indexOf('\n', Math.min(start + size, csv.length) - 1);
    const end = lineEnd < 0 ? csv.length : lineEnd + 1;
    yield csv.slice(start, end);
    start = end;
  }
}

export function openPg(url: string, label: DriverName = 'pg', max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection the server drops (restart, DROP DATABASE … WITH (FORCE), admin
  // kill) is an event, not a crash: without a listener the pool's 'error' would
  // throw from the event loop and take the whole server down.
  pool.on('error', (err) => console.warn(`[db] idle PostgreSQL connection lost: ${err.message}`));
  const sockets = openSockets(pool);
  return {
    ...session(pool, label === 'pglite'),
    driver: label,
    transaction: (fn) => inTransaction(() => pool.connect(), (client) => fn(session(client, label === 'pglite'))),
    close: async () => {
      await pool.end();
      await sockets.allClosed();
    },
  };
}

/**
 * pool.end() resolves once every client has been asked to end, not once each has
 * hung up. Counting 'connect' against 'remove' lets close() wait for the sockets
 * too, so a caller that drops the database right after close() cuts nothing.
 */
function openSockets(pool: pg.Pool) {
  let open = 0;
  let onZero: (() => void) | null = null;
  pool.on('connect', () => void open++);
  pool.on('remove', () => {
    open--;
    if (open === 0) onZero?.();
  });
  return {
    allClosed: () => (open === 0 ? Promise.resolve() : new Promise<void>((resolve) => (onZero = resolve))),
  };
}
