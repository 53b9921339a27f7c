import { connection } from 'next/server';
import { getPrincipal } from '@/lib/auth/request';
import { checkHealth, healthFor } from '@/lib/system/health';

export async function GET(request: Request) {
  await connection(); // at request time only: never prerendered (the database is not opened during next build)
  const health = await checkHealth();
  // A database that is down cannot confirm a session either: the caller is then anonymous.
  const signedIn = health.database !== null && (await getPrincipal(request).catch(() => null)) !== null;
  return Response.json(healthFor(health, signedIn), { status: health.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
