// Small server-rendered pieces shared by the assessment-cycle pages.
import type { Messages } from '@/lib/i18n';
import styles from './cycle.module.css';

export function StatusBadge({ status, t }: { status: 'open' | 'published' | 'finalized'; t: Messages }) {
  return (
    <span className={`${styles.status} ${styles[status]}`} data-status={status}>
      {t.cycle.status[status]}
    </span>
  );
}

export function AppealStatus({ status, t }: { status: 'open' | 'accepted' | 'rejected'; t: Messages }) {
  return (
    <span className={`${styles.status} ${styles[status === 'open' ? 'published' : status]}`} data-appeal-status={status}>
      {t.appeals.statusNames[status]}
    </span>
  );
}

export function ExemptionStatus({ status, t }: { status: 'none' | 'requested' | 'granted' | 'denied'; t: Messages }) {
  return (
    <span className={`${styles.status} ${styles[status]}`} data-exemption-status={status}>
      {t.incidents.exemptionNames[status]}
    </span>
  );
}

export function Hash({ value }: { value: string | null }) {
  if (!value) return <>—</>;
  return (
    <code className={styles.hash} title={value}>
      {value}
    </code>
  );
}

/** A GET form choosing the period shown (works without JavaScript). */
export function PeriodPicker({
  action,
  periods,
  selected,
  label,
  submit,
  t,
}: {
  action: string;
  periods: Array<{ code: string; kind: 'month' | 'quarter' | 'year'; status: 'open' | 'published' | 'finalized' }>;
  selected: string | null;
  label: string;
  submit: string;
  t: Messages;
}) {
  return (
    <form method="get" action={action} className="toolbar">
      <label>
        {label}
        <select name="period" defaultValue={selected ?? ''}>
          {periods.map((p) => (
            <option key={p.code} value={p.code}>
              {p.code}（{t.cycle.kinds[p.kind]} · {t.cycle.status[p.status]}）
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="secondary">
        {submit}
      </button>
    </form>
  );
}

export { styles as cycleStyles };

/** The status filter of the admin lists (appeals, exemptions): a labelled select with "all" first. */
export function StatusFilterSelect<S extends string>({ label, allLabel, value, statuses, names }: {
  label: string;
  allLabel: string;
  value: S | undefined;
  statuses: readonly S[];
  names: Record<S, string>;
}) {
  return (
    <label>
      {label}
      <select name="status" defaultValue={value ?? ''}>
        <option value="">{allLabel}</option>
        {statuses.map((s) => (
          <option key={s} value={s}>
            {names[s]}
          </option>
        ))}
      </select>
    </label>
  );
}
