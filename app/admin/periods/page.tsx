// /admin/periods: every period's status with publish, withdraw, finalize and verify,
// and the working-day calendar (public holidays and make-up workdays) for deadlines.
import { DataTable } from '@/components/data-table';
import { AppLink } from '@/components/app-link';
import { getDatabase } from '@/db/client';
import { CalendarDayForm, PeriodActions, RemoveDayForm } from '@/components/assessment/forms';
import { Hash, StatusBadge } from '@/components/assessment/parts';
import { guardPage } from '@/lib/auth/guard';
import { fill, formatDateTime } from '@/lib/i18n';
import { getI18n } from '@/lib/i18n/server';
import { chinaDay } from '@/lib/periods/calendar';
import { hasHolidays, listCalendar } from '@/lib/periods/calendar-service';
import { periodsOverview } from '@/lib/assessment/views';
import { finalizeAction, publishAction, removeCalendarDayAction, setCalendarDayAction, withdrawAction } from './actions';
import { verifyAction } from '@/app/assessment/actions';

type Props = { searchParams: Promise<{ year?: string }> };

const PERIOD_ACTIONS = { publish: publishAction, withdraw: withdrawAction, finalize: finalizeAction, verify: verifyAction };

export default async function AdminPeriodsPage({ searchParams }: Props) {
  const { year: yearParam } = await searchParams;
  await guardPage('/admin/periods', 'periods:manage');
  const { t, locale } = await getI18n();
  const k = t.periodsAdmin;
  const database = await getDatabase();
  const now = new Date();
  const thisYear = Number(chinaDay(now).slice(0, 4));
  const year = /^\d{4}$/.test(yearParam ?? '') ? Number(yearParam) : thisYear;
  const [periods, days, nextYearListed] = await Promise.all([periodsOverview(database, now), listCalendar(database, year), hasHolidays(database, thisYear + 1)]);
  const years = [...new Set([thisYear - 1, thisYear, thisYear + 1, year])].sort();

  return (
    <section className="stack" aria-labelledby="periods-title">
      <h1 id="periods-title">{k.title}</h1>
      <p className="lead">{k.intro}</p>
      <div className="card">
        <DataTable columns={[k.period, k.kind, k.status, k.publishedAt, k.deadline, { label: k.openAppeals, numeric: true }, k.snapshot, k.actions]} rowCount={periods.length} empty={k.empty} caption={k.title} testId="periods-table">
          {periods.map((p) => (
            <tr key={p.code} data-period={p.code}>
              <th scope="row">
                <AppLink href={`/assessment?period=${encodeURIComponent(p.code)}`}>{p.code}</AppLink>
              </th>
              <td>{t.cycle.kinds[p.kind]}</td>
              <td>
                <StatusBadge status={p.status} t={t} />
                {p.schemeVersion !== null && <div className="muted">{fill(k.schemeNote, { version: p.schemeVersion })}</div>}
              </td>
              <td>{formatDateTime(locale, p.publishedAt)}</td>
              <td>{formatDateTime(locale, p.appealDeadline)}</td>
              <td className="num">
                {p.openAppeals > 0 ? <AppLink href={`/admin/appeals?period=${encodeURIComponent(p.code)}`}>{p.openAppeals}</AppLink> : 0}
              </td>
              <td>
                <Hash value={p.snapshotHash} />
              </td>
              <td>
                <PeriodActions actions={PERIOD_ACTIONS} locale={locale} period={p.code} status={p.status} blocker={p.finalizeBlocker} />
              </td>
            </tr>
          ))}
        </DataTable>
      </div>

      <div className="card stack" aria-labelledby="calendar-title">
        <h2 id="calendar-title">{k.calendarTitle}</h2>
        <p className="muted">
          {k.calendarIntro} {k.weekendNote}
        </p>
        {!nextYearListed && (
          <p className="error-box" role="status" data-testid="calendar-missing">
            {fill(k.nextYearMissing, { year: thisYear + 1 })}
          </p>
        )}
        <form method="get" action="/admin/periods" className="toolbar">
          <label>
            {k.calendarYear}
            <select name="year" defaultValue={String(year)}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="secondary">
            {k.calendarShow}
          </button>
        </form>
        <CalendarDayForm submit={setCalendarDayAction} locale={locale} year={year} />
        <DataTable columns={[k.day, k.dayKind, k.dayName, k.actions]} rowCount={days.length} empty={k.calendarEmpty} caption={`${year} · ${k.calendarTitle}`} testId="calendar-table">
          {days.map((d) => (
            <tr key={d.day}>
              <th scope="row">{d.day}</th>
              <td>{d.kind === 'holiday' ? k.holiday : k.workday}</td>
              <td>{d.name ?? '—'}</td>
              <td>
                <RemoveDayForm submit={removeCalendarDayAction} locale={locale} day={d.day} />
              </td>
            </tr>
          ))}
        </DataTable>
      </div>
    </section>
  );
}
