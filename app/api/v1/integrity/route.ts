// GET /api/v1/integrity?period=P: the period's integrity flags with their evidence
// (docs/api.md, "Integrity"): everyone's for admins, leaders, auditors and unbound
// scores:read tokens; a department user's own only.
import { getDatabase } from '@/db/client';
import { requirePrincipal } from '@/lib/auth/request';
import { handle } from '@/lib/edge/route';
import { requestLocale } from '@/lib/i18n';
import { flagJson } from '@/lib/integrity/present';
import { integrityFor, integrityScope } from '@/lib/integrity/service';
import { searchParams } from '@/lib/http/request';
import { periodParams } from '@/lib/periods/http';

export const GET = handle(async (request: Request) => {
  const { period } = periodParams.parse(searchParams(request));
  const principal = await requirePrincipal(request);
  integrityScope(principal); // 403 before any work for whoever may not read flags
  const report = await integrityFor(await getDatabase(), principal, period);
  const locale = requestLocale(request.headers);
  return Response.json({ period: report.period, flags: report.flags.map((f) => flagJson(f, locale)) });
});
