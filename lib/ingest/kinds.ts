// The kinds of upload (docs/ingest.md) and the limits every batch obeys: metric values
// and sharing events, and the platform's three ledgers (catalog, requests, objections).
import type { Action } from '../auth/permissions';

export const INGEST_KINDS = ['metrics', 'events', 'catalog', 'requests', 'objections'] as const;
export type IngestKind = (typeof INGEST_KINDS)[number];
export type LedgerKind = Exclude<IngestKind, 'metrics' | 'events'>;
export const LEDGER_KINDS: readonly LedgerKind[] = ['catalog', 'requests', 'objections'];

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
  // The ledgers' CSV header is exactly these columns (empty cells where a value is optional).
  catalog: {
    required: ['resource', 'provider', 'name', 'share_type', 'legal_basis', 'update_cycle', 'published_on', 'updated_on', 'status'],
    optional: [],
    action: 'ledger:write',
    ownerColumn: 'provider',
  },
  requests: {
    required: ['request', 'consumer', 'provider', 'resource', 'purpose', 'submitted_at', 'replied_at', 'decision', 'reason', 'delivered_at', 'rating'],
    optional: [],
    action: 'ledger:write',
    ownerColumn: 'provider',
  },
  objections: {
    required: ['objection', 'consumer', 'provider', 'resource', 'kind', 'submitted_at', 'resolved_at', 'outcome', 'note'],
    optional: [],
    action: 'ledger:write',
    ownerColumn: 'provider',
  },
};

export const MAX_ROWS = 50_000;
export const MAX_BYTES = 10 * 1024 * 1024;
/** Vercel's serverless request-body limit is 4.5 MB: the uploader keeps each chunk below this. */
export const CHUNK_BYTE_BUDGET = 4_000_000;

export const isIngestKind = (value: unknown): value is IngestKind => INGEST_KINDS.includes(value as IngestKind);
export const isLedgerKind = (value: unknown): value is LedgerKind => LEDGER_KINDS.includes(value as LedgerKind);
