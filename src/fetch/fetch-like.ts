/**
 * The fetch signature the client's layers share: what openapi-fetch calls (a `Request`, plus
 * an optional init whose `signal` overrides the request's), and what a caller may pass as
 * `fetch` (globalThis.fetch, undici's fetch, or a wrapper of either).
 */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/**
 * Per-call options openapi-fetch copies onto the `Request` it builds (it assigns every
 * unknown init key to the request), so a fetch layer can read them:
 * `client.POST(path, { body, retry: { methods: ["POST"] } })`.
 */
export interface PerCallOptions {
  retry?: unknown;
  timeoutMs?: unknown;
  /** Set by `throwOnError` when the call passed its own `signal` (see {@link CALLER_SIGNAL}). */
  altegioCallerSignal?: boolean;
}

/**
 * Init key that marks a call made with the caller's own `signal`, so the timeout layer listens
 * for the caller's abort only then (an event listener per request is measurable, bench/).
 */
export const CALLER_SIGNAL = "altegioCallerSignal";

/**
 * The per-call options attached to a request by openapi-fetch, if any.
 *
 * @example
 * perCallOptions(request).retry; // what the caller passed as `retry` for this call
 */
export function perCallOptions(request: Request): PerCallOptions {
  return request as unknown as PerCallOptions;
}
