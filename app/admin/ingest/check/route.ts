// POST /admin/ingest/check?kind=metrics|events|catalog|requests|objections: the upload page's dry run. The same
// checks as the API, nothing stored; the commit then goes to /api/v1/{kind}.
import { z } from 'zod';
import { getDatabase } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { boundDepartment } from '@/lib/auth/principal';
import { requirePrincipal } from '@/lib/auth/request';
import { handle } from '@/lib/edge/route';
import { forbidden } from '@/lib/http/errors';
import { searchParams } from '@/lib/http/request';
import { requestLocale } from '@/lib/i18n';
import { checkUpload, INGEST_KINDS, KIND_SPECS, readUpload } from '@/lib/ingest';

const query = z.object({ kind: z.enum(INGEST_KINDS) });

export const POST = handle(async (request: Request) => {
  const { kind } = query.parse(searchParams(request));
  const principal = await requirePrincipal(request);
  if (!can(principal, KIND_SPECS[kind].action, { department: boundDepartment(principal) })) throw forbidden();
  const locale = requestLocale(request.headers);
  const outcome = await checkUpload(await getDatabase(), { kind, principal, upload: await readUpload(request), locale });
  return Response.json(outcome.body, { status: outcome.status });
});
