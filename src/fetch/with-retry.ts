import { AltegioConfigError } from "../errors/altegio-config-error.js";
import { AltegioNetworkError } from "../errors/altegio-network-error.js";
import { callerSignal, type FetchLike, perCallOptions, withPerCallOptions } from "./fetch-like.js";
import { parseRetryAfter } from "./parse-retry-after.js";
import { sleep } from "./sleep.js";

/** HTTP methods the client may send. */
export type RetryMethod = "GET" | "PUT" | "DELETE" | "HEAD" | "POST" | "PATCH";

/** When and how often a failed attempt is repeated. */
export interface RetryOptions {
  /** Retries after the first attempt (so `retries + 1` attempts at most). */
  retries: number;
  /**
   * Methods that are retried. POST is left out on purpose: an SMS campaign must not go out
   * twice. Opt in per call with `client.POST(path, { body, retry: { methods: ["POST"] } })`.
   */
  methods: readonly RetryMethod[];
  /** Statuses that are retried. */
  statusCodes: readonly number[];
  /** Network error codes that are retried (connection resets). */
  errorCodes: readonly string[];
  /** First backoff delay; doubles on each retry, with jitter. */
  baseDelayMs: number;
  /** Cap of one backoff delay (a `Retry-After` may ask for more, within `maxElapsedMs`). */
  maxDelayMs: number;
  /** No retry starts if it would end after this much time since the first attempt. */
  maxElapsedMs: number;
  /** Called before each retry (for logging); gets no request data, hence no secrets. */
  onRetry?: ((info: RetryInfo) => void) | undefined;
}

/** What {@link RetryOptions.onRetry} is told. */
export interface RetryInfo {
  /** 1 for the first retry. */
  retry: number;
  delayMs: number;
  method: string;
  /** The status that caused the retry, or the network error code. */
  reason: number | string;
}

/**
 * Defaults, in the spirit of Octokit's plugin-retry: idempotent methods only, on 429 and the
 * gateway errors (502/503/504) and connection resets.
 */
export const DEFAULT_RETRY = {
  retries: 3,
  methods: ["GET", "PUT", "DELETE", "HEAD"],
  statusCodes: [429, 502, 503, 504],
  errorCodes: ["ECONNRESET", "EPIPE", "UND_ERR_SOCKET"],
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxElapsedMs: 60_000,
} as const satisfies RetryOptions;

/**
 * Repeats an attempt that failed with a retryable status or a connection reset. The delay is
 * the `Retry-After` header when present (seconds or HTTP date), else exponential backoff with
 * jitter (between half and all of `baseDelayMs * 2^n`, capped at `maxDelayMs`). Per call,
 * `retry: false` disables it and `retry: { … }` overrides the client's options.
 *
 * @example
 * const send = withRetry(fetch, { ...DEFAULT_RETRY, retries: 5 });
 */
export function withRetry(fetch: FetchLike, options: RetryOptions | false): FetchLike {
  return async (request, init) => {
    const perCall = perCallOptions(request).retry;
    const opts =
      perCall === undefined ? options : resolveRetryOptions(perCall, options || DEFAULT_RETRY, "retry");
    if (!opts || opts.retries === 0 || !opts.methods.includes(request.method as RetryMethod)) {
      return fetch(request, init);
    }
    const started = performance.now();
    for (let retry = 0; ; retry++) {
      const last = retry >= opts.retries;
      // A request body can be read once: send a copy while a retry may follow. A bodyless
      // request (GET, DELETE…) can be sent again as it is.
      const attempt = last || request.body === null ? request : withPerCallOptions(request.clone(), request);
      let delay: number;
      let reason: number | string;
      try {
        const response = await fetch(attempt, init);
        if (last || !opts.statusCodes.includes(response.status)) return response;
        delay = parseRetryAfter(response.headers.get("retry-after")) ?? backoff(retry, opts);
        reason = response.status;
        if (performance.now() - started + delay > opts.maxElapsedMs) return response;
        await response.body?.cancel();
      } catch (error) {
        const code = error instanceof AltegioNetworkError ? error.code : undefined;
        if (last || code === undefined || !opts.errorCodes.includes(code)) throw error;
        delay = backoff(retry, opts);
        reason = code;
        if (performance.now() - started + delay > opts.maxElapsedMs) throw error;
      }
      opts.onRetry?.({ retry: retry + 1, delayMs: delay, method: request.method, reason });
      await sleep(delay, callerSignal(request));
    }
  };
}

function backoff(retry: number, opts: RetryOptions): number {
  const ceiling = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** retry);
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

/**
 * Validates `retry` options (client-wide or per call) over a base; names the bad field.
 *
 * @example
 * resolveRetryOptions({ retries: 5 }, DEFAULT_RETRY, "retry").retries; // 5
 */
export function resolveRetryOptions(
  value: unknown,
  base: RetryOptions,
  option: string,
): RetryOptions | false {
  if (value === false) return false;
  if (value === true || value === undefined) return base;
  if (typeof value !== "object" || value === null) {
    throw new AltegioConfigError(option, "must be an object of retry options, or false");
  }
  const merged = { ...base, ...(value as Partial<RetryOptions>) };
  for (const key of ["retries", "baseDelayMs", "maxDelayMs", "maxElapsedMs"] as const) {
    const n = merged[key];
    if (typeof n !== "number" || !Number.isFinite(n) || n < 0) {
      throw new AltegioConfigError(`${option}.${key}`, "must be a number >= 0");
    }
  }
  if (!Number.isInteger(merged.retries))
    throw new AltegioConfigError(`${option}.retries`, "must be an integer");
  for (const key of ["methods", "statusCodes", "errorCodes"] as const) {
    if (!Array.isArray(merged[key])) throw new AltegioConfigError(`${option}.${key}`, "must be an array");
  }
  merged.methods = merged.methods.map((m) => String(m).toUpperCase() as RetryMethod);
  if (merged.onRetry !== undefined && typeof merged.onRetry !== "function") {
    throw new AltegioConfigError(`${option}.onRetry`, "must be a function");
  }
  return merged;
}
