// POST /api/v1/periods/{P}/verify: recomputes a finalized period from its stored inputs
// and scheme and compares the hash (any role that reads periods). Audited.
import { getDatabase } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { clientIp, requirePrincipal } from '@/lib/auth/request';
import { handle } from '@/lib/edge/route';
import { forbidden } from '@/lib/http/errors';
import { periodParams } from '@/lib/periods/http';
import { verifyPeriod } from '@/lib/assessment/service';

type Context = { params: Promise<{ period: string }> };

export const POST = handle(async (request: Request, context: Context) => {
  const { period } = periodParams.parse(await context.params);
  const principal = await requirePrincipal(request);
  if (!can(principal, 'periods:read')) throw forbidden();
  const check = await verifyPeriod(await getDatabase(), { principal, ip: clientIp(request) }, period);
  return Response.json(check);
});
