import { redirect } from 'next/navigation';
import { getSessionPrincipal } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

/** Home: department officers go to their own page, everyone else to the rankings; the signed-out sign in. */
export default async function HomePage() {
  const principal = await getSessionPrincipal();
  if (!principal || principal.kind !== 'user') redirect('/login');
  redirect(principal.role === 'department' && principal.departmentCode ? '/me' : '/rankings');
}
