// POST /api/v1/appeals/{id}/decision {"decision": "accept"|"reject", "reason",
// "correction"?: {"month", "indicator"?, "value"}}: an admin decides an open appeal.
import { getDatabase } from '@/db/client';
import { decideAppeal } from '@/lib/appeals/service';
import { can } from '@/lib/auth/permissions';
import { clientIp, requirePrincipal } from '@/lib/auth/request';
import { handle } from '@/lib/edge/route';
import { forbidden } from '@/lib/http/errors';
import { decisionBody } from '@/lib/appeals/http';
import { idParams, readJson } from '@/lib/http/request';
import { appealJson } from '@/lib/appeals/present';

type Context = { params: Promise<{ id: string }> };

export const POST = handle(async (request: Request, context: Context) => {
  const { id } = idParams.parse(await context.params);
  const principal = await requirePrincipal(request);
  if (!can(principal, 'appeals:decide')) throw forbidden();
  const body = decisionBody.parse(await readJson(request));
  const result = await decideAppeal(await getDatabase(), { principal, ip: clientIp(request) }, id, body);
  return Response.json({ ...appealJson(result.appeal), correction: result.correction });
});
