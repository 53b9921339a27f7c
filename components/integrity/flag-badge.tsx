// A department's integrity flags as one small badge (count, coloured by the highest severity),
// linking to its flags on /integrity. Plain markup: usable in server and client components.
import type { FlagBadgeData } from '@/lib/integrity/views';
import styles from './integrity.module.css';

export type { FlagBadgeData };

export function FlagBadge({ badge }: { badge: FlagBadgeData | null | undefined }) {
  if (!badge) return null;
  return (
    <a className={`${styles.badge} ${styles[badge.severity]}`} href={badge.href} title={badge.title} aria-label={badge.label} data-integrity-badge={badge.severity}>
      ⚑ {badge.count}
    </a>
  );
}

/** A severity as a coloured label. */
export function SeverityLabel({ severity, label }: { severity: 'info' | 'warn' | 'high'; label: string }) {
  return <span className={`${styles.severity} ${styles[severity]}`}>{label}</span>;
}
