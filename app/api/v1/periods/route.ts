// GET /api/v1/periods (CONTRACT.md §3): every month, quarter and year with data, newest first.
import { getDatabase } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { requirePrincipal } from '@/lib/auth/request';
import { handle } from '@/lib/edge/route';
import { forbidden } from '@/lib/http/errors';
import { listPeriods } from '@/lib/scores';

export const GET = handle(async (request: Request) => {
  const principal = await requirePrincipal(request);
  if (!can(principal, 'periods:read')) throw forbidden();
  return Response.json(await listPeriods(await getDatabase()));
});
