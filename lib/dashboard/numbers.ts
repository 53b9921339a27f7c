// Numbers in the reader's conventions (zh-CN: 1,234.5), with each Intl.NumberFormat built
// once: constructing one costs tens of microseconds, and a ranking page formats hundreds
// of numbers. Same output as lib/i18n formatNumber / formatInteger.
import type { Locale } from '../i18n';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: Locale, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${locale}|${key}`;
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    formatters.set(id, f);
  }
  return f;
}

/** A number with exactly `digits` decimals: 97.3, 1,234.50. */
export function formatDecimal(locale: Locale, value: number, digits = 1): string {
  return formatter(locale, `d${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A whole number with grouping: 1,234,567. */
export function formatCount(locale: Locale, value: number): string {
  return formatter(locale, 'i', {}).format(value);
}

/** A short form for tight spaces: 4.2万 / 42K. */
export function formatCompact(locale: Locale, value: number): string {
  return formatter(locale, 'c', { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}
