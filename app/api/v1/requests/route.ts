// POST /api/v1/requests (docs/ingest.md "Ledgers"): sharing requests and their later states, scope ledger:write.
import { uploadHandler } from '@/lib/ingest/route';

export const POST = uploadHandler('requests');
