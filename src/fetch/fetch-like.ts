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
  maxQueueMs?: unknown;
  /** The caller's own `signal`, moved here by `throwOnError` (see {@link CALLER_SIGNAL}). */
  altegioSignal?: AbortSignal;
}

/**
 * Init key under which `throwOnError` hands the caller's `signal` to the fetch layers, instead
 * of letting openapi-fetch build a Request that follows it: undici's Request adds an abort
 * listener to the signal it follows and drops it only when the Request is garbage-collected,
 * so a long-lived caller signal collected one listener per request. The layers listen
 * themselves and remove the listener when the attempt settles.
 */
export const CALLER_SIGNAL = "altegioSignal";

/**
 * The per-call options attached to a request by openapi-fetch, if any.
 *
 * @example
 * perCallOptions(request).retry; // what the caller passed as `retry` for this call
 */
export function perCallOptions(request: Request): PerCallOptions {
  return request as unknown as PerCallOptions;
}

/**
 * The caller's abort signal for this request: the one `throwOnError` handed over, else the
 * request's own (a layer used without `throwOnError`).
 *
 * @example
 * await sleep(delay, callerSignal(request));
 */
export function callerSignal(request: Request): AbortSignal {
  return perCallOptions(request).altegioSignal ?? request.signal;
}

/**
 * Copies the per-call options (openapi-fetch's expando keys) onto a request made from
 * `from` (a clone for a retry, a rewritten URL): `new Request()` and `clone()` drop them.
 *
 * @example
 * const attempt = withPerCallOptions(request.clone(), request);
 */
export function withPerCallOptions(to: Request, from: Request): Request {
  for (const key of Object.keys(from))
    (to as unknown as Record<string, unknown>)[key] = (from as unknown as Record<string, unknown>)[key];
  return to;
}
