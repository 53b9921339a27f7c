import type { Locale, Messages } from '@/lib/i18n';
import { groupPeriods, type PeriodChoiceRow } from '@/lib/dashboard/period-choice';
import { periodLabel } from '@/lib/dashboard/period-labels';

/** A GET form choosing the period (months, quarters and years grouped); works without JavaScript. */
export function PeriodPicker({ action, periods, current, locale, t, hidden = {} }: { action: string; periods: PeriodChoiceRow[]; current: string; locale: Locale; t: Messages; hidden?: Record<string, string> }) {
  const groups = groupPeriods(periods);
  const status = t.dashboard.periodStatus as Record<string, string>;
  return (
    <form className="period-picker" action={action} method="get">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor="period-select">{t.dashboard.period}</label>
      <select id="period-select" name="period" defaultValue={current}>
        {(['month', 'quarter', 'year'] as const).map((kind) =>
          groups[kind].length ? (
            <optgroup key={kind} label={t.dashboard.periodKinds[kind]}>
              {groups[kind].map((p) => (
                <option key={p.code} value={p.code}>
                  {periodLabel(p.code, locale)}
                  {p.status !== 'open' ? ` · ${status[p.status] ?? p.status}` : ''}
                </option>
              ))}
            </optgroup>
          ) : null,
        )}
      </select>
      <button type="submit" className="secondary">
        {t.dashboard.show}
      </button>
    </form>
  );
}
