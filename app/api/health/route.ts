import { getPrincipal } from '@/lib/auth/request';
import { checkHealth, healthFor } from '@/lib/system/health';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const health = await checkHealth();
  // A database that is down cannot confirm a session either: the caller is then anonymous.
  const signedIn = health.database !== null && (await getPrincipal(request).catch(() => null)) !== null;
  return Response.json(healthFor(health, signedIn), { status: health.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
