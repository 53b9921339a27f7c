// POST /api/v1/events (CONTRACT.md §3): one all-or-nothing batch, CSV or JSON.
import { getDatabase } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { boundDepartment } from '@/lib/auth/principal';
import { clientIp, requirePrincipal } from '@/lib/auth/request';
import { handle } from '@/lib/edge/route';
import { forbidden } from '@/lib/http/errors';
import { requestLocale } from '@/lib/i18n';
import { ingestBatch, readUpload } from '@/lib/ingest';

export const POST = handle(async (request: Request) => {
  const principal = await requirePrincipal(request);
  // Coarse check here; each row's department is checked again in the batch (403 listing the rows).
  if (!can(principal, 'events:write', { department: boundDepartment(principal) })) throw forbidden();
  const upload = await readUpload(request);
  const outcome = await ingestBatch(await getDatabase(), { kind: 'events', principal, upload, ip: clientIp(request), locale: requestLocale(request.headers) });
  return Response.json(outcome.body, { status: outcome.status });
});
