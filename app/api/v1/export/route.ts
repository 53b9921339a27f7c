// GET /api/v1/export?period=P&format=csv|xlsx (CONTRACT.md §3, §6): the assessment
// export; scope scores:export, or the roles admin, assessor and auditor. Audited.
import { getDatabase } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { clientIp, requirePrincipal } from '@/lib/auth/request';
import { exportAssessment, exportResponse } from '@/lib/export/service';
import { handle } from '@/lib/edge/route';
import { forbidden } from '@/lib/http/errors';
import { exportQuery } from '@/lib/export/http';

export const GET = handle(async (request: Request) => {
  const query = exportQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const principal = await requirePrincipal(request);
  if (!can(principal, 'export')) throw forbidden();
  const file = await exportAssessment(await getDatabase(), { principal, ip: clientIp(request) }, query);
  return exportResponse(file);
});
