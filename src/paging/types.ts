/**
 * Types of `paginate(client, path, init)`: the paths that page (generated/paging.ts), the
 * request init of each (openapi-fetch's, typed from generated/schema.ts), its answer body and
 * the items of that body's `data`.
 */
import type { FetchResponse, MaybeOptionalInit } from "openapi-fetch";
import type { paging } from "../../generated/paging.js";
import type { paths } from "../../generated/schema.js";
import type { RetryOptions } from "../fetch/with-retry.js";

type PagedKey = keyof typeof paging;
type Media = `${string}/${string}`;

/** Every path whose operation pages (a page-size field and a list answer, or a cursor). */
export type PagedPath = PagedKey extends `${string} ${infer P}` ? P : never;

/** The method of a paged path, as openapi-typescript keys it (`get`, `post`). */
export type PagedMethod<P extends PagedPath> = Extract<
  Extract<PagedKey, `${string} ${P}`> extends `${infer M} ${string}` ? Lowercase<M> : never,
  keyof paths[P]
>;

// biome-ignore lint/suspicious/noExplicitAny: FetchResponse's own constraint
type Operation<P extends PagedPath> = Extract<paths[P][PagedMethod<P>], Record<string | number, any>>;
type RequestInit<P extends PagedPath> = MaybeOptionalInit<paths[P], PagedMethod<P>>;

/** The answer body of one page of `P`: its 200 JSON (success, data, meta). */
export type PageOf<P extends PagedPath> = NonNullable<
  Extract<FetchResponse<Operation<P>, NonNullable<RequestInit<P>>, Media>, { error?: never }>["data"]
>;

/** One item of `P`: an element of the page's `data` list (a cursor page's `data` is one item). */
export type ItemOf<P extends PagedPath> =
  PageOf<P> extends { data?: infer D }
    ? unknown extends D
      ? unknown // an undocumented body (the generic envelope)
      : NonNullable<D> extends readonly (infer I)[]
        ? I
        : NonNullable<D>
    : unknown;

/** What paginate adds to a call's init. */
export interface PagingOptions {
  /**
   * Items per page. Default: the operation's largest page (`maximum` in openapi.yaml), else
   * the size the server assumes (`default`), else 25. Above the maximum is refused before any
   * request (AltegioConfigError).
   */
  pageSize?: number;
  /**
   * Pages requested at once after the first answer gave the total. Default: what the client's
   * limiter lets start at once (5 under the vendor's 5/s). Every request still waits for the
   * limiter, so the limit holds at any value; at most this many pages are held in memory.
   */
  concurrency?: number;
  /** Stop after this many pages (a guard against a list that never ends). */
  maxPages?: number;
}

/** The client's own per-call options, as `client.GET` takes them. */
interface PerCall {
  timeoutMs?: number | false;
  retry?: Partial<RetryOptions> | false;
}

/** The init of `paginate(client, path, init)`: the call's init plus {@link PagingOptions}. */
export type PaginateInit<P extends PagedPath> = NonNullable<RequestInit<P>> & PagingOptions & PerCall;

/** `init` is optional when the operation has no required parameter or body. */
export type PaginateInitArgs<P extends PagedPath> =
  undefined extends RequestInit<P> ? [init?: PaginateInit<P>] : [init: PaginateInit<P>];

/** What `paginate(client, path, init)` returns: iterate it for items, or walk `pages()`. */
export interface Paginated<Item, Page> extends AsyncIterable<Item> {
  /** Every item in order; the same as iterating the object. Each call starts a new walk. */
  items(): AsyncGenerator<Item, void, undefined>;
  /** Every answer body (success, data, meta) in page order. Each call starts a new walk. */
  pages(): AsyncGenerator<Page, void, undefined>;
}
