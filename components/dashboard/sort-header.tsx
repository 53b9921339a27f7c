import { AppLink } from '@/components/app-link';
import { fill, type Messages } from '@/lib/i18n';

/** A column header that sorts the table: a link, with aria-sort on the sorted column. */
export function SortHeader({ label, href, active, descending, numeric, className, t }: { label: string; href: string; active: boolean; descending: boolean; numeric?: boolean; className?: string; t: Messages }) {
  const state = active ? (descending ? 'descending' : 'ascending') : undefined;
  return (
    <th scope="col" aria-sort={state} className={[numeric ? 'num' : '', className ?? ''].join(' ').trim() || undefined}>
      <AppLink href={href} className="sort-link" title={fill(t.rankings.sortBy, { column: label })}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (descending ? ' ↓' : ' ↑') : ' ↕'}
        </span>
      </AppLink>
    </th>
  );
}
