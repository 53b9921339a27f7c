// @vercel/postgres (deprecated upstream; Neon's serverless driver underneath). It lives
// in this one file so it can be swapped for @neondatabase/serverless without touching
// anything else. It speaks WebSockets only: against a plain PostgreSQL it needs a
// WebSocket-to-TCP proxy (see tests/support/ws-proxy.ts and the README).
import { createPool, type VercelPool, type VercelPoolClient } from '@vercel/postgres';
import { drizzle } from 'drizzle-orm/vercel-postgres';
import { insertCsv } from './insert-csv';
import * as schema from '../schema';
import { inTransaction } from './transaction';
import type { Database, Db, Session } from '../types';

/**
 * For tests against a local PostgreSQL: route Neon's WebSockets through a plain
 * WebSocket-to-TCP proxy (VERCEL_POSTGRES_WS_PROXY=host:port). The setting must go on
 * the copy of @neondatabase/serverless that @vercel/postgres itself imports.
 */
async function routeThroughLocalProxy(proxy: string): Promise<void> {
  const { createRequire } = await import('node:module');
  const { pathToFileURL } = await import('node:url');
  const path = await import('node:path');
  const fromVercel = createRequire(path.join(process.cwd(), 'node_modules/@vercel/postgres/package.json'));
  const esmEntry = path.join(path.dirname(fromVercel.resolve('@neondatabase/serverless')), 'index.mjs');
  const { neonConfig } = await import(/* webpackIgnore: true */ pathToFileURL(esmEntry).href);
  neonConfig.wsProxy = (host: string, port: number | string) => `${proxy}/v1?address=${host}:${port}`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineTLS = false;
  neonConfig.pipelineConnect = false;
}

function session(client: VercelPool | VercelPoolClient): Session {
  const query = async <T>(text: string, params: unknown[] = []) =>
    (await client.query(text, params as never[])).rows as T[];
  return {
    db: drizzle(client as VercelPool, { schema }) as unknown as Db,
    query,
    // Neon's driver has no COPY.
    copyCsv: (table, columns, csv) => insertCsv(query, table, columns, csv),
  };
}

export async function openVercel(url: string): Promise<Database> {
  if (process.env.VERCEL_POSTGRES_WS_PROXY) await routeThroughLocalProxy(process.env.VERCEL_POSTGRES_WS_PROXY);
  const pool = createPool({ connectionString: url });
  // As in pg.ts: a dropped idle connection is logged, never an uncaught 'error'.
  pool.on('error', (err: Error) => console.warn(`[db] idle PostgreSQL connection lost: ${err.message}`));
  return {
    ...session(pool),
    driver: 'vercel',
    transaction: (fn) => inTransaction(() => pool.connect(), (client) => fn(session(client))),
    close: () => pool.end(),
  };
}
