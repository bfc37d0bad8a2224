/**
 * One OS process of the multi-process test: takes `count` grants, all requested at once, from
 * either the Redis limiter (shared by every worker with the same key) or an in-process limiter
 * (the control that must fail), and prints the wall-clock time of each grant as JSON.
 *
 * argv[2]: JSON { port, key, windows, mode: "redis" | "local", count, abortLastAfterMs? }. Prints
 * `ready` once connected, then starts when a line arrives on stdin, so every worker contends
 * from the start. With `abortLastAfterMs`, one more acquire follows and is aborted after that
 * long, before the result is printed (the process should then exit at once).
 */
import { createInterface } from "node:readline";
import { Redis } from "ioredis";
import { createRateLimiter } from "../../../src/index.js";
import { createRedisRateLimiter } from "../../../src/redis-rate-limit/index.js";

const job = JSON.parse(process.argv[2] ?? "{}") as {
  port: number;
  key: string;
  windows: { limit: number; intervalMs: number }[];
  mode: "redis" | "local";
  count: number;
  abortLastAfterMs?: number;
};
const redis = new Redis({ host: "127.0.0.1", port: job.port });
const limiter =
  job.mode === "redis"
    ? createRedisRateLimiter({ redis, key: job.key, windows: job.windows, marginMs: 0 })
    : createRateLimiter({ windows: job.windows, marginMs: 0 });
const now = () => performance.timeOrigin + performance.now();
await redis.ping();
const go = new Promise((resolve) => createInterface({ input: process.stdin }).once("line", resolve));
process.stdout.write("ready\n");
await go;
const grants = await Promise.all(Array.from({ length: job.count }, () => limiter.acquire().then(now)));
if (job.abortLastAfterMs !== undefined) {
  await limiter.acquire(AbortSignal.timeout(job.abortLastAfterMs)).then(
    () => Promise.reject(new Error("the last acquire was granted; it should have waited")),
    () => undefined,
  );
}
redis.disconnect();
process.stdout.write(`${JSON.stringify(grants)}\n`);
