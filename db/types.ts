import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema';
import type { DriverName } from './config';

/** The one typed Drizzle handle; every driver's database satisfies it. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** What a query function needs: the database itself or one transaction on it. */
export interface Session {
  db: Db;
  /** Raw SQL with $1-style parameters; returns the rows. For bulk work and DDL. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Bulk-loads header-less RFC 4180 CSV text into table(columns) with COPY. */
  copyCsv(table: string, columns: string[], csv: string): Promise<void>;
}

export interface Database extends Session {
  /** The driver that opened it; an embedded PGlite reached over its socket still reports 'pglite'. */
  driver: DriverName;
  /** Runs fn in one transaction on one connection: commit on return, rollback on throw. */
  transaction<T>(fn: (tx: Session) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
