import type { AltegioClient } from "./create-altegio-client.js";
import { AltegioConfigError } from "./errors/altegio-config-error.js";
import { isLastPage } from "./paging/is-last-page.js";
import { paginateOperation } from "./paging/paginate-operation.js";
import type { ItemOf, PagedPath, PageOf, Paginated, PaginateInitArgs } from "./paging/types.js";

export type { ItemOf, PagedPath, PageOf, Paginated, PaginateInit, PagingOptions } from "./paging/types.js";

/**
 * How the page size is named in the request. The vendor uses both:
 * - `count`: appointments list, events search, product transactions, memberships…
 * - `page_size`: clients search (POST body), membership and gift card type lists…
 */
export type PageSizeParam = "count" | "page_size";

/** What the page callback gets: spread it into the query (or the body for POST searches). */
export type PageParams<P extends PageSizeParam = "count"> = { page: number } & { [K in P]: number };

/** The part of a list answer the iterator reads. */
export interface PageBody<Item> {
  data?: readonly Item[] | null | undefined;
  /**
   * `total_count` (clients, appointments, certificate types) stops the walk when reached;
   * `from`/`to` (1-based positions of this page's first and last item) stop it when `to`
   * reaches `total_count`/`total`, or when `to < from`.
   */
  meta?: unknown;
}

/** Options of {@link paginate}. */
export interface PaginateOptions<P extends PageSizeParam> {
  /** Name of the page-size parameter. Default `count`. */
  sizeParam?: P;
  /** Items per page. Default 25 (the vendor's usual default; clients search allows 200). */
  pageSize?: number;
  /** First page number. Default 1. */
  startPage?: number;
  /** Hard stop after this many pages (a guard against an API that never sends a short page). */
  maxPages?: number;
}

/**
 * Iterates a paged list. Two forms:
 *
 * - `paginate(client, path, init)`: the operation's paging comes from openapi.yaml
 *   (generated/paging.ts): which field is the page and which the size, query or body, the
 *   largest page (used unless `pageSize` says otherwise) and how an answer says it is done.
 *   When the first page gives `meta.total_count`, the other pages are requested at once, at
 *   most `concurrency` at a time (default: what the client's limiter lets start at once), and
 *   yielded in order. Iterate the result for items, or `.pages()` for answer bodies. A path
 *   with no paging does not compile, and throws AltegioConfigError at run time; so does a page
 *   size above the operation's maximum, before any request.
 * - `paginate(fetchPage, options)`: the callback form; one page at a time, 25 a page unless
 *   told otherwise. Stops on an empty or short page, when `meta.total_count` items have been
 *   seen, or when `meta.to` reaches the total.
 *
 * Errors of a page (AltegioError) propagate; breaking out of a loop stops the fetching.
 *
 * @example
 * for await (const appointment of paginate(client, "/records/{location_id}", {
 *   params: { path: { location_id: 1 }, query: { start_date: "2026-01-01" } },
 * })) console.log(appointment.id); // 1,000 a page
 *
 * @example
 * for await (const page of paginate(client, "/company/{location_id}/clients/search", {
 *   params: { path: { location_id: 1 } }, body: { fields: ["id", "name"] },
 * }).pages()) console.log(page.meta);
 *
 * @example
 * // The callback form
 * paginate((page) => client.GET("/records/{location_id}", { params: { path: { location_id: 1 }, query: page } }), {
 *   pageSize: 50,
 * });
 */
export function paginate<Path extends PagedPath>(
  client: AltegioClient,
  path: Path,
  ...init: PaginateInitArgs<Path>
): Paginated<ItemOf<Path>, PageOf<Path>>;
export function paginate<Item, P extends PageSizeParam = "count">(
  fetchPage: (params: PageParams<P>) => Promise<{ data?: PageBody<Item> | undefined }>,
  options?: PaginateOptions<P>,
): AsyncGenerator<Item, void, undefined>;
export function paginate(first: unknown, second?: unknown, third?: unknown): unknown {
  if (typeof first === "function")
    return walkPages(
      first as Parameters<typeof walkPages>[0],
      (second ?? {}) as PaginateOptions<PageSizeParam>,
    );
  return paginateOperation(first, second, third);
}

/** The callback form: one page at a time; only one page is held in memory. */
async function* walkPages<Item, P extends PageSizeParam>(
  fetchPage: (params: PageParams<P>) => Promise<{ data?: PageBody<Item> | undefined }>,
  options: PaginateOptions<P>,
): AsyncGenerator<Item, void, undefined> {
  const sizeParam = options.sizeParam ?? "count";
  const pageSize = checkPositiveInteger(options.pageSize ?? 25, "pageSize");
  let page = checkPositiveInteger(options.startPage ?? 1, "startPage");
  const maxPages =
    options.maxPages === undefined ? Infinity : checkPositiveInteger(options.maxPages, "maxPages");
  let seen = 0;
  for (let fetched = 0; fetched < maxPages; fetched++, page++) {
    const params = { page, [sizeParam]: pageSize } as PageParams<P>;
    const { data: body } = await fetchPage(params);
    const items = body?.data ?? [];
    if (!Array.isArray(items) || items.length === 0) return;
    seen += items.length;
    yield* items;
    if (items.length < pageSize || isLastPage(body?.meta, seen)) return;
  }
}

function checkPositiveInteger(value: number, option: string): number {
  if (!Number.isInteger(value) || value < 1) throw new AltegioConfigError(option, "must be an integer >= 1");
  return value;
}
