// /assessment?period=P: a period's workflow status, its results in the export's
// columns, the exports (admin, assessor, auditor), snapshot verification, and for a
// department user its own appeals (filed here in the window) and incidents.
import { DataTable } from '@/components/data-table';
import { AppLink } from '@/components/app-link';
import { getDatabase } from '@/db/client';
import { AppealForm, ExemptionRequestForm, VerifyForm } from '@/components/assessment/forms';
import { AppealStatus, cycleStyles as styles, ExemptionStatus, Hash, PeriodPicker, StatusBadge } from '@/components/assessment/parts';
import { guardPage } from '@/lib/auth/guard';
import { fill, formatDateTime, formatNumber } from '@/lib/i18n';
import { getI18n } from '@/lib/i18n/server';
import { assessmentView } from '@/lib/assessment/views';
import { ownFlagKinds } from '@/lib/integrity/views';
import { fileAppealAction, requestExemptionAction, verifyAction } from './actions';

type Props = { searchParams: Promise<{ period?: string; ledgerKind?: string; ledgerId?: string }> };

// The export's columns: 排名 0, 部门编码 1, 部门名称 2, 总分 3, one per dimension, then
// 扣分, 等级, 排名区间, 考核得分, 激励建议 (lib/scoring assessmentRows).
const numericColumn = (i: number, n: number) => i === 0 || (i >= 3 && i <= n - 5) || i === n - 2;
/** What every role may see of every department: rank, code, name, total, tier. */
const publicColumn = (i: number, n: number) => i <= 3 || i === n - 4;

export default async function AssessmentPage({ searchParams }: Props) {
  const { period: requested, ledgerKind, ledgerId } = await searchParams;
  // A department page's "appeal this row" link names the ledger row (条例 art. 28).
  const ledger = (ledgerKind === 'request' || ledgerKind === 'objection') && typeof ledgerId === 'string' ? { kind: ledgerKind as 'request' | 'objection', id: ledgerId.slice(0, 128) } : null;
  const gate = await guardPage(requested ? `/assessment?period=${encodeURIComponent(requested)}` : '/assessment', 'periods:read');
  const { t, locale } = await getI18n();
  const k = t.assessment;
  const view = await assessmentView(await getDatabase(), gate.principal, requested, new Date());
  const period = view.period;
  const indicatorNames = new Map(view.indicators.map((i) => [i.code, i.name]));
  const n = view.header.length;

  return (
    <section className="stack" aria-labelledby="assessment-title">
      <h1 id="assessment-title">{k.title}</h1>
      <p className="lead">{k.intro}</p>
      {view.periods.length === 0 ? (
        <p className="muted">{k.noPeriods}</p>
      ) : (
        <PeriodPicker action="/assessment" periods={view.periods} selected={period?.code ?? null} label={k.choosePeriod} submit={k.show} t={t} />
      )}
      {requested && !period && (
        <p className="error-box" role="alert">
          {fill(t.cycle.errors.unknownPeriod, { period: requested })}
        </p>
      )}
      {period && (
        <>
          <div className="card" aria-labelledby="assessment-status">
            <h2 id="assessment-status">
              {period.code} · {k.statusTitle}
            </h2>
            <dl className="kv">
              <dt>{k.status}</dt>
              <dd>
                <StatusBadge status={period.status} t={t} />
              </dd>
              {view.scheme && (
                <>
                  <dt>{k.scheme}</dt>
                  <dd>{fill(k.schemeVersion, { name: view.scheme.name, version: view.scheme.version })}</dd>
                </>
              )}
              {period.publishedAt && (
                <>
                  <dt>{k.publishedAt}</dt>
                  <dd>{formatDateTime(locale, period.publishedAt)}</dd>
                </>
              )}
              {period.appealDeadline && (
                <>
                  <dt>{k.deadline}</dt>
                  <dd data-testid="appeal-deadline">
                    {formatDateTime(locale, period.appealDeadline)}{' '}
                    {view.window === 'open' && view.daysLeft !== null
                      ? fill(k.workingDaysLeft, { days: view.daysLeft })
                      : view.window === 'closed'
                        ? k.deadlinePassed
                        : ''}
                  </dd>
                </>
              )}
              {period.finalizedAt && (
                <>
                  <dt>{k.finalizedAt}</dt>
                  <dd>{formatDateTime(locale, period.finalizedAt)}</dd>
                  <dt>{k.finalizedBy}</dt>
                  <dd>{period.finalizedBy}</dd>
                  <dt>{k.snapshotHash}</dt>
                  <dd data-testid="snapshot-hash">
                    <Hash value={period.snapshotHash} />
                  </dd>
                </>
              )}
            </dl>
            {period.status === 'finalized' && (
              <div className="stack" style={{ marginTop: 12 }}>
                <p>{k.finalizedNote}</p>
                <VerifyForm submit={verifyAction} locale={locale} period={period.code} />
              </div>
            )}
            {view.canManage && (
              <p>
                <AppLink href="/admin/periods">{k.manage}</AppLink>
              </p>
            )}
          </div>

          {view.canExport && view.document && (
            <div className="card" aria-labelledby="assessment-export">
              <h2 id="assessment-export">{k.exportTitle}</h2>
              <p className={view.document.draft ? 'muted' : undefined}>
                {view.document.draft ? k.exportDraftNote : fill(k.exportFinalNote, { hash: view.document.snapshotHash ?? '' })}
              </p>
              <p className="toolbar">
                <a className={styles.button} href={`/api/v1/export?period=${encodeURIComponent(period.code)}&format=xlsx`} download data-testid="export-xlsx">
                  {k.exportXlsx}
                </a>
                <a className={styles.button} href={`/api/v1/export?period=${encodeURIComponent(period.code)}&format=csv`} download data-testid="export-csv">
                  {k.exportCsv}
                </a>
              </p>
            </div>
          )}

          {view.department && (
            <div className="card stack" aria-labelledby="assessment-appeals">
              <h2 id="assessment-appeals">{k.myAppealsTitle}</h2>
              {view.window === 'notPublished' && <p className="muted">{k.notPublishedNote}</p>}
              {view.window === 'open' && period.appealDeadline && <p>{fill(k.windowOpen, { deadline: formatDateTime(locale, period.appealDeadline) })}</p>}
              {view.window === 'closed' && period.appealDeadline && (
                <p className="muted">{fill(k.windowClosed, { deadline: formatDateTime(locale, period.appealDeadline) })}</p>
              )}
              {view.window === 'finalized' && <p className="muted">{k.finalizedNote}</p>}
              {view.appeals.length > 0 && (
                <DataTable columns={[t.appeals.id, t.appeals.target, t.appeals.reason, t.appeals.filedAt, t.appeals.status, t.appeals.decision]} rowCount={view.appeals.length} caption={k.myAppealsTitle} testId="my-appeals">
                  {view.appeals.map((a) => (
                    <tr key={a.id} data-appeal={a.id}>
                      <th scope="row">{a.id}</th>
                      <td>
                        {a.indicator ? (indicatorNames.get(a.indicator) ?? a.indicator) : t.appeals.targetTotal}
                        {a.ledgerKind && <div className="muted">{`${t.appeals.ledgerKinds[a.ledgerKind]} ${a.ledgerId ?? ''}`}</div>}
                        {a.flag && <div className="muted">{t.integrity.kinds[a.flag as keyof typeof t.integrity.kinds] ?? a.flag}</div>}
                      </td>
                      <td className={styles.pre}>{a.reason}</td>
                      <td>{formatDateTime(locale, a.createdAt)}</td>
                      <td>
                        <AppealStatus status={a.status} t={t} />
                      </td>
                      <td className={styles.pre}>{a.decisionReason ?? '—'}</td>
                    </tr>
                  ))}
                </DataTable>
              )}
              {view.canAppeal && (
                <AppealForm submit={fileAppealAction} locale={locale} period={period.code} ledger={ledger} indicators={view.indicators.map((i) => ({ value: i.code, label: `${i.name}（${i.code}）` }))} flags={view.department ? await ownFlagKinds(gate.principal, view.department, period.code) : []} />
              )}
            </div>
          )}

          {view.department && (
            <div className="card stack" aria-labelledby="assessment-incidents">
              <h2 id="assessment-incidents">{k.myIncidentsTitle}</h2>
              {view.incidents.length === 0 ? (
                <p className="muted">{t.incidents.empty}</p>
              ) : (
                <ul className="stack" style={{ listStyle: 'none', padding: 0 }}>
                  {view.incidents.map((i) => (
                    <li key={i.id} className="card" data-incident={i.id}>
                      <p>
                        <strong>
                          #{i.id} · {i.occurredOn} · {t.incidents.kinds[i.kind]}
                        </strong>{' '}
                        · {i.exemptionStatus === 'granted' ? t.incidents.exempted : fill(t.incidents.deducted, { points: i.points })} ·{' '}
                        <ExemptionStatus status={i.exemptionStatus} t={t} />
                      </p>
                      <p className={styles.pre}>{i.description}</p>
                      {i.exemptionRequest && (
                        <p className={styles.pre}>
                          {t.incidents.request}：{i.exemptionRequest}
                        </p>
                      )}
                      {i.decisionReason && (
                        <p className={styles.pre}>
                          {t.incidents.decision}：{i.decisionReason}
                        </p>
                      )}
                      <ExemptionRequestForm submit={requestExemptionAction} locale={locale} incident={i.id} open={i.exemptionStatus === 'none' && period.status !== 'finalized'} />
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}

          <div className="card" aria-labelledby="assessment-results">
            <h2 id="assessment-results">{k.resultsTitle}</h2>
            <DataTable columns={view.header.map((h, i) => ({ label: h, numeric: numericColumn(i, n) }))} rowCount={view.results.length} empty={k.noResults} caption={`${fill(k.resultsCaption, { period: period.code })}${view.document?.draft ? `（${t.exportFile.draft}）` : ''}`} testId="assessment-results">
              {view.results.map((row) => (
                <tr key={row.department} aria-current={row.department === view.department ? 'true' : undefined}>
                  {row.cells.map((cell, i) => {
                    const shown = row.detail || publicColumn(i, n) ? cell : '—';
                    const text = typeof shown === 'number' ? formatNumber(locale, shown, i === 0 ? 0 : 2) : shown;
                    if (i === 2) {
                      return (
                        <th key={i} scope="row">
                          {text}
                        </th>
                      );
                    }
                    return (
                      <td key={i} className={numericColumn(i, n) ? 'num' : i === n - 1 ? styles.small : styles.nowrap}>
                        {text}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </DataTable>
          </div>
        </>
      )}
    </section>
  );
}
