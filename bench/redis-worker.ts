/**
 * One worker process of bench/redis-rate-limit.ts, on the BUILT package. argv[2] is a JSON job;
 * prints `ready` once connected and warmed up, starts on a line from stdin, prints one JSON
 * result line.
 * - `rate`: `requests` GETs through createAltegioClient with the Redis limiter, `concurrency`
 *   in flight, no retries (so every 429 is seen): grant times and 429 times (wall clock).
 * - `latency`: `requests` acquires one after another on limiters that never make anyone wait,
 *   the Redis one and the in-process one (baseline): how long each acquire took.
 */

import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { Redis } from "ioredis";
import { loadBuiltPackage } from "./load-built-package.js";

interface Job {
  mode: "rate" | "latency";
  redisPort: number;
  baseUrl: string;
  key: string;
  windows: { limit: number; intervalMs: number }[];
  marginMs: number;
  requests: number;
  concurrency: number;
  /** `rate` only: the Redis limiter, or the in-process one (the baseline run). */
  limiter?: "redis" | "local";
}

const job = JSON.parse(process.argv[2] ?? "{}") as Job;
const { createAltegioClient, createRateLimiter } = await loadBuiltPackage();
const { createRedisRateLimiter } = (await import(
  pathToFileURL(resolve("dist/src/redis-rate-limit/index.js")).href
)) as typeof import("../src/redis-rate-limit/index.js");
const redis = new Redis({ host: "127.0.0.1", port: job.redisPort });
const shared = createRedisRateLimiter({ redis, key: job.key, windows: job.windows, marginMs: job.marginMs });
const now = () => performance.timeOrigin + performance.now();

// Warm up outside the budget: Redis, and one socket per request in flight.
await redis.ping();
if (job.mode === "rate") {
  // Through the client itself (unlimited, to GET /stats, which the server does not count): a
  // long-running process has its code paths compiled; a cold first burst arrives 50-130 ms
  // late here, and a minute later the server would count those late arrivals against the 201st.
  const warm = createAltegioClient({
    partnerToken: "bench-partner",
    userToken: "bench-user",
    baseUrl: new URL(job.baseUrl).origin,
    env: {},
    retry: false,
    rateLimit: false,
  });
  const stats = warm.GET as unknown as (path: string) => Promise<unknown>;
  // The limiter's path too, on a key of its own (this also loads the script into Redis).
  const warmLimiter = createRedisRateLimiter({
    redis,
    key: `${job.key}:warm-up`,
    windows: [{ limit: 100_000, intervalMs: 1_000 }],
    marginMs: 0,
  });
  for (let round = 0; round < 20; round++) {
    await Promise.all(
      Array.from({ length: job.concurrency }, () => warmLimiter.acquire().then(() => stats("/stats"))),
    );
  }
}
const go = new Promise((done) => createInterface({ input: process.stdin }).once("line", done));
process.stdout.write("ready\n");
await go;

if (job.mode === "rate") {
  const grants: number[] = [];
  const tooManyAt: number[] = [];
  const limiter =
    job.limiter === "local" ? createRateLimiter({ windows: job.windows, marginMs: job.marginMs }) : shared;
  const client = createAltegioClient({
    partnerToken: "bench-partner",
    baseUrl: job.baseUrl,
    env: {},
    retry: false,
    rateLimit: {
      acquire: async (signal) => {
        await limiter.acquire(signal);
        grants.push(now());
      },
    },
  });
  let left = job.requests;
  const lane = async () => {
    while (left-- > 0) {
      await client.GET("/companies").catch((e: unknown) => {
        if ((e as { status?: number }).status === 429) tooManyAt.push(now());
        else throw e;
      });
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, lane));
  process.stdout.write(`${JSON.stringify({ grants, tooManyAt })}\n`);
} else {
  const local = createRateLimiter({ windows: job.windows, marginMs: job.marginMs });
  const time = async (limiter: { acquire(): Promise<void> }) => {
    const out: number[] = [];
    for (let i = 0; i < job.requests; i++) {
      const started = performance.now();
      await limiter.acquire();
      out.push(performance.now() - started);
    }
    return out;
  };
  const localMs = await time(local);
  const redisMs = await time(shared);
  process.stdout.write(`${JSON.stringify({ redisMs, localMs })}\n`);
}
redis.disconnect();
