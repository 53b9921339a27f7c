import { AppLink } from '@/components/app-link';
import { fill, type Messages } from '@/lib/i18n';

/** Previous / page x of y / next; `href(n)` is the URL of page n. */
export function Pagination({ page, pageCount, href, t }: { page: number; pageCount: number; href: (page: number) => string; t: Messages }) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={t.rankings.pagination}>
      {page > 1 ? (
        <AppLink href={href(page - 1)} rel="prev">
          ‹ {t.rankings.previousPage}
        </AppLink>
      ) : (
        <span className="muted" aria-disabled="true">
          ‹ {t.rankings.previousPage}
        </span>
      )}
      <span aria-current="page">{fill(t.rankings.pageOf, { page, pages: pageCount })}</span>
      {page < pageCount ? (
        <AppLink href={href(page + 1)} rel="next">
          {t.rankings.nextPage} ›
        </AppLink>
      ) : (
        <span className="muted" aria-disabled="true">
          {t.rankings.nextPage} ›
        </span>
      )}
    </nav>
  );
}
