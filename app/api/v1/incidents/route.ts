// GET /api/v1/incidents?department=&period=&exemptionStatus=: incidents (a department sees its own).
// POST /api/v1/incidents {"department", "occurredOn", "kind", "points", "description"}: admins record one.
import { getDatabase } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { boundDepartment } from '@/lib/auth/principal';
import { clientIp, requirePrincipal } from '@/lib/auth/request';
import { handle } from '@/lib/edge/route';
import { forbidden } from '@/lib/http/errors';
import { incidentsFor, recordIncident } from '@/lib/incidents/service';
import { parsePeriod } from '@/lib/periods/codes';
import { incidentBody, incidentListQuery } from '@/lib/incidents/http';
import { readJson } from '@/lib/http/request';
import { incidentJson } from '@/lib/incidents/present';

export const GET = handle(async (request: Request) => {
  const query = incidentListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const principal = await requirePrincipal(request);
  if (!can(principal, 'incidents:read', { department: query.department ?? boundDepartment(principal) })) throw forbidden();
  const period = query.period ? parsePeriod(query.period) : null;
  const incidents = await incidentsFor(await getDatabase(), principal, {
    department: query.department,
    exemptionStatus: query.exemptionStatus,
    from: period?.startsOn,
    to: period?.endsOn,
  });
  return Response.json({ incidents: incidents.map(incidentJson) });
});

export const POST = handle(async (request: Request) => {
  const principal = await requirePrincipal(request);
  if (!can(principal, 'incidents:manage')) throw forbidden();
  const body = incidentBody.parse(await readJson(request));
  const incident = await recordIncident(await getDatabase(), { principal, ip: clientIp(request) }, body);
  return Response.json(incidentJson(incident), { status: 201 });
});
