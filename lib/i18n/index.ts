// Message catalogs and locale formatting. zh-CN first, English second; the
// locale comes from the `lang` cookie (set by the language switch).
import { zhCN, type Messages } from './zh-CN';
import { en } from './en';

export type Locale = 'zh-CN' | 'en';
export const LOCALE_COOKIE = 'lang';
export const defaultLocale: Locale = 'zh-CN';

const catalogs: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

export function parseLocale(value: string | undefined | null): Locale {
  return value === 'en' ? 'en' : defaultLocale;
}

/**
 * The locale of a request: the language switch's cookie, else English when Accept-Language
 * prefers it to Chinese, else zh-CN (the API's default language, docs/api.md).
 */
export function requestLocale(headers: Headers): Locale {
  const cookie = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`).exec(headers.get('cookie') ?? '')?.[1];
  if (cookie) return parseLocale(cookie);
  const first = (headers.get('accept-language') ?? '').split(',').map((tag) => tag.trim().toLowerCase()).find((tag) => /^(en|zh)\b/.test(tag));
  return first?.startsWith('en') ? 'en' : defaultLocale;
}

export function messages(locale: Locale): Messages {
  return catalogs[locale];
}

// Building an Intl.NumberFormat costs tens of microseconds and a ranking page formats
// hundreds of numbers: each format is built once per locale and kind.
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, kind: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}:${kind}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** A number with exactly `digits` decimals: 97.3, 1,234.50. */
export function formatNumber(locale: Locale, value: number, digits = 1): string {
  return numberFormat(locale, `d${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A whole number with grouping: 1,234,567. */
export function formatInteger(locale: Locale, value: number): string {
  return numberFormat(locale, 'i', {}).format(value);
}

/** A short form for tight spaces: 4.2万 / 42K. */
export function formatCompact(locale: Locale, value: number): string {
  return numberFormat(locale, 'c', { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant on the bureau's clock (China time), to the minute, or to the second for logs. */
export function formatDateTime(locale: Locale, value: Date | null, options: { seconds?: boolean; fallback?: string } = {}): string {
  if (!value) return options.fallback ?? '—';
  const key = `${locale}:${options.seconds ? 's' : 'm'}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      ...(options.seconds ? { second: '2-digit' as const } : {}),
      hourCycle: 'h23', // not hour12: false, which makes en show midnight as 24:05
    });
    dateTimeFormats.set(key, format);
  }
  return format.format(value);
}

/** Replaces {name} placeholders: fill('预计可提高 {points} 分', {points: '3.2'}). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
}

export type { Messages };
