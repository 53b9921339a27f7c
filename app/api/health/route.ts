import { connection } from 'next/server';
import { getPrincipal } from '@/lib/auth/request';
import { checkHealth, healthFor } from '@/lib/system/health';

export async function GET(request: Request) {
  // At request time only: never prerendered (the database is not opened during next build); outside a request (tests) it refuses, which is fine.
  await Promise.resolve().then(connection).catch(() => undefined);
  const health = await checkHealth();
  // A database that is down cannot confirm a session either: the caller is then anonymous.
  const signedIn = health.database !== null && (await getPrincipal(request).catch(() => null)) !== null;
  return Response.json(healthFor(health, signedIn), { status: health.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
