import { createHash } from "node:crypto";
import { AltegioRateLimiterUnavailableError } from "../errors/altegio-rate-limiter-unavailable-error.js";
import type { RateLimitWindow } from "../rate-limiter.js";

/**
 * What the limiter needs of a Redis connection: ioredis' `evalsha` and `eval` (an ioredis
 * `Redis` or `Cluster` fits as it is). Kept structural so this package's types never import
 * ioredis.
 */
export interface RedisScriptClient {
  evalsha(sha1: string, numkeys: number, ...args: string[]): Promise<unknown>;
  eval(script: string, numkeys: number, ...args: string[]): Promise<unknown>;
}

/**
 * A sliding-window log in one sorted set (member: a unique grant id, score: the grant time in
 * ms by Redis' own clock, so processes on hosts with skewed clocks still agree). A request may
 * start when, for every window, the grant `limit` places back started at least
 * `intervalMs + marginMs` ago, the rule of the in-process limiter. Check and insert run in one
 * script, so no two processes can both take the last slot.
 *
 * KEYS[1]: the sorted set. ARGV: grant id, marginMs, then limit and intervalMs per window.
 * Returns 0 when granted (the grant is recorded), else the ms to wait before asking again.
 */
export const SLIDING_WINDOW_SCRIPT = `
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local margin = tonumber(ARGV[2])
local longest = 0
for i = 3, #ARGV, 2 do
  local interval = tonumber(ARGV[i + 1])
  if interval > longest then longest = interval end
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', string.format('%.3f', now - longest - margin))
local n = redis.call('ZCARD', KEYS[1])
local wait = 0
for i = 3, #ARGV, 2 do
  local limit = tonumber(ARGV[i])
  if n >= limit then
    local oldest = redis.call('ZRANGE', KEYS[1], n - limit, n - limit, 'WITHSCORES')
    local w = tonumber(oldest[2]) + tonumber(ARGV[i + 1]) + margin - now
    if w > wait then wait = w end
  end
end
if wait > 0 then return math.ceil(wait) end
redis.call('ZADD', KEYS[1], string.format('%.3f', now), ARGV[1])
redis.call('PEXPIRE', KEYS[1], math.ceil(longest + margin) + 1000)
return 0
`;

const SHA1 = createHash("sha1").update(SLIDING_WINDOW_SCRIPT).digest("hex");

/**
 * Runs the script once (by SHA; by source after a NOSCRIPT, e.g. when Redis restarted and lost
 * its script cache). Resolves 0 when granted, else the ms to wait. Rejects with Redis' error,
 * or with {@link AltegioRateLimiterUnavailableError} when the reply is not a number.
 *
 * @example
 * const waitMs = await runSlidingWindow(redis, "altegio-b2b:rate-limit", "id-1", 50, windows);
 */
export async function runSlidingWindow(
  redis: RedisScriptClient,
  key: string,
  grantId: string,
  marginMs: number,
  windows: readonly RateLimitWindow[],
): Promise<number> {
  const args = [
    grantId,
    String(marginMs),
    ...windows.flatMap((w) => [String(w.limit), String(w.intervalMs)]),
  ];
  let reply: unknown;
  try {
    reply = await redis.evalsha(SHA1, 1, key, ...args);
  } catch (error) {
    if (!String((error as Error | undefined)?.message).startsWith("NOSCRIPT")) throw error;
    reply = await redis.eval(SLIDING_WINDOW_SCRIPT, 1, key, ...args);
  }
  if (typeof reply !== "number" || !(reply >= 0)) {
    throw new AltegioRateLimiterUnavailableError(
      key,
      `unexpected reply from the script: ${JSON.stringify(reply)}`,
    );
  }
  return reply;
}
