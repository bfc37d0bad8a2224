import { AltegioError } from "../errors/altegio-error.js";
import { AltegioNetworkError } from "../errors/altegio-network-error.js";
import type { FetchLike } from "./fetch-like.js";

/**
 * What a failed fetch becomes: our own errors and the caller's abort pass through; anything
 * else (refused or reset connection, DNS…) becomes {@link AltegioNetworkError} with the
 * original in `cause`.
 *
 * @example
 * catch (error) { throw toNetworkError(error, request); }
 */
export function toNetworkError(error: unknown, request: Request): unknown {
  if (error instanceof AltegioError || request.signal.aborted) return error;
  return new AltegioNetworkError(request.method, stripQuery(request.url), error);
}

/**
 * Wraps a fetch so its failures go through {@link toNetworkError}. The client does this inside
 * `withTimeout` (one async layer less per request); this form is for a fetch without timeout.
 *
 * @example
 * const send = withNetworkErrors(fetch);
 */
export function withNetworkErrors(fetch: FetchLike): FetchLike {
  return async (request, init) => {
    try {
      return await fetch(request, init);
    } catch (error) {
      throw toNetworkError(error, request);
    }
  };
}

/** The URL without its query string (queries may carry personal data). */
export function stripQuery(url: string): string {
  const i = url.indexOf("?");
  return i === -1 ? url : url.slice(0, i);
}
