import { redirect } from 'next/navigation';
import { can } from '@/lib/auth/permissions';
import { getSessionPrincipal } from '@/lib/auth/session';

/** Home: department officers go to their own page, the security officer to the accounts, everyone else to the rankings. */
export default async function HomePage() {
  const principal = await getSessionPrincipal();
  if (!principal || principal.kind !== 'user') redirect('/login');
  if (principal.role === 'department' && principal.departmentCode) redirect('/me');
  redirect(can(principal, 'scores:read') ? '/rankings' : can(principal, 'users:manage') ? '/admin/users' : '/me');
}
