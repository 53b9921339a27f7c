// Period codes in words, formatted with date-fns: 2026年10月 / 2026年第四季度 / 2026年,
// or October 2026 / Q4 2026 / 2026 in English. Pure, so server and client share it.
import { format } from 'date-fns';
import { enUS, zhCN } from 'date-fns/locale';
import type { Locale } from '../i18n';
import { parsePeriod, previousPeriod, type PeriodKind } from '../periods/codes';

const PATTERNS: Record<Locale, Record<PeriodKind, string>> = {
  'zh-CN': { month: 'yyyy年M月', quarter: 'yyyy年QQQQ', year: 'yyyy年' },
  en: { month: 'MMMM yyyy', quarter: 'QQQ yyyy', year: 'yyyy' },
};

const labels = new Map<string, string>();

/** A period code in the locale's words; an unparseable code is returned as it is. */
export function periodLabel(code: string, locale: Locale): string {
  const key = `${locale}|${code}`;
  let label = labels.get(key);
  if (label === undefined) {
    const info = parsePeriod(code);
    if (!info) return code;
    const [year, month] = info.startsOn.split('-').map(Number);
    label = format(new Date(year, month - 1, 1), PATTERNS[locale][info.kind], { locale: locale === 'en' ? enUS : zhCN });
    if (labels.size < 10_000) labels.set(key, label);
  }
  return label;
}

const chinaClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });

/** The wall-clock fields of an instant in China time (UTC+8), as a local Date for date-fns. */
function inChinaTime(iso: string): Date {
  const parts = Object.fromEntries(
    chinaClock
      .formatToParts(new Date(iso))
      .map((p) => [p.type, Number(p.value)]),
  );
  return new Date(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
}

/** A date-time in China time as the locale writes it: 2026年11月27日 03:52 / Nov 27, 2026, 03:52. */
export function dateTimeLabel(iso: string, locale: Locale): string {
  const pattern = locale === 'en' ? 'PP, HH:mm' : 'yyyy年M月d日 HH:mm';
  return format(inChinaTime(iso), pattern, { locale: locale === 'en' ? enUS : zhCN });
}

/** An ISO date as the locale writes it: 2026年10月3日 / Oct 3, 2026. */
export function dateLabel(isoDate: string, locale: Locale): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  return format(new Date(year, month - 1, day), locale === 'en' ? 'PP' : 'yyyy年M月d日', { locale: locale === 'en' ? enUS : zhCN });
}

/**
 * Up to `count` periods of the same kind ending with `code`, oldest first, keeping only
 * those in `available` (the periods that have data).
 */
export function recentPeriodsOfKind(code: string, count: number, available: ReadonlySet<string>): string[] {
  const out: string[] = [];
  let cursor: string | null = code;
  // Look back a little further than `count` so a gap of a period or two is skipped, not fatal.
  for (let step = 0; cursor && step < count * 2 && out.length < count; step++) {
    if (available.has(cursor)) out.unshift(cursor);
    cursor = previousPeriod(cursor);
  }
  return out;
}
