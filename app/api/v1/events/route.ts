// POST /api/v1/events (docs/api.md): one all-or-nothing batch of sharing events, CSV or JSON.
import { uploadHandler } from '@/lib/ingest/route';

export const POST = uploadHandler('events');
