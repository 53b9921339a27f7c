import type { Metadata } from 'next';
import { AppLink } from '@/components/app-link';
import { guardPage } from '@/lib/auth/guard';
import { getI18n } from '@/lib/i18n/server';
import { loadDepartment } from '@/lib/dashboard/department';
import { firstParam, pagePath } from '@/lib/dashboard/page-path';
import type { SearchParams } from '@/lib/dashboard/ranking-params';
import { DepartmentPage } from '@/components/dashboard/department-page';
import { NoData } from '@/components/dashboard/no-data';
import { DepartmentLedger } from '@/components/ledgers/department-ledger';
import { getDatabase } from '@/db/client';
import { loadDepartmentLedger } from '@/lib/ledgers/views';
import { fileObjectionAction, rateRequestAction } from '../departments/[code]/ledger-actions';
import { flagBadgeLinks } from '@/lib/integrity/views';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: `${t.nav.me} · ${t.app.shortName}` };
}

/** The signed-in department's own page. */
export default async function MyDepartmentPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const gate = await guardPage(pagePath('/me', sp), null);
  const { locale, t } = await getI18n();
  const code = gate.principal.departmentCode;
  const loaded = code ? await loadDepartment(code, firstParam(sp.period)) : null;
  if (!loaded || loaded.kind === 'not-found') {
    return (
      <section className="stack">
        <h1>{t.nav.me}</h1>
        <p className="card">{t.dashboard.notBound}</p>
        <p>
          <AppLink href="/rankings">{t.dashboard.toRankings}</AppLink>
        </p>
      </section>
    );
  }
  if (loaded.kind === 'no-periods') return <NoData title={t.nav.me} t={t} />;
  const ledger = code ? await loadDepartmentLedger(await getDatabase(), gate.principal, code) : null;
  const period = loaded.kind === 'ok' ? loaded.view.period.code : loaded.period.code;
  const flags = await flagBadgeLinks(gate.principal, period, t, code ? [code] : []);
  return (
    <>
      <DepartmentPage loaded={loaded} action="/me" locale={locale} t={t} flag={flags[code ?? '']} />
      {ledger && <DepartmentLedger view={ledger} locale={locale} t={t} rateAction={rateRequestAction} objectionAction={fileObjectionAction} />}
    </>
  );
}
