// GET /api/v1/scores?period=P (CONTRACT.md §3): the ranking, from the score cache.
import { getDatabase } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { requirePrincipal } from '@/lib/auth/request';
import { handle } from '@/lib/edge/route';
import { forbidden } from '@/lib/http/errors';
import { searchParams } from '@/lib/http/request';
import { periodParams } from '@/lib/periods/http';
import { getPeriodScores } from '@/lib/scores';

export const GET = handle(async (request: Request) => {
  const { period } = periodParams.parse(searchParams(request));
  const principal = await requirePrincipal(request);
  if (!can(principal, 'scores:read')) throw forbidden();
  return Response.json(await getPeriodScores(await getDatabase(), period, principal));
});
