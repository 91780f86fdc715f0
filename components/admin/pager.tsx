import Link from "next/link";

/** Previous / Next under an operator list: Next only when another page exists. */
export function Pager({ href, page, hasMore, label }: { href: (page: number) => string; page: number; hasMore: boolean; label: string }) {
  if (page <= 1 && !hasMore) return null;
  return (
    <nav aria-label={`${label} pages`} className="mt-4 flex items-center justify-between text-sm">
      {page > 1 ? <Link className="text-link" href={href(page - 1)}>Previous</Link> : <span />}
      <span className="text-muted">Page {page}</span>
      {hasMore ? <Link className="text-link" href={href(page + 1)}>Next</Link> : <span />}
    </nav>
  );
}

/** What an empty operator list says: nothing matches, or nothing on this page (with the way back). */
export function EmptyList({ what, query, page, firstPage }: { what: string; query: string; page: number; firstPage: string }) {
  return (
    <div className="py-8 text-center text-sm text-muted">
      {page > 1 ? (
        <p>
          No {what} on page {page}. <Link className="text-link" href={firstPage}>Back to the first page</Link>
        </p>
      ) : (
        <p>{query ? `No ${what} match “${query}”.` : `No ${what} yet.`}</p>
      )}
    </div>
  );
}
