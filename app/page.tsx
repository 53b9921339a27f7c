import { redirect } from 'next/navigation';
import { landingPath } from '@/lib/auth/landing';
import { getSessionPrincipal } from '@/lib/auth/session';

/** Home: proxy.ts redirects a signed-in user before this renders; this is the same rule, for a request that reaches it anyway. */
export default async function HomePage() {
  const principal = await getSessionPrincipal();
  if (!principal || principal.kind !== 'user') redirect('/login');
  redirect(landingPath(principal));
}
