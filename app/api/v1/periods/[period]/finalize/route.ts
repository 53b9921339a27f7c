// POST /api/v1/periods/{P}/finalize: published → finalized once the appeal window is
// over and no appeal is open (admins). Answers the snapshot hash.
import { getDatabase } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { clientIp, requirePrincipal } from '@/lib/auth/request';
import { handle } from '@/lib/edge/route';
import { forbidden } from '@/lib/http/errors';
import { periodParams } from '@/lib/periods/http';
import { periodJson } from '@/lib/periods/present';
import { finalizePeriod } from '@/lib/assessment/service';

type Context = { params: Promise<{ period: string }> };

export const POST = handle(async (request: Request, context: Context) => {
  const { period } = periodParams.parse(await context.params);
  const principal = await requirePrincipal(request);
  if (!can(principal, 'periods:manage')) throw forbidden();
  const result = await finalizePeriod(await getDatabase(), { principal, ip: clientIp(request) }, period);
  return Response.json({ ...periodJson(result.period), departments: result.departments });
});
