import { AppLink } from '@/components/app-link';
import { can, type Action } from '@/lib/auth/permissions';
import { boundDepartment, type Principal } from '@/lib/auth/principal';
import { getSignedInUser } from '@/lib/auth/session';
import { getI18n } from '@/lib/i18n/server';
import { SignOutButton } from './auth/sign-out-button';
import { LanguageSwitch } from './language-switch';

type NavLink = { href: string; label: string; visible: (p: Principal) => boolean };
const allowed = (action: Action) => (p: Principal) => can(p, action);
const integrityHref = (p: Principal | undefined) => (p && !can(p, 'integrity:read') && boundDepartment(p) ? `/integrity?department=${encodeURIComponent(boundDepartment(p)!)}` : '/integrity');

// Navigation filtered by can(): a link shows only when its page would let the user in.
// Pages check again themselves (lib/auth/guard.tsx); hiding a link is only a courtesy.
// Someone who must enrol a second factor first sees no navigation at all.
export async function AppHeader() {
  const { t } = await getI18n();
  const user = await getSignedInUser();
  const links: NavLink[] = [
    { href: '/rankings', label: t.nav.rankings, visible: allowed('scores:read') },
    { href: '/me', label: t.nav.me, visible: (p) => p.kind === 'user' && p.role === 'department' && can(p, 'scores:detail', { department: p.departmentCode }) },
    { href: '/flows', label: t.nav.flows, visible: allowed('flows:read') },
    { href: '/catalog', label: t.nav.catalog, visible: allowed('ledgers:view') },
    { href: '/requests', label: t.nav.requests, visible: allowed('ledgers:view') },
    { href: '/assessment', label: t.nav.assessment, visible: allowed('periods:read') },
    // A department reads its own flags: its code in the URL (app/integrity/page.tsx).
    { href: integrityHref(user?.principal), label: t.nav.integrity, visible: (p) => can(p, 'integrity:read') || can(p, 'integrity:read', { department: boundDepartment(p) }) },
    // Department officers upload their own data; admins reach uploads from /admin.
    { href: '/admin/ingest', label: t.adminIndex.ingest, visible: (p) => !can(p, 'admin:view') && (can(p, 'metrics:write', { department: boundDepartment(p) }) || can(p, 'events:write', { department: boundDepartment(p) })) },
    { href: '/admin', label: t.nav.admin, visible: allowed('admin:view') },
    // The security officer's pages (三员分立): accounts and tokens are not the admin's.
    { href: '/admin/users', label: t.adminIndex.users, visible: allowed('users:manage') },
    { href: '/admin/tokens', label: t.adminIndex.tokens, visible: allowed('tokens:manage') },
    { href: '/audit', label: t.nav.audit, visible: allowed('audit:read') },
  ];
  return (
    <header className="header">
      <AppLink href="/" className="brand">
        <span className="brand-mark" aria-hidden="true">
          共
        </span>
        {t.app.name}
      </AppLink>
      <nav aria-label={t.nav.main} className="nav">
        {user &&
          !user.mustEnrol &&
          links
            .filter((l) => l.visible(user.principal))
            .map((l) => (
              <AppLink key={l.href} href={l.href}>
                {l.label}
              </AppLink>
            ))}
      </nav>
      <div className="header-user">
        {user ? (
          <>
            <span data-testid="signed-in-user" title={t.auth.signedInAs}>
              {user.displayName}（{t.roles[user.principal.role]}
              {user.principal.departmentCode ? ` · ${user.principal.departmentCode}` : ''}）
            </span>
            <AppLink href="/account/sessions">{t.sessions.title}</AppLink>
            <AppLink href="/account/security">{t.mfa.nav}</AppLink>
            <SignOutButton label={t.auth.signOut} />
          </>
        ) : (
          <AppLink href="/login">{t.nav.signIn}</AppLink>
        )}
        <LanguageSwitch label={t.nav.language} />
      </div>
    </header>
  );
}
