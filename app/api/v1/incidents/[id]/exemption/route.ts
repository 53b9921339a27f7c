// POST /api/v1/incidents/{id}/exemption {"justification"}: the incident's department
// requests an exemption (容错免责).
import { getDatabase } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { boundDepartment } from '@/lib/auth/principal';
import { clientIp, requirePrincipal } from '@/lib/auth/request';
import { handle } from '@/lib/edge/route';
import { forbidden } from '@/lib/http/errors';
import { requestExemption } from '@/lib/incidents/service';
import { exemptionRequestBody } from '@/lib/incidents/http';
import { idParams, readJson } from '@/lib/http/request';
import { incidentJson } from '@/lib/incidents/present';

type Context = { params: Promise<{ id: string }> };

export const POST = handle(async (request: Request, context: Context) => {
  const { id } = idParams.parse(await context.params);
  const principal = await requirePrincipal(request);
  // Coarse check; the service checks the incident's own department.
  if (!can(principal, 'exemptions:request', { department: boundDepartment(principal) })) throw forbidden();
  const body = exemptionRequestBody.parse(await readJson(request));
  const incident = await requestExemption(await getDatabase(), { principal, ip: clientIp(request) }, id, body.justification);
  return Response.json(incidentJson(incident));
});
