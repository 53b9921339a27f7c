// The upload route handlers (POST /api/v1/{metrics,events,catalog,requests,objections},
// docs/api.md): one all-or-nothing batch, CSV or JSON, through lib/ingest/service.ts.
// These routes are outside proxy.ts's matcher: the handler authenticates and counts the raw body.
import { getDatabase } from '../../db/client';
import { can } from '../auth/permissions';
import { boundDepartment } from '../auth/principal';
import { clientIp, requirePrincipal } from '../auth/request';
import { handle } from '../edge/route';
import { forbidden } from '../http/errors';
import { requestLocale } from '../i18n';
import { KIND_SPECS, type IngestKind } from './kinds';
import { ingestBatch } from './service';
import { readUpload } from './upload';

export function uploadHandler(kind: IngestKind) {
  return handle(async (request: Request) => {
    const principal = await requirePrincipal(request);
    // Coarse check here; each row's department is checked again in the batch (403 listing the rows).
    if (!can(principal, KIND_SPECS[kind].action, { department: boundDepartment(principal) })) throw forbidden();
    const upload = await readUpload(request);
    const outcome = await ingestBatch(await getDatabase(), { kind, principal, upload, ip: clientIp(request), locale: requestLocale(request.headers) });
    return Response.json(outcome.body, { status: outcome.status });
  });
}
