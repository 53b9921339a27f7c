// Public API of ingest: used by the route handlers, the upload page and the CLI.
export { ingestBatch, checkUpload, bodyHash, type IngestRequest, type IngestOutcome } from './service';
export { readUpload, formatOf, type Upload, type UploadFormat } from './upload';
export { batchHistory, type BatchListing } from './history';
export { KIND_SPECS, INGEST_KINDS, LEDGER_KINDS, MAX_ROWS, MAX_BYTES, CHUNK_BYTE_BUDGET, isIngestKind, isLedgerKind, type IngestKind, type LedgerKind } from './kinds';
