// GET /api/v1/appeals?period=&status=&department=: appeals (a department sees its own).
// POST /api/v1/appeals {"period", "indicator"?, "reason", "evidence"?, "ledgerKind"?, "ledgerId"?}:
// a department files an appeal during the window of a published period, optionally naming
// a ledger row it provides on (条例 art. 28; docs/api.md).
import { getDatabase } from '@/db/client';
import { appealsFor, fileAppeal } from '@/lib/appeals/service';
import { can } from '@/lib/auth/permissions';
import { boundDepartment } from '@/lib/auth/principal';
import { clientIp, requirePrincipal } from '@/lib/auth/request';
import { handle } from '@/lib/edge/route';
import { forbidden } from '@/lib/http/errors';
import { appealBody, appealListQuery } from '@/lib/appeals/http';
import { readJson } from '@/lib/http/request';
import { appealJson } from '@/lib/appeals/present';

export const GET = handle(async (request: Request) => {
  const query = appealListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const principal = await requirePrincipal(request);
  if (!can(principal, 'appeals:read', { department: query.department ?? boundDepartment(principal) })) throw forbidden();
  const appeals = await appealsFor(await getDatabase(), principal, query);
  return Response.json({ appeals: appeals.map(appealJson) });
});

export const POST = handle(async (request: Request) => {
  const principal = await requirePrincipal(request);
  // Coarse check before the body is read; then the department the body names.
  if (!can(principal, 'appeals:create', { department: boundDepartment(principal) ?? '' })) throw forbidden();
  const body = appealBody.parse(await readJson(request));
  const department = body.department ?? boundDepartment(principal) ?? '';
  if (!can(principal, 'appeals:create', { department })) throw forbidden();
  const appeal = await fileAppeal(await getDatabase(), { principal, ip: clientIp(request) }, { ...body, department });
  return Response.json(appealJson(appeal), { status: 201 });
});
