// The two kinds of upload (CONTRACT.md §3) and the limits every batch obeys.
import type { Action } from '../auth/permissions';

export type IngestKind = 'metrics' | 'events';
export const INGEST_KINDS: readonly IngestKind[] = ['metrics', 'events'];

export interface KindSpec {
  required: readonly string[];
  optional: readonly string[];
  /** The permission a caller needs, per department of the rows. */
  action: Action;
  /** The column naming the department a row belongs to (for events: the provider). */
  ownerColumn: string;
}

export const KIND_SPECS: Record<IngestKind, KindSpec> = {
  metrics: { required: ['department', 'period', 'indicator', 'value'], optional: ['note'], action: 'metrics:write', ownerColumn: 'department' },
  events: {
    required: ['date', 'provider', 'consumer', 'resource', 'calls'],
    optional: ['records', 'failures'],
    action: 'events:write',
    ownerColumn: 'provider',
  },
};

export const MAX_ROWS = 50_000;
export const MAX_BYTES = 10 * 1024 * 1024;
/** Vercel's serverless request-body limit is 4.5 MB: the uploader keeps each chunk below this. */
export const CHUNK_BYTE_BUDGET = 4_000_000;

export const isIngestKind = (value: unknown): value is IngestKind => value === 'metrics' || value === 'events';
