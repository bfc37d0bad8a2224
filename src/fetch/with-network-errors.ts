import { AltegioError } from "../errors/altegio-error.js";
import { AltegioNetworkError } from "../errors/altegio-network-error.js";
import type { FetchLike } from "./fetch-like.js";
import { stripQuery } from "./with-timeout.js";

/**
 * Turns a failed fetch (refused or reset connection, DNS…) into {@link AltegioNetworkError},
 * keeping the original in `cause`. Our own errors and the caller's abort pass through.
 *
 * @example
 * const send = withNetworkErrors(withTimeout(fetch, 30_000));
 */
export function withNetworkErrors(fetch: FetchLike): FetchLike {
  return async (request, init) => {
    try {
      return await fetch(request, init);
    } catch (error) {
      if (error instanceof AltegioError || request.signal.aborted) throw error;
      throw new AltegioNetworkError(request.method, stripQuery(request.url), error);
    }
  };
}
