/**
 * altegio-b2b/redis-rate-limit: a rate limiter shared through Redis, for several processes
 * behind one IP. A separate entry so the root package never loads a Redis client; ioredis is
 * an optional peer dependency that only this entry's users install.
 */
export { AltegioRateLimiterUnavailableError } from "../errors/altegio-rate-limiter-unavailable-error.js";
export { createRedisRateLimiter, type RedisRateLimiterOptions } from "./create-redis-rate-limiter.js";
export type { RedisScriptClient } from "./sliding-window-script.js";
