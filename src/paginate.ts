import { AltegioConfigError } from "./errors/altegio-config-error.js";

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
 * Walks a paged list one page at a time, yielding items; only one page is held in memory.
 * Stops on an empty or short page, when `meta.total_count` items have been seen, or when
 * `meta.to` reaches the total. Errors thrown by the page callback (AltegioError) propagate.
 *
 * @example
 * for await (const appointment of paginate(
 *   (page) => client.GET("/records/{location_id}", { params: { path: { location_id: 1 }, query: page } }),
 *   { pageSize: 50 },
 * )) console.log(appointment.id);
 *
 * @example
 * // POST search with page_size in the body
 * paginate((page) => client.POST("/company/{location_id}/clients/search", { params, body: { ...page } }), {
 *   sizeParam: "page_size", pageSize: 200,
 * });
 */
export async function* paginate<Item, P extends PageSizeParam = "count">(
  fetchPage: (params: PageParams<P>) => Promise<{ data?: PageBody<Item> | undefined }>,
  options: PaginateOptions<P> = {},
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

function isLastPage(meta: unknown, seen: number): boolean {
  if (typeof meta !== "object" || meta === null) return false;
  const m = meta as Record<string, unknown>;
  const total =
    typeof m.total_count === "number" ? m.total_count : typeof m.total === "number" ? m.total : undefined;
  if (typeof m.from === "number" && typeof m.to === "number") {
    if (m.to < m.from) return true;
    if (total !== undefined && m.to >= total) return true;
  }
  return total !== undefined && seen >= total;
}

function checkPositiveInteger(value: number, option: string): number {
  if (!Number.isInteger(value) || value < 1) throw new AltegioConfigError(option, "must be an integer >= 1");
  return value;
}
