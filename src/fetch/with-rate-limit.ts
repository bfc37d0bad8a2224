import type { RateLimiter } from "../rate-limiter.js";
import { callerSignal, type FetchLike } from "./fetch-like.js";

/**
 * Awaits `limiter.acquire()` before every attempt (retries count against the vendor's limit
 * too). The caller's abort signal also cancels the wait.
 *
 * @example
 * const send = withRateLimit(fetch, createRateLimiter());
 */
export function withRateLimit(fetch: FetchLike, limiter: RateLimiter | false): FetchLike {
  if (!limiter) return fetch;
  return async (request, init) => {
    await limiter.acquire(callerSignal(request));
    return fetch(request, init);
  };
}
