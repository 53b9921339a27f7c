// POST /api/v1/metrics (docs/api.md): one all-or-nothing batch of metric values, CSV or JSON.
import { uploadHandler } from '@/lib/ingest/route';

export const POST = uploadHandler('metrics');
