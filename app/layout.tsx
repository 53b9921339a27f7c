import type { Metadata } from 'next';
import './globals.css';
import { getI18n } from '@/lib/i18n/server';
import { AppHeader } from '@/components/app-header';

// Every page is the signed-in reader's: this layout reads the locale cookie for <html lang>, so
// no page has a static shell to prerender, and the whole app opts out of that check. What every
// reader of a view sees alike is cached with 'use cache' instead (README, "Pages and the cache").
export const instant = false;

export const metadata: Metadata = {
  title: '政务数据共享贡献度评价与激励看板',
  description: 'Sharescore — government data-sharing contribution scoring and incentives',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { locale, t } = await getI18n();
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t.nav.skipToContent}
        </a>
        <AppHeader />
        <main id="main" className="page">
          {children}
        </main>
        <footer className="footer">
          {t.app.bureau} · {t.app.footer}
        </footer>
      </body>
    </html>
  );
}
