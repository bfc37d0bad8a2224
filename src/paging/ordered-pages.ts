/**
 * Fetches pages `first..last` with at most `concurrency` requests started and not yet yielded,
 * and yields them in page order. So at most `concurrency` pages are held at once (answered
 * early, waiting for an earlier one), and a consumer that stops early stops the fetching:
 * nothing new starts after `return()`, and `stop()` aborts what is in flight.
 *
 * `fetchPage` gets a signal that aborts when the walk ends early; a rejection surfaces when its
 * page's turn comes (a later page's failure never hides an earlier page's items).
 *
 * @example
 * for await (const page of orderedPages(2, 10, 5, (n, signal) => get(n, signal), stop)) use(page);
 */
export async function* orderedPages<Page>(
  first: number,
  last: number,
  concurrency: number,
  fetchPage: (page: number) => Promise<Page>,
  stop: () => void,
): AsyncGenerator<Page, void, undefined> {
  const pending: Promise<Page>[] = [];
  let next = first;
  try {
    while (next <= last || pending.length > 0) {
      while (pending.length < concurrency && next <= last) {
        const page = fetchPage(next++);
        // Awaited in order below; until then an early rejection must not count as unhandled.
        page.catch(() => undefined);
        pending.push(page);
      }
      const page = pending.shift();
      if (page) yield await page;
    }
  } finally {
    if (pending.length > 0) stop();
  }
}
