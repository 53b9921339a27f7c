import Link from 'next/link';
import type { ComponentProps } from 'react';

/**
 * A link between the app's pages. Every page here is rendered per request for the
 * signed-in reader, so next/link's default prefetch would have the server render a
 * page for every link in view: 36 renders for one look at /rankings. Pages load on
 * click instead (still a client-side navigation).
 */
export function AppLink(props: Omit<ComponentProps<typeof Link>, 'prefetch'>) {
  return <Link {...props} prefetch={false} />;
}
