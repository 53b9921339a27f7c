import 'server-only';
import { cookies } from 'next/headers';
import { LOCALE_COOKIE, messages, parseLocale, type Locale, type Messages } from './index';

/** The request's locale and its catalog, for server components and route handlers. */
export async function getI18n(): Promise<{ locale: Locale; t: Messages }> {
  const locale = parseLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, t: messages(locale) };
}
