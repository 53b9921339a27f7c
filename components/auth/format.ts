// Times on the admin and audit pages: China time, zh-CN or en conventions.
import type { Locale } from '@/lib/i18n';

export function formatDateTime(locale: Locale, value: Date | null, fallback = '—'): string {
  if (!value) return fallback;
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(value);
}

/** YYYY-MM-DD of an instant in China time, for date inputs. */
export function chinaDay(value: Date): string {
  return new Date(value.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
