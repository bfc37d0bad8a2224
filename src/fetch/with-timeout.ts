import { AltegioConfigError } from "../errors/altegio-config-error.js";
import { AltegioTimeoutError } from "../errors/altegio-timeout-error.js";
import { type FetchLike, perCallOptions } from "./fetch-like.js";
import { stripQuery, toNetworkError, withNetworkErrors } from "./with-network-errors.js";

// Cleanup of each attempt's timer, by the Response it produced: the timer must outlive fetch()
// (the body is read later, by openapi-fetch) but not the body, or every request would leave a
// live timer, controller and listener behind for `timeoutMs` (garbage that grows with load).
// A symbol property on the Response rather than a WeakMap: cheaper to set, and nothing for
// the garbage collector's ephemeron pass.
const RELEASE = Symbol("altegio.releaseTimeout");
type Releasable = Response & { [RELEASE]?: (() => void) | undefined };

/**
 * Stops the timeout of the attempt that produced `response`, once its body has been read or
 * discarded. Unknown responses are ignored (their timer simply expires).
 *
 * @example
 * const { data, response } = await client.GET("/companies"); releaseTimeout(response);
 */
export function releaseTimeout(response: Response): void {
  const release = (response as Releasable)[RELEASE];
  if (release) {
    (response as Releasable)[RELEASE] = undefined;
    release();
  }
}

/**
 * Gives every attempt a FRESH timeout signal, combined with the caller's own signal. A
 * signal passed once to openapi-fetch's createClient would be shared by every request, so the
 * first timeout would abort all later ones
 * (https://github.com/openapi-ts/openapi-typescript/issues/2567).
 *
 * Maps our own timeout to {@link AltegioTimeoutError}, other failures to `AltegioNetworkError`
 * (see `toNetworkError`); a caller's abort is rethrown as is.
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
    if (ms === false) return withoutTimeout(request, init);
    // A plain controller and timer rather than AbortSignal.any([signal, AbortSignal.timeout()]):
    // same behaviour, but the latter measured tens of µs per request on Node 20, more than
    // the rest of the client. The timer keeps running while openapi-fetch reads the body, so a
    // stalled body times out too, until releaseTimeout(response).
    const controller = new AbortController();
    // openapi-fetch's Request follows the caller's signal, when the call passed one.
    const caller = request.signal;
    const listen = perCallOptions(request).altegioCallerSignal === true;
    const onAbort = () => controller.abort(caller.reason);
    if (caller.aborted) onAbort();
    else if (listen) caller.addEventListener("abort", onAbort, { once: true });
    // The listener lives at most `ms`, so a long-lived caller signal does not collect them.
    const timer = setTimeout(() => {
      if (listen) caller.removeEventListener("abort", onAbort);
      controller.abort(new DOMException(`Request timed out after ${ms} ms`, "TimeoutError"));
    }, ms);
    timer.unref?.();
    const release = () => {
      clearTimeout(timer);
      if (listen) caller.removeEventListener("abort", onAbort);
    };
    try {
      const response = (await fetch(request, { ...init, signal: controller.signal })) as Releasable;
      response[RELEASE] = release;
      return response;
    } catch (error) {
      release();
      if (controller.signal.aborted && !caller.aborted) {
        throw new AltegioTimeoutError(request.method, stripQuery(request.url), ms, error);
      }
      throw toNetworkError(error, request);
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
  return value;
}
