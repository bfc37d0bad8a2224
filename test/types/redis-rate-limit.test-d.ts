import type { Cluster, Redis } from "ioredis";
import { describe, expectTypeOf, it } from "vitest";
import type { RateLimiter } from "../../src/index.js";
import { createRedisRateLimiter, type RedisScriptClient } from "../../src/redis-rate-limit/index.js";

describe("altegio-b2b/redis-rate-limit types", () => {
  it("an ioredis Redis or Cluster is accepted as it is, and the result plugs into rateLimit", () => {
    expectTypeOf<Redis>().toExtend<RedisScriptClient>();
    expectTypeOf<Cluster>().toExtend<RedisScriptClient>();
    expectTypeOf(createRedisRateLimiter).returns.toEqualTypeOf<RateLimiter>();
  });

  it("something without eval/evalsha is refused at compile time", () => {
    // @ts-expect-error: a plain object is no Redis connection
    createRedisRateLimiter({ redis: { get: async () => "1" } });
  });
});
