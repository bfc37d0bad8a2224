import { randomBytes } from "node:crypto";
import { AltegioConfigError } from "../errors/altegio-config-error.js";
import { AltegioRateLimiterUnavailableError } from "../errors/altegio-rate-limiter-unavailable-error.js";
import { sleep } from "../fetch/sleep.js";
import { ALTEGIO_RATE_LIMIT, type RateLimiter, type RateLimitWindow } from "../rate-limiter.js";
import { type RedisScriptClient, runSlidingWindow } from "./sliding-window-script.js";

/** Options of {@link createRedisRateLimiter}. */
export interface RedisRateLimiterOptions {
  /**
   * An ioredis connection (`new Redis(url)` or a `Cluster`), owned by the caller: the limiter
   * never connects, quits or changes it.
   */
  redis: RedisScriptClient;
  /**
   * The sorted set every process sharing one budget (one outgoing IP) uses.
   * @default "altegio-b2b:rate-limit"
   */
  key?: string | undefined;
  /**
   * Every window must hold at once, across all processes using `key` (give them all the same).
   * @default ALTEGIO_RATE_LIMIT.windows (5 per second and 200 per minute)
   */
  windows?: readonly RateLimitWindow[] | undefined;
  /**
   * Extra wait added to each window: the vendor counts arrivals, not our send times.
   * @default ALTEGIO_RATE_LIMIT.marginMs (50)
   */
  marginMs?: number | undefined;
  /**
   * How long one Redis round trip may take before `acquire` rejects with
   * {@link AltegioRateLimiterUnavailableError}, whatever the connection's own retry settings.
   * @default 1000
   */
  commandTimeoutMs?: number | undefined;
}

const DEFAULT_KEY = "altegio-b2b:rate-limit";
const DEFAULT_COMMAND_TIMEOUT_MS = 1_000;

interface Waiter {
  settled: boolean;
  settle(outcome: { error: unknown } | undefined): void;
}

/**
 * A {@link RateLimiter} whose budget lives in Redis, so every process that uses the same `key`
 * (workers, a queue consumer fleet, serverless functions behind one NAT) shares the vendor's
 * per-IP limit. One Lua script checks and records each grant atomically over sliding windows.
 *
 * Within a process callers are served in order, one Redis call at a time. A caller's abort
 * rejects its `acquire` at once with the signal's reason, without taking a slot. When Redis
 * fails or does not answer within `commandTimeoutMs`, every caller then waiting rejects with
 * {@link AltegioRateLimiterUnavailableError} and no request is sent (fail closed: going on
 * without the shared budget would spend other processes' share and draw 429s).
 *
 * @example
 * import { Redis } from "ioredis";
 * const redis = new Redis(process.env.REDIS_URL);
 * const client = createAltegioClient({ partnerToken, rateLimit: createRedisRateLimiter({ redis }) });
 */
export function createRedisRateLimiter(options: RedisRateLimiterOptions): RateLimiter {
  const { redis, key, windows, marginMs, commandTimeoutMs } = checkOptions(options);
  const waiters: Waiter[] = [];
  // Unique across processes: a repeated member would overwrite an earlier grant's time.
  const idPrefix = randomBytes(8).toString("hex");
  let sequence = 0;
  let draining = false;
  // Aborted when no caller is left, so an idle process is not kept alive by a long wait.
  let idle = new AbortController();

  const firstWaiting = (): Waiter | undefined => {
    while (waiters[0]?.settled) waiters.shift();
    return waiters[0];
  };

  async function ask(): Promise<number> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      const error = new AltegioRateLimiterUnavailableError(
        key,
        `Redis did not answer within ${commandTimeoutMs} ms`,
      );
      // After a stall of this process (a busy CPU), expired timers run before pending socket
      // reads: one more event-loop turn lets an answer that already arrived win the race.
      timer = setTimeout(() => setImmediate(() => reject(error)), commandTimeoutMs);
    });
    const call = runSlidingWindow(redis, key, `${idPrefix}:${++sequence}`, marginMs, windows).catch(
      (error: unknown) => {
        if (error instanceof AltegioRateLimiterUnavailableError) throw error;
        throw new AltegioRateLimiterUnavailableError(key, `Redis failed (${summarize(error)})`, error);
      },
    );
    try {
      return await Promise.race([call, timeout]);
    } finally {
      clearTimeout(timer);
      // A late answer or failure after the timeout must not surface as an unhandled rejection.
      call.catch(() => undefined);
    }
  }

  async function drain(): Promise<void> {
    if (draining) return;
    draining = true;
    try {
      while (firstWaiting()) {
        let waitMs: number;
        try {
          waitMs = await ask();
        } catch (error) {
          // Every queued caller would meet the same outage: none waits for it in turn.
          for (const w of waiters.splice(0)) w.settle({ error });
          continue;
        }
        if (waitMs === 0) {
          // The slot is taken now: it goes to the first caller still waiting (the one it was
          // asked for may have aborted meanwhile; with nobody left it goes unused).
          firstWaiting()?.settle(undefined);
          continue;
        }
        await sleep(waitMs, idle.signal).catch(() => undefined);
      }
    } finally {
      draining = false;
    }
  }

  return {
    acquire(signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        const onAbort = () => {
          waiter.settle({ error: signal?.reason });
          if (!firstWaiting()) {
            idle.abort();
            idle = new AbortController();
          }
        };
        const waiter: Waiter = {
          settled: false,
          settle(outcome) {
            if (waiter.settled) return;
            waiter.settled = true;
            signal?.removeEventListener("abort", onAbort);
            if (outcome) reject(outcome.error);
            else resolve();
          },
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        waiters.push(waiter);
        void drain();
      });
    },
  };
}

function summarize(error: unknown): string {
  if (error instanceof Error) return (error as Error & { code?: unknown }).code?.toString() ?? error.message;
  return String(error);
}

function checkOptions(options: RedisRateLimiterOptions) {
  if (typeof options !== "object" || options === null) {
    throw new AltegioConfigError("options", "must be an object with a `redis` connection");
  }
  const { redis } = options;
  if (
    typeof redis !== "object" ||
    redis === null ||
    typeof redis.evalsha !== "function" ||
    typeof redis.eval !== "function"
  ) {
    throw new AltegioConfigError("redis", "must be an ioredis connection (with evalsha and eval)");
  }
  const key = options.key ?? DEFAULT_KEY;
  if (typeof key !== "string" || key === "")
    throw new AltegioConfigError("key", "must be a non-empty string");
  const windows = options.windows ?? ALTEGIO_RATE_LIMIT.windows;
  if (!Array.isArray(windows) || windows.length === 0) {
    throw new AltegioConfigError("windows", "must be a non-empty array of { limit, intervalMs }");
  }
  windows.forEach((w: Partial<Record<keyof RateLimitWindow, unknown>>, i) => {
    if (!Number.isInteger(w?.limit) || (w.limit as number) < 1) {
      throw new AltegioConfigError(`windows[${i}].limit`, "must be an integer >= 1");
    }
    if (typeof w.intervalMs !== "number" || !(w.intervalMs > 0) || !Number.isFinite(w.intervalMs)) {
      throw new AltegioConfigError(`windows[${i}].intervalMs`, "must be a positive number");
    }
  });
  const marginMs = options.marginMs ?? ALTEGIO_RATE_LIMIT.marginMs;
  if (typeof marginMs !== "number" || !(marginMs >= 0) || !Number.isFinite(marginMs)) {
    throw new AltegioConfigError("marginMs", "must be a number >= 0");
  }
  const commandTimeoutMs = options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  if (typeof commandTimeoutMs !== "number" || !(commandTimeoutMs > 0) || !Number.isFinite(commandTimeoutMs)) {
    throw new AltegioConfigError("commandTimeoutMs", "must be a positive number of ms");
  }
  return { redis, key, windows, marginMs, commandTimeoutMs };
}
