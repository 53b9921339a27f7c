// POST /api/v1/catalog (docs/ingest.md "Ledgers"): versions of the data resource catalog, scope ledger:write.
import { uploadHandler } from '@/lib/ingest/route';

export const POST = uploadHandler('catalog');
