import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { guardPage } from '@/lib/auth/guard';
import { getI18n } from '@/lib/i18n/server';
import { loadDepartment } from '@/lib/dashboard/department';
import { departmentCodeParam, firstParam, pagePath } from '@/lib/dashboard/page-path';
import type { SearchParams } from '@/lib/dashboard/ranking-params';
import { DepartmentPage } from '@/components/dashboard/department-page';
import { NoData } from '@/components/dashboard/no-data';
import { LedgerIndicators } from '@/components/departments/ledger-indicators';
import { DepartmentLedger } from '@/components/ledgers/department-ledger';
import { getDatabase } from '@/db/client';
import { pageLedgerLines } from '@/lib/ledgers/department-lines';
import { loadDepartmentLedger } from '@/lib/ledgers/views';
import { fileObjectionAction, rateRequestAction } from './ledger-actions';
import { flagBadgeLinks } from '@/lib/integrity/views';

type Props = { params: Promise<{ code: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: `${departmentCodeParam((await params).code) ?? t.dashboard.departmentNotFound} · ${t.app.shortName}` };
}

export default async function DepartmentScorePage({ params, searchParams }: Props) {
  const code = departmentCodeParam((await params).code);
  if (!code) notFound();
  const sp = await searchParams;
  // A department user may open only its own page: anyone else's is the 403 page.
  const gate = await guardPage(pagePath(`/departments/${encodeURIComponent(code)}`, sp), 'scores:detail', { department: code });
  const { locale, t } = await getI18n();
  const loaded = await loadDepartment(code, firstParam(sp.period));
  if (loaded.kind === 'not-found') notFound();
  if (loaded.kind === 'no-periods') return <NoData title={`${loaded.department.name}（${loaded.department.code}）`} t={t} />;
  const period = loaded.kind === 'ok' ? loaded.view.period.code : loaded.period.code;
  const [ledger, ledgerLines, flags] = await Promise.all([
    // Its requests and objections, with their clocks (docs/dashboard.md "Ledgers").
    loadDepartmentLedger(await getDatabase(), gate.principal, code),
    loaded.kind === 'ok' ? pageLedgerLines(code, loaded.view) : [],
    flagBadgeLinks(gate.principal, period, t, [code]),
  ]);
  return (
    <>
      <DepartmentPage loaded={loaded} action={`/departments/${encodeURIComponent(code)}`} locale={locale} t={t} flag={flags[code]} />
      {loaded.kind === 'ok' && <LedgerIndicators lines={ledgerLines} indicators={loaded.view.scheme.indicators} locale={locale} t={t} />}
      {ledger && <DepartmentLedger view={ledger} locale={locale} t={t} rateAction={rateRequestAction} objectionAction={fileObjectionAction} />}
    </>
  );
}
