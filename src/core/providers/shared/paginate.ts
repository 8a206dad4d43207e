/** One page as a provider returns it, reduced to its items and the next cursor. */
export interface PageOf<T> {
  items: T[];
  nextCursor: string | null | undefined;
}

/**
Walks a cursor-paginated list, yielding items as their pages arrive. Stops at a page with no
cursor, and guards against a provider repeating a cursor forever.
*/
export async function* paginate<T>(fetchPage: (cursor: string | undefined) => Promise<PageOf<T>>): AsyncGenerator<T, void, undefined> {
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    const page = await fetchPage(cursor);
    yield* page.items;
    if (page.nextCursor === null || page.nextCursor === undefined || page.nextCursor === '') return;
    if (seen.has(page.nextCursor)) return;
    seen.add(page.nextCursor);
    cursor = page.nextCursor;
  }
}
