// POST /api/v1/periods/{P}/withdraw {"reason": "..."}: published → open (admins).
import { getDatabase } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { clientIp, requirePrincipal } from '@/lib/auth/request';
import { handle } from '@/lib/edge/route';
import { forbidden } from '@/lib/http/errors';
import { periodParams, withdrawBody } from '@/lib/periods/http';
import { readJson } from '@/lib/http/request';
import { periodJson } from '@/lib/periods/present';
import { withdrawPeriod } from '@/lib/assessment/service';

type Context = { params: Promise<{ period: string }> };

export const POST = handle(async (request: Request, context: Context) => {
  const { period } = periodParams.parse(await context.params);
  const principal = await requirePrincipal(request);
  if (!can(principal, 'periods:manage')) throw forbidden();
  const body = withdrawBody.parse(await readJson(request));
  const row = await withdrawPeriod(await getDatabase(), { principal, ip: clientIp(request) }, period, body.reason);
  return Response.json(periodJson(row));
});
