import { AltegioTimeoutError } from "../errors/altegio-timeout-error.js";
import type { RateLimiter } from "../rate-limiter.js";
import { callerSignal, type FetchLike, perCallOptions } from "./fetch-like.js";
import { stripQuery } from "./with-network-errors.js";
import { checkTimeout } from "./with-timeout.js";

/**
 * Awaits `limiter.acquire(signal)` before every attempt (retries count against the vendor's
 * limit too). `signal` aborts on the caller's abort and after `maxQueueMs` in the queue, and
 * the limiter must then reject at once (see {@link RateLimiter}): a queued call gives up
 * without taking a slot, and a queue timeout is an `AltegioTimeoutError` with
 * `phase: "queue"`. The per-attempt `timeoutMs` starts only once the limiter lets the attempt
 * go: it measures the server, not our own queue. Per call: `{ maxQueueMs: 5_000 }`.
 *
 * @example
 * const send = withRateLimit(fetch, createRateLimiter(), 120_000);
 */
export function withRateLimit(
  fetch: FetchLike,
  limiter: RateLimiter | false,
  maxQueueMs: number | false = false,
): FetchLike {
  if (!limiter) return fetch;
  return async (request, init) => {
    const perCall = perCallOptions(request).maxQueueMs;
    const ms = perCall === undefined ? maxQueueMs : checkTimeout(perCall, "maxQueueMs");
    const caller = callerSignal(request);
    if (ms === false) {
      await limiter.acquire(caller);
      return fetch(request, init);
    }
    const controller = new AbortController();
    const onAbort = () => controller.abort(caller.reason);
    if (caller.aborted) onAbort();
    else caller.addEventListener("abort", onAbort, { once: true });
    const timer = setTimeout(() => {
      controller.abort(new DOMException(`Waited more than ${ms} ms for the rate limiter`, "TimeoutError"));
    }, ms);
    try {
      await limiter.acquire(controller.signal);
    } catch (error) {
      if (controller.signal.aborted && !caller.aborted) {
        throw new AltegioTimeoutError(request.method, stripQuery(request.url), ms, error, { phase: "queue" });
      }
      throw error;
    } finally {
      clearTimeout(timer);
      caller.removeEventListener("abort", onAbort);
    }
    return fetch(request, init);
  };
}
