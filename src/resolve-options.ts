import { AltegioConfigError } from "./errors/altegio-config-error.js";
import type { FetchLike } from "./fetch/fetch-like.js";
import { DEFAULT_RETRY, type RetryOptions, resolveRetryOptions } from "./fetch/with-retry.js";
import { checkTimeout } from "./fetch/with-timeout.js";
import {
  ALTEGIO_RATE_LIMIT,
  createRateLimiter,
  type RateLimiter,
  type RateLimiterOptions,
} from "./rate-limiter.js";

/** Production base URL (openapi.yaml `servers[0]`). */
export const DEFAULT_BASE_URL = "https://api.alteg.io/api/v1";

/**
 * Options of `createAltegioClient`. Absent `partnerToken`, `userToken`, `baseUrl` are read
 * from `ALTEGIO_PARTNER_TOKEN`, `ALTEGIO_USER_TOKEN`, `ALTEGIO_BASE_URL`.
 */
export interface AltegioClientOptions {
  /** Partner token (Developer portal). Required, here or in `ALTEGIO_PARTNER_TOKEN`. */
  partnerToken?: string | undefined;
  /** User token from `login()`; needed by every `BearerPartnerUser` operation. */
  userToken?: string | undefined;
  /** Default `https://api.alteg.io/api/v1`. */
  baseUrl?: string | undefined;
  /** Custom fetch (default `globalThis.fetch`); must honour `init.signal`. */
  fetch?: FetchLike | undefined;
  /**
   * Per-attempt timeout in ms (on the wire, body included; time waiting for the rate limiter
   * does not count), or `false` for none. Default 30 000.
   */
  timeoutMs?: number | false | undefined;
  /**
   * Longest wait in ms for the rate limiter before each attempt; past it the call fails with
   * `AltegioTimeoutError` (`phase: "queue"`) and nothing is sent. `false`: wait as long as it
   * takes. Default 120 000: twice the vendor's 60 s window, so one-at-a-time use never hits
   * it, but a runaway backlog (thousands of calls queued at 200/min) fails instead of hanging.
   */
  maxQueueMs?: number | false | undefined;
  /** Retry options merged over {@link DEFAULT_RETRY}, or `false` to never retry. */
  retry?: Partial<RetryOptions> | false | undefined;
  /**
   * Client-side rate limit. Default: one limiter per process for every client, at the
   * vendor's 5/s and 200/min. Pass windows to change it, your own {@link RateLimiter} (e.g.
   * backed by Redis when several processes share an IP), or `false` to turn it off.
   */
  rateLimit?: Partial<RateLimiterOptions> | RateLimiter | false | undefined;
  /** Where env variables are read from (default `process.env`); `{}` ignores the environment. */
  env?: Readonly<Record<string, string | undefined>> | undefined;
}

/** {@link AltegioClientOptions} after defaults, env and validation. */
export interface ResolvedOptions {
  partnerToken: string;
  userToken: string | undefined;
  baseUrl: string;
  fetch: FetchLike;
  timeoutMs: number | false;
  maxQueueMs: number | false;
  retry: RetryOptions | false;
  rateLimit: RateLimiter | false;
}

const DEFAULTS = {
  baseUrl: DEFAULT_BASE_URL,
  timeoutMs: 30_000,
  maxQueueMs: 120_000,
} as const satisfies Partial<AltegioClientOptions>;

// The registry key of the default limiter on globalThis. Symbol.for() gives every copy of the
// package in the process (a bundled dependency, two versions side by side) the same key, so
// they share one limiter: the vendor counts per IP, not per copy. What it holds is a
// RateLimiter; that interface is the compatibility contract between versions.
const DEFAULT_LIMITER = Symbol.for("altegio-b2b.defaultRateLimiter");

/**
 * One limiter shared by every client of this process that keeps the default rate limit, in
 * every copy of this package the process has loaded (a `globalThis` registry under
 * `Symbol.for("altegio-b2b.defaultRateLimiter")`): the vendor counts per IP, not per client.
 *
 * @example
 * await defaultRateLimiter().acquire();
 */
export function defaultRateLimiter(): RateLimiter {
  const registry = globalThis as { [DEFAULT_LIMITER]?: unknown };
  const found = registry[DEFAULT_LIMITER] as Partial<RateLimiter> | undefined;
  if (typeof found?.acquire === "function") return found as RateLimiter;
  const limiter = createRateLimiter(ALTEGIO_RATE_LIMIT);
  registry[DEFAULT_LIMITER] = limiter;
  return limiter;
}

/**
 * Applies env variables and defaults and validates every option; the error names the option
 * and never repeats a token.
 *
 * @example
 * resolveOptions({ partnerToken: "p", env: {} }).baseUrl; // "https://api.alteg.io/api/v1"
 */
export function resolveOptions(options: AltegioClientOptions = {}): ResolvedOptions {
  if (typeof options !== "object" || options === null) {
    throw new AltegioConfigError("options", "must be an object");
  }
  const env = options.env ?? (typeof process === "object" ? process.env : {});
  const partnerToken = checkToken(
    options.partnerToken ?? env.ALTEGIO_PARTNER_TOKEN,
    "partnerToken",
    "ALTEGIO_PARTNER_TOKEN",
  );
  if (partnerToken === undefined) {
    throw new AltegioConfigError("partnerToken", "is required (pass it or set ALTEGIO_PARTNER_TOKEN)");
  }
  const userToken = checkToken(
    options.userToken ?? env.ALTEGIO_USER_TOKEN,
    "userToken",
    "ALTEGIO_USER_TOKEN",
  );
  const baseUrl = checkBaseUrl(options.baseUrl ?? env.ALTEGIO_BASE_URL ?? DEFAULTS.baseUrl);
  const fetch = options.fetch ?? globalThis.fetch;
  if (typeof fetch !== "function") throw new AltegioConfigError("fetch", "must be a function");
  const timeoutMs = checkTimeout(options.timeoutMs ?? DEFAULTS.timeoutMs, "timeoutMs");
  const maxQueueMs = checkTimeout(options.maxQueueMs ?? DEFAULTS.maxQueueMs, "maxQueueMs");
  const retry = resolveRetryOptions(options.retry, DEFAULT_RETRY, "retry");
  return {
    partnerToken,
    userToken,
    baseUrl,
    fetch,
    timeoutMs,
    maxQueueMs,
    retry,
    rateLimit: resolveRateLimit(options.rateLimit),
  };
}

function checkToken(value: unknown, option: string, envName: string): string | undefined {
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "string") throw new AltegioConfigError(option, "must be a string");
  // A token that cannot be an HTTP header value would make fetch throw an error that quotes it.
  if (!/^[\x21-\x7e]+$/.test(value)) {
    throw new AltegioConfigError(option, `must be printable ASCII without spaces (check ${envName} too)`);
  }
  return value;
}

function checkBaseUrl(value: unknown): string {
  if (typeof value !== "string") throw new AltegioConfigError("baseUrl", "must be a string");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AltegioConfigError(
      "baseUrl",
      "must be an absolute http(s) URL such as https://api.alteg.io/api/v1",
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new AltegioConfigError("baseUrl", "must use http or https");
  }
  if (url.username || url.password) throw new AltegioConfigError("baseUrl", "must not contain credentials");
  // openapi-fetch appends the path to the string as it is: after a query or a fragment, every
  // path would land inside it (`…/v1?x=1/companies`).
  if (value.includes("?") || value.includes("#")) {
    throw new AltegioConfigError("baseUrl", "must not contain a query (?) or a fragment (#)");
  }
  return value.replace(/\/+$/, "");
}

function resolveRateLimit(value: AltegioClientOptions["rateLimit"]): RateLimiter | false {
  if (value === false) return false;
  if (value === undefined) return defaultRateLimiter();
  if (typeof value !== "object" || value === null) {
    throw new AltegioConfigError("rateLimit", "must be options, a RateLimiter, or false");
  }
  if ("acquire" in value) {
    if (typeof value.acquire !== "function")
      throw new AltegioConfigError("rateLimit.acquire", "must be a function");
    return value;
  }
  const merged = { ...ALTEGIO_RATE_LIMIT, ...value };
  if (!Array.isArray(merged.windows) || merged.windows.length === 0) {
    throw new AltegioConfigError("rateLimit.windows", "must be a non-empty array of { limit, intervalMs }");
  }
  merged.windows.forEach((w: unknown, i) => {
    const win = w as Partial<{ limit: unknown; intervalMs: unknown }>;
    if (!Number.isInteger(win.limit) || (win.limit as number) < 1) {
      throw new AltegioConfigError(`rateLimit.windows[${i}].limit`, "must be an integer >= 1");
    }
    if (typeof win.intervalMs !== "number" || !(win.intervalMs > 0)) {
      throw new AltegioConfigError(`rateLimit.windows[${i}].intervalMs`, "must be a positive number");
    }
  });
  if (typeof merged.marginMs !== "number" || !(merged.marginMs >= 0)) {
    throw new AltegioConfigError("rateLimit.marginMs", "must be a number >= 0");
  }
  return createRateLimiter(merged);
}
