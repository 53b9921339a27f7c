// GET /api/v1/scores/{department}?period=P (CONTRACT.md §3): one department's detail.
import { getDatabase } from '@/db/client';
import { requirePrincipal } from '@/lib/auth/request';
import { handle } from '@/lib/edge/route';
import { departmentPathParams, searchParams } from '@/lib/http/request';
import { periodParams } from '@/lib/periods/http';
import { getDepartmentScore } from '@/lib/scores';

type Context = { params: Promise<{ department: string }> };

export const GET = handle(async (request: Request, context: Context) => {
  const { period } = periodParams.parse(searchParams(request));
  const { department } = departmentPathParams.parse(await context.params);
  const principal = await requirePrincipal(request);
  // can(principal, 'scores:detail', {department}) is asked inside: 403 for another department's detail.
  return Response.json(await getDepartmentScore(await getDatabase(), period, department, principal));
});
