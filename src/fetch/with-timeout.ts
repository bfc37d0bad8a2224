import { AltegioConfigError } from "../errors/altegio-config-error.js";
import { AltegioTimeoutError } from "../errors/altegio-timeout-error.js";
import { type FetchLike, perCallOptions } from "./fetch-like.js";
import { readBody } from "./read-body.js";
import { MAX_TIMER_MS } from "./sleep.js";
import { responseDetails, stripQuery, toNetworkError, withNetworkErrors } from "./with-network-errors.js";

/**
 * Gives every attempt a FRESH timeout signal, combined with the caller's own signal. A
 * signal passed once to openapi-fetch's createClient would be shared by every request, so the
 * first timeout would abort all later ones
 * (https://github.com/openapi-ts/openapi-typescript/issues/2567).
 *
 * The timeout covers the whole attempt, body included: the body is read here (see
 * `readBody`), and the timer and the listener on the caller's signal are released as soon as
 * the attempt settles, whichever way. Maps our own timeout to {@link AltegioTimeoutError},
 * other failures to `AltegioNetworkError` (see `toNetworkError`), both with the status and
 * headers when the response head had arrived; a caller's abort is rethrown as is.
 * Per call: `client.GET(path, { timeoutMs: 2_000 })`.
 *
 * @example
 * const send = withTimeout(fetch, 30_000);
 */
export function withTimeout(fetch: FetchLike, timeoutMs: number | false): FetchLike {
  const withoutTimeout = withNetworkErrors(fetch);
  return async (request, init) => {
    const perCall = perCallOptions(request).timeoutMs;
    const ms = perCall === undefined ? timeoutMs : checkTimeout(perCall, "timeoutMs");
    // The caller's signal, when the call passed one (see CALLER_SIGNAL).
    const caller = perCallOptions(request).altegioSignal;
    if (ms === false && caller === undefined) return withoutTimeout(request, init);
    // A plain controller and timer rather than AbortSignal.any([signal, AbortSignal.timeout()]):
    // same behaviour, but the latter measured tens of µs per request on Node 20, more than
    // the rest of the client. The fetch follows this per-attempt controller, never the caller's
    // signal itself, so whatever fetch hangs on its signal dies with the attempt.
    const controller = new AbortController();
    const onAbort = () => controller.abort(caller?.reason);
    if (caller?.aborted) onAbort();
    else caller?.addEventListener("abort", onAbort, { once: true });
    const timer =
      ms === false
        ? undefined
        : setTimeout(() => {
            controller.abort(new DOMException(`Request timed out after ${ms} ms`, "TimeoutError"));
          }, ms);
    let response: Response | undefined;
    try {
      response = await fetch(request, { ...init, signal: controller.signal });
      return await readBody(response, request.method);
    } catch (error) {
      if (ms !== false && controller.signal.aborted && !caller?.aborted) {
        throw new AltegioTimeoutError(
          request.method,
          stripQuery(request.url),
          ms,
          error,
          responseDetails(response),
        );
      }
      throw toNetworkError(error, request, response);
    } finally {
      clearTimeout(timer);
      caller?.removeEventListener("abort", onAbort);
    }
  };
}

/**
 * Validates a timeout option: a positive finite number of milliseconds, or `false` for none.
 *
 * @example
 * checkTimeout(5000, "timeoutMs"); // 5000
 */
export function checkTimeout(value: unknown, option: string): number | false {
  if (value === false) return false;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new AltegioConfigError(
      option,
      "must be a positive number of milliseconds, or false for no timeout",
    );
  }
  // setTimeout turns anything longer into 1 ms: a "long" timeout would fire at once.
  if (value > MAX_TIMER_MS)
    throw new AltegioConfigError(option, `must be at most ${MAX_TIMER_MS} ms (about 24 days)`);
  return value;
}
