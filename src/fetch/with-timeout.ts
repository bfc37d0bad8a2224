import { AltegioConfigError } from "../errors/altegio-config-error.js";
import { AltegioTimeoutError } from "../errors/altegio-timeout-error.js";
import { type FetchLike, perCallOptions } from "./fetch-like.js";

/**
 * Gives every attempt a FRESH timeout signal, combined with the caller's own signal
 * (`AbortSignal.any`). A signal passed once to openapi-fetch's createClient would be shared
 * by every request, so the first timeout would abort all later ones
 * (https://github.com/openapi-ts/openapi-typescript/issues/2567).
 *
 * Maps our own timeout to {@link AltegioTimeoutError}; a caller's abort is rethrown as is.
 * Per call: `client.GET(path, { timeoutMs: 2_000 })`.
 *
 * @example
 * const send = withTimeout(fetch, 30_000);
 */
export function withTimeout(fetch: FetchLike, timeoutMs: number | false): FetchLike {
  return async (request, init) => {
    const perCall = perCallOptions(request).timeoutMs;
    const ms = perCall === undefined ? timeoutMs : checkTimeout(perCall, "timeoutMs");
    if (ms === false) return fetch(request, init);
    const timeout = AbortSignal.timeout(ms);
    const signal = AbortSignal.any([request.signal, timeout]);
    try {
      return await fetch(request, { ...init, signal });
    } catch (error) {
      if (timeout.aborted && !request.signal.aborted) {
        throw new AltegioTimeoutError(request.method, stripQuery(request.url), ms, error);
      }
      throw error;
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

/** The URL without its query string (queries may carry personal data). */
export function stripQuery(url: string): string {
  const i = url.indexOf("?");
  return i === -1 ? url : url.slice(0, i);
}
