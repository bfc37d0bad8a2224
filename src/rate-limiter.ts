import { sleep } from "./fetch/sleep.js";

/**
 * What the client awaits before each HTTP attempt. Implement it over a shared store
 * (Redis, a database…) when many processes share one IP, since the vendor counts per IP.
 *
 * @example
 * const shared: RateLimiter = { acquire: (signal) => redisLimiter.take("altegio", signal) };
 * createAltegioClient({ partnerToken, rateLimit: shared });
 */
export interface RateLimiter {
  /** Resolves when one more request may start; rejects with `signal.reason` on abort. */
  acquire(signal?: AbortSignal): Promise<void>;
}

/** One "at most `limit` requests in any `intervalMs`" rule. */
export interface RateLimitWindow {
  limit: number;
  intervalMs: number;
}

/** Options of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Every window must hold at once. */
  windows: readonly RateLimitWindow[];
  /**
   * Extra wait added to each window, because the server counts arrivals, not our send times:
   * a later request may travel faster than an earlier one.
   */
  marginMs: number;
}

/**
 * The vendor's documented limit: 200 requests per minute AND 5 per second, per IP (as issue 4
 * quotes it; the page is not among the stored copies in spec/reference/). `marginMs` absorbs
 * send-to-arrival jitter: bench/ reaches 99% of the limit with zero 429s.
 */
export const ALTEGIO_RATE_LIMIT = {
  windows: [
    { limit: 5, intervalMs: 1_000 },
    { limit: 200, intervalMs: 60_000 },
  ],
  marginMs: 50,
} as const satisfies RateLimiterOptions;

/**
 * An in-process sliding-window limiter: a request may start when, for every window, the
 * request `limit` grants earlier started at least `intervalMs + marginMs` ago. Grants are
 * FIFO; an aborted waiter leaves the queue without taking a slot. Memory is one ring of
 * `limit` timestamps per window.
 *
 * @example
 * const limiter = createRateLimiter({ windows: [{ limit: 2, intervalMs: 100 }], marginMs: 0 });
 * await limiter.acquire();
 */
export function createRateLimiter(options: RateLimiterOptions = ALTEGIO_RATE_LIMIT): RateLimiter {
  const rings = options.windows.map((w) => ({
    ...w,
    times: new Array<number>(w.limit).fill(-Infinity),
    next: 0,
  }));
  let tail: Promise<void> = Promise.resolve();

  async function take(signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const now = performance.now();
      let wait = 0;
      for (const ring of rings) {
        // The grant `limit` places back is the one this request must not overlap with.
        const oldest = ring.times[ring.next] ?? -Infinity;
        wait = Math.max(wait, oldest + ring.intervalMs + options.marginMs - now);
      }
      if (wait <= 0) {
        for (const ring of rings) {
          ring.times[ring.next] = now;
          ring.next = (ring.next + 1) % ring.limit;
        }
        return;
      }
      await sleep(Math.ceil(wait), signal);
    }
  }

  return {
    acquire(signal) {
      const turn = tail.then(() => take(signal));
      tail = turn.catch(() => undefined);
      return turn;
    },
  };
}
