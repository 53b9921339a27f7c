import { parseUpload } from '../../lib/ingest/parse';
import { shapeRows } from '../../lib/ingest/rows';
import { requestsCsv } from './ledger-fixture';
const text = requestsCsv(0, 25000);
const raw = await parseUpload('requests', { format: 'csv', text, idempotencyKey: null });
for (let k = 0; k < 30; k++) await shapeRows('requests', raw);
