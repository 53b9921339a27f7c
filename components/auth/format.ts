// Dates for the admin pages' inputs (times are lib/i18n formatDateTime).
/** YYYY-MM-DD of an instant in China time, for date inputs. */
export function chinaDay(value: Date): string {
  return new Date(value.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
