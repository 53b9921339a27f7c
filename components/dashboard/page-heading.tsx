import type { ReactNode } from 'react';
import { fill, type Locale, type Messages } from '@/lib/i18n';
import { dateTimeLabel, periodLabel } from '@/lib/dashboard/period-labels';
import type { PeriodChoiceRow } from '@/lib/dashboard/period-choice';

/** A dashboard page's title row: the title, the period in words and its status, when its scores were computed (or that they are being updated), the picker. */
export function PageHeading({ title, period, computedAt, updatingSince, locale, t, picker, children }: { title: string; period: PeriodChoiceRow; computedAt?: string | null; updatingSince?: string | null; locale: Locale; t: Messages; picker: ReactNode; children?: ReactNode }) {
  const status = t.dashboard.periodStatus as Record<string, string>;
  return (
    <div className="page-heading">
      <div>
        <h1>
          {title}
          <span className="heading-period">
            {periodLabel(period.code, locale)} · {status[period.status] ?? period.status}
          </span>
        </h1>
        {children}
        {updatingSince ? (
          <p className="notice small" role="status" data-testid="scores-updating">
            {fill(t.dashboard.updating, { time: dateTimeLabel(updatingSince, locale) })}
          </p>
        ) : computedAt ? (
          <p className="muted small">{fill(t.dashboard.computedAt, { time: dateTimeLabel(computedAt, locale) })}</p>
        ) : null}
      </div>
      {picker}
    </div>
  );
}
