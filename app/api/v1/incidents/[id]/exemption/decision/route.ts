// POST /api/v1/incidents/{id}/exemption/decision {"grant": true|false, "reason"}:
// an admin decides a requested exemption.
import { getDatabase } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { clientIp, requirePrincipal } from '@/lib/auth/request';
import { handle } from '@/lib/edge/route';
import { forbidden } from '@/lib/http/errors';
import { decideExemption } from '@/lib/incidents/service';
import { exemptionDecisionBody } from '@/lib/incidents/http';
import { idParams, readJson } from '@/lib/http/request';
import { incidentJson } from '@/lib/incidents/present';

type Context = { params: Promise<{ id: string }> };

export const POST = handle(async (request: Request, context: Context) => {
  const { id } = idParams.parse(await context.params);
  const principal = await requirePrincipal(request);
  if (!can(principal, 'exemptions:decide')) throw forbidden();
  const body = exemptionDecisionBody.parse(await readJson(request));
  const incident = await decideExemption(await getDatabase(), { principal, ip: clientIp(request) }, id, body);
  return Response.json(incidentJson(incident));
});
