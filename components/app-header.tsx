import Link from 'next/link';
import { getI18n } from '@/lib/i18n/server';
import { LanguageSwitch } from './language-switch';

// Navigation. Which links a role sees is decided by lib/auth (can()); until
// sign-in exists every link is listed and each page checks access itself.
export async function AppHeader() {
  const { t } = await getI18n();
  const links: Array<[string, string]> = [
    ['/rankings', t.nav.rankings],
    ['/me', t.nav.me],
    ['/flows', t.nav.flows],
    ['/assessment', t.nav.assessment],
    ['/admin', t.nav.admin],
    ['/audit', t.nav.audit],
  ];
  return (
    <header className="header">
      <Link href="/" className="brand">
        <span className="brand-mark" aria-hidden="true">
          共
        </span>
        {t.app.name}
      </Link>
      <nav aria-label="主导航" className="nav">
        {links.map(([href, label]) => (
          <Link key={href} href={href}>
            {label}
          </Link>
        ))}
      </nav>
      <LanguageSwitch label={t.nav.language} />
    </header>
  );
}
