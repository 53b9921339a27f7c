// POST /api/v1/periods/{P}/publish {"appealDays": 5}: open → published (admins).
import { getDatabase } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { clientIp, requirePrincipal } from '@/lib/auth/request';
import { handle } from '@/lib/edge/route';
import { forbidden } from '@/lib/http/errors';
import { periodParams, publishBody } from '@/lib/periods/http';
import { readJson } from '@/lib/http/request';
import { periodJson } from '@/lib/periods/present';
import { publishPeriod } from '@/lib/assessment/service';

type Context = { params: Promise<{ period: string }> };

export const POST = handle(async (request: Request, context: Context) => {
  const { period } = periodParams.parse(await context.params);
  const principal = await requirePrincipal(request);
  if (!can(principal, 'periods:manage')) throw forbidden();
  const body = publishBody.parse(await readJson(request));
  const row = await publishPeriod(await getDatabase(), { principal, ip: clientIp(request) }, period, { appealDays: body.appealDays });
  return Response.json(periodJson(row));
});
