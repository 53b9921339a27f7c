// POST /api/v1/objections (docs/ingest.md "Ledgers"): data objections, scope ledger:write.
import { uploadHandler } from '@/lib/ingest/route';

export const POST = uploadHandler('objections');
