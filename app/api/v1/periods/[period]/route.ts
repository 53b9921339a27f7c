// GET /api/v1/periods/{P} (CONTRACT.md §3): one period's status.
import { getDatabase } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { requirePrincipal } from '@/lib/auth/request';
import { handle } from '@/lib/edge/route';
import { forbidden } from '@/lib/http/errors';
import { periodParams } from '@/lib/periods/http';
import { getPeriod } from '@/lib/scores';

type Context = { params: Promise<{ period: string }> };

export const GET = handle(async (request: Request, context: Context) => {
  const { period } = periodParams.parse(await context.params);
  const principal = await requirePrincipal(request);
  if (!can(principal, 'periods:read')) throw forbidden();
  return Response.json(await getPeriod(await getDatabase(), period));
});
