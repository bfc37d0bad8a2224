import { ALTEGIO_RATE_LIMIT, type RateLimiter, type RateLimiterOptions } from "../rate-limiter.js";

/**
 * How many requests a client's limiter lets start at once: the smallest `limit` of its windows.
 * paginate starts no more pages than that at a time, because requests beyond it would only wait
 * in the limiter's queue holding nothing useful. Unknown (limiter off, or a custom `acquire`):
 * not recorded, and paginate uses the vendor's own burst (5 a second).
 */
const bursts = new WeakMap<object, number>();

/** The vendor's burst: 5 requests a second. */
export const DEFAULT_BURST = Math.min(...ALTEGIO_RATE_LIMIT.windows.map((w) => w.limit));

/** Records the burst of the limiter `rateLimit` (a client option, already validated) builds. */
export function rememberBurst(
  client: object,
  rateLimit: Partial<RateLimiterOptions> | RateLimiter | false | undefined,
): void {
  if (rateLimit === undefined) bursts.set(client, DEFAULT_BURST);
  else if (rateLimit !== false && !("acquire" in rateLimit)) {
    const windows = rateLimit.windows ?? ALTEGIO_RATE_LIMIT.windows;
    bursts.set(client, Math.min(...windows.map((w) => w.limit)));
  }
}

/** The burst recorded for a client, if known. */
export function burstOf(client: object): number | undefined {
  return bursts.get(client);
}
