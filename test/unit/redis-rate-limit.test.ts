/**
 * altegio-b2b/redis-rate-limit against a REAL redis-server started by this file (see
 * support/redis-server.ts). Windows are scaled down (hundreds of ms) so the file stays short.
 * Without redis-server on PATH every Redis test is skipped loudly, except in CI (CI=true),
 * where .ci/run installs it and its absence is a failure.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { build } from "esbuild";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { isAltegioError, type RateLimitWindow } from "../../src/index.js";
import {
  AltegioRateLimiterUnavailableError,
  createRedisRateLimiter,
  type RedisRateLimiterOptions,
} from "../../src/redis-rate-limit/index.js";
import { json, type LocalServer, ok, startServer } from "./support/local-server.js";
import { maxInWindow } from "./support/max-in-window.js";
import { type RedisServer, redisServerVersion, startRedisServer } from "./support/redis-server.js";
import { testClient } from "./support/test-client.js";

const version = redisServerVersion();
let server: RedisServer | undefined;
const connections: Redis[] = [];
let http: LocalServer | undefined;
let keys = 0;

beforeAll(async () => {
  if (version === undefined) {
    if (process.env.CI)
      throw new Error("redis-server is required in CI (.ci/run installs it) but is not on PATH");
    console.warn(
      "\n################################################################\n" +
        "skipped: redis-server not installed (apt-get install -y redis-server)\n" +
        "         no Redis rate-limit test ran; nothing counts as passed\n" +
        "################################################################\n",
    );
    return;
  }
  server = await startRedisServer();
  console.log(`redis-rate-limit tests: redis-server ${server.version} on 127.0.0.1:${server.port}`);
}, 30_000);
afterAll(async () => {
  rmSync(join(".cache", `redis-worker-${process.pid}.mjs`), { force: true });
  for (const c of connections) c.disconnect();
  await server?.stop();
});
afterEach(async () => {
  await http?.close();
  http = undefined;
});

/** The running server, or a loud skip when redis-server is not installed. */
function needRedis(ctx: TestContext): RedisServer {
  if (!server) ctx.skip("skipped: redis-server not installed");
  return server as RedisServer;
}

/** A fresh connection (closed after the file) that reconnects quickly after a restart. */
function connect(redis: RedisServer): Redis {
  const c = new Redis({ host: "127.0.0.1", port: redis.port, retryStrategy: () => 50 });
  c.on("error", () => undefined); // connection errors surface through the limiter instead
  connections.push(c);
  return c;
}

const freshKey = () => `test:${process.pid}:${++keys}`;

function limiter(redis: Redis, options: Partial<RedisRateLimiterOptions> = {}) {
  return createRedisRateLimiter({ redis, key: freshKey(), marginMs: 0, commandTimeoutMs: 500, ...options });
}

const workerFile = join(".cache", `redis-worker-${process.pid}.mjs`);
let workerBuilt: Promise<unknown> | undefined;

/** One worker process (support/redis-worker.ts): resolves once connected; `go()` starts it. */
async function worker(job: object): Promise<{ go(): Promise<number[]>; exited: Promise<unknown> }> {
  // Bundled once into plain JS: six tsx start-ups took ~20 s on 2 busy cores.
  workerBuilt ??= build({
    entryPoints: ["test/unit/support/redis-worker.ts"],
    bundle: true,
    platform: "node",
    format: "esm",
    external: ["ioredis"],
    outfile: workerFile,
    logLevel: "silent",
  });
  await workerBuilt;
  const child = spawn(process.execPath, [workerFile, JSON.stringify(job)], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const lines = createInterface({ input: child.stdout });
  const next = () =>
    new Promise<string>((resolve, reject) => {
      lines.once("line", resolve);
      child.once("exit", (code) => reject(new Error(`worker exited with ${code}`)));
    });
  const ready = await next();
  if (ready !== "ready") throw new Error(`worker said ${ready}`);
  return {
    go: () => {
      const result = next();
      child.stdin.end("go\n");
      return result.then((line) => JSON.parse(line) as number[]);
    },
    exited,
  };
}

/** Runs `n` workers per job at once, started together once all are connected; grants per worker. */
async function workers(
  redis: RedisServer,
  jobs: { mode: "redis" | "local"; n: number; count: number; windows: RateLimitWindow[]; key: string }[],
): Promise<number[][][]> {
  const started = await Promise.all(
    jobs.map((job) => Promise.all(Array.from({ length: job.n }, () => worker({ port: redis.port, ...job })))),
  );
  return Promise.all(started.map((group) => Promise.all(group.map((w) => w.go()))));
}

describe("redis rate limiter: options", () => {
  it("refuses bad options with AltegioConfigError naming the option, before any Redis call", () => {
    const redis = { evalsha: async () => 0, eval: async () => 0 };
    const bad: [unknown, string][] = [
      [undefined, "options"],
      [{}, "redis"],
      [{ redis: { get: () => 1 } }, "redis"],
      [{ redis, key: "" }, "key"],
      [{ redis, windows: [] }, "windows"],
      [{ redis, windows: [{ limit: 0, intervalMs: 100 }] }, "windows[0].limit"],
      [
        {
          redis,
          windows: [
            { limit: 5, intervalMs: 1000 },
            { limit: 2, intervalMs: -1 },
          ],
        },
        "windows[1].intervalMs",
      ],
      [{ redis, marginMs: -1 }, "marginMs"],
      [{ redis, commandTimeoutMs: 0 }, "commandTimeoutMs"],
    ];
    for (const [options, option] of bad) {
      expect(() => createRedisRateLimiter(options as RedisRateLimiterOptions), option).toThrow(
        expect.objectContaining({ name: "AltegioConfigError", option }),
      );
    }
  });
});

describe("redis rate limiter on a real redis-server", () => {
  it("several OS processes sharing one key never exceed any window; in-process limiters would", {
    timeout: 60_000,
  }, async (ctx) => {
    const redis = needRedis(ctx);
    const windows: RateLimitWindow[] = [
      { limit: 5, intervalMs: 300 },
      { limit: 12, intervalMs: 1_000 },
    ];
    // A window that never binds keeps every grant in the sorted set (it is trimmed by the
    // longest window), so the check reads the grant times Redis itself recorded: a worker's own
    // clock reading lags its grant unevenly on a busy machine.
    const key = freshKey();
    const [shared = [], control = []] = await workers(redis, [
      { mode: "redis", n: 4, count: 8, windows: [...windows, { limit: 1_000, intervalMs: 60_000 }], key },
      { mode: "local", n: 2, count: 8, windows, key: freshKey() },
    ]);
    for (const grants of shared) expect(grants).toHaveLength(8);
    const flat = await connect(redis).zrange(key, "0", "-1", "WITHSCORES");
    const recorded = flat.filter((_, i) => i % 2 === 1).map(Number);
    expect(recorded).toHaveLength(32);
    for (const w of windows) {
      expect(maxInWindow(recorded, w.intervalMs), `${w.limit} per ${w.intervalMs} ms`).toBeLessThanOrEqual(
        w.limit,
      );
    }
    // And about as fast as the windows allow (32 grants at 12 per second: ideal ≈ 2 s).
    const elapsed = Math.max(...recorded) - Math.min(...recorded);
    expect(elapsed).toBeGreaterThan(1_500);
    expect(elapsed).toBeLessThan(6_000);
    // The control: two in-process limiters do not see each other, so the check above fails.
    expect(maxInWindow(control.flat(), windows[0]?.intervalMs ?? 0)).toBeGreaterThan(5);
  });

  it("through createAltegioClient, two processes' worth of clients get no 429 from a server enforcing the windows", async (ctx) => {
    const redis = needRedis(ctx);
    const windows: RateLimitWindow[] = [{ limit: 3, intervalMs: 200 }];
    const arrivals: number[] = [];
    let tooMany = 0;
    http = await startServer((req, res) => {
      if (arrivals.filter((t) => req.at - t < 200).length >= 3) {
        tooMany++;
        json(res, 429, { success: false, data: null, meta: { message: "Too many requests" } });
      } else json(res, 200, ok(1));
      arrivals.push(req.at);
    });
    const key = freshKey();
    // Two connections and two limiters, as two processes would have; the margin absorbs
    // send-to-arrival jitter, as ALTEGIO_RATE_LIMIT's does.
    const clients = [connect(redis), connect(redis)].map((c) =>
      testClient(http as LocalServer, {
        rateLimit: createRedisRateLimiter({ redis: c, key, windows, marginMs: 100 }),
        retry: false,
      }),
    );
    // One request each first: a cold first request (new socket, unoptimized code) can arrive
    // 100+ ms after its grant on a busy machine, more than any sensible margin.
    for (const client of clients) {
      await client.GET("/company/{location_id}", { params: { path: { location_id: 1 } } });
    }
    await Promise.all(
      clients.flatMap((client) =>
        Array.from({ length: 6 }, () =>
          client.GET("/company/{location_id}", { params: { path: { location_id: 1 } } }),
        ),
      ),
    );
    expect(http.requests).toHaveLength(14);
    expect(tooMany).toBe(0);
  });

  it("an aborted waiter rejects at once with the signal's reason and takes no slot", async (ctx) => {
    const redis = needRedis(ctx);
    const conn = connect(redis);
    const key = freshKey();
    const shared = limiter(conn, { key, windows: [{ limit: 2, intervalMs: 10_000 }] });
    await shared.acquire();
    await shared.acquire();
    const controller = new AbortController();
    const waiting = shared.acquire(controller.signal);
    const behind = shared.acquire(AbortSignal.timeout(150));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const abortedAt = performance.now();
    controller.abort(new Error("caller gave up"));
    await expect(waiting).rejects.toThrow("caller gave up");
    expect(performance.now() - abortedAt).toBeLessThan(100);
    await expect(behind).rejects.toMatchObject({ name: "TimeoutError" });
    expect(await conn.zcard(key)).toBe(2);
    // An already aborted signal is refused without asking Redis.
    await expect(shared.acquire(AbortSignal.abort(new Error("already")))).rejects.toThrow("already");
    expect(await conn.zcard(key)).toBe(2);
  });

  it("a process whose last waiter gave up exits at once, not when the long wait would have ended", async (ctx) => {
    const redis = needRedis(ctx);
    const one = await worker({
      port: redis.port,
      key: freshKey(),
      mode: "redis",
      count: 1,
      windows: [{ limit: 1, intervalMs: 60_000 }],
      abortLastAfterMs: 100,
    });
    const grants = await one.go();
    expect(grants).toHaveLength(1);
    const printed = performance.now();
    await one.exited;
    // The wait for the next slot was about 60 s; the limiter dropped its timer with the waiter.
    expect(performance.now() - printed).toBeLessThan(3_000);
  });

  it("through the client, a call's own signal ends its wait for the shared budget; nothing is sent", async (ctx) => {
    const redis = needRedis(ctx);
    http = await startServer((_req, res) => json(res, 200, ok(1)));
    const client = testClient(http, {
      rateLimit: limiter(connect(redis), { windows: [{ limit: 1, intervalMs: 10_000 }] }),
    });
    await client.GET("/company/{location_id}", { params: { path: { location_id: 1 } } });
    const started = performance.now();
    const waiting = client.GET("/company/{location_id}", {
      params: { path: { location_id: 1 } },
      signal: AbortSignal.timeout(150),
    });
    await expect(waiting).rejects.toMatchObject({ name: "TimeoutError" });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(http.requests).toHaveLength(1);
  });

  it("two keys are two budgets", async (ctx) => {
    const redis = needRedis(ctx);
    const conn = connect(redis);
    const windows = [{ limit: 2, intervalMs: 10_000 }];
    const a = limiter(conn, { windows });
    const b = limiter(conn, { windows });
    const started = performance.now();
    await Promise.all([a.acquire(), a.acquire(), b.acquire(), b.acquire()]);
    expect(performance.now() - started).toBeLessThan(1_000);
    // `a` is spent: its third caller waits, while `b`'s own budget is untouched by it.
    const third = a.acquire(AbortSignal.timeout(300));
    await expect(third).rejects.toMatchObject({ name: "TimeoutError" });
  });

  it("Redis down: waiting callers reject with AltegioRateLimiterUnavailableError, nothing is sent", async () => {
    http = await startServer((_req, res) => json(res, 200, ok(1)));
    // No server on this port: the connection is refused, ioredis keeps retrying.
    const refused = new Redis({ host: "127.0.0.1", port: 1, retryStrategy: () => 50, lazyConnect: false });
    refused.on("error", () => undefined);
    connections.push(refused);
    const client = testClient(http, {
      rateLimit: createRedisRateLimiter({ redis: refused, key: freshKey(), commandTimeoutMs: 300 }),
    });
    const started = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: 3 }, () =>
        client.GET("/company/{location_id}", { params: { path: { location_id: 1 } } }),
      ),
    );
    // All three fail together within about one command timeout, not one timeout each in turn.
    expect(performance.now() - started).toBeLessThan(800);
    for (const r of results) {
      expect(r.status).toBe("rejected");
      const error = (r as PromiseRejectedResult).reason as AltegioRateLimiterUnavailableError;
      expect(error).toBeInstanceOf(AltegioRateLimiterUnavailableError);
      expect(isAltegioError(error)).toBe(true);
      expect(error.message).toMatch(
        /^Shared rate limiter unavailable \(key test:.*\): .*request was not sent$/,
      );
    }
    expect(http.requests).toHaveLength(0);
  });

  it("Redis that accepts but never answers (SIGSTOP): acquire rejects after commandTimeoutMs, no hang", async (ctx) => {
    const redis = needRedis(ctx);
    const conn = connect(redis);
    const shared = limiter(conn, { commandTimeoutMs: 300 });
    await shared.acquire();
    redis.pause();
    try {
      const started = performance.now();
      await expect(shared.acquire()).rejects.toMatchObject({
        name: "AltegioRateLimiterUnavailableError",
        message: expect.stringContaining("did not answer within 300 ms"),
      });
      expect(performance.now() - started).toBeLessThan(1_000);
    } finally {
      redis.resume();
    }
    await shared.acquire();
  });

  it("an answer that arrived while this process was stalled past commandTimeoutMs still counts", async (ctx) => {
    const redis = needRedis(ctx);
    const shared = limiter(connect(redis), { commandTimeoutMs: 200 });
    await shared.acquire(); // connected, script loaded
    const granted = shared.acquire();
    await new Promise((resolve) => setImmediate(resolve)); // the command is on the wire
    // A busy CPU: no event-loop turn for 3x the command timeout, while Redis answers at once.
    const until = performance.now() + 600;
    while (performance.now() < until) {
      // spin
    }
    await expect(granted).resolves.toBeUndefined();
  });

  it("Redis restarted mid-run (state and script cache lost): callers fail fast during the outage, then grants resume within the windows", {
    timeout: 30_000,
  }, async (ctx) => {
    const redis = needRedis(ctx);
    const conn = connect(redis);
    const key = freshKey();
    const windows = [{ limit: 4, intervalMs: 200 }];
    const shared = limiter(conn, { key, windows, commandTimeoutMs: 300 });
    const outcomes: { at: number; ok: boolean; ms: number }[] = [];
    let running = true;
    const loop = (async () => {
      while (running) {
        const at = performance.now();
        const ok = await shared.acquire().then(
          () => true,
          (e: unknown) => {
            if (!(e instanceof AltegioRateLimiterUnavailableError)) throw e;
            return false;
          },
        );
        outcomes.push({ at, ok, ms: performance.now() - at });
        if (!ok) await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await redis.restart();
    const restartedAt = performance.now();
    // ioredis reconnects; the first call after it meets NOSCRIPT and loads the script again.
    while (!outcomes.some((o) => o.ok && o.at > restartedAt)) {
      if (performance.now() - restartedAt > 10_000) throw new Error("no grant after the restart");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    running = false;
    await loop;
    expect(outcomes.filter((o) => o.ok && o.at < restartedAt).length).toBeGreaterThanOrEqual(8);
    // No call ever waited longer than a window plus the command timeout (plus slack for load).
    expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(200 + 300 + 700);
    const after = outcomes.filter((o) => o.ok && o.at > restartedAt).map((o) => o.at + o.ms);
    expect(after.length).toBeGreaterThanOrEqual(4);
    expect(maxInWindow(after, 200 * 0.75)).toBeLessThanOrEqual(4);
    expect(await conn.zcard(key)).toBeGreaterThan(0);
  });
});

describe("the entries' module graphs", () => {
  it("altegio-b2b (the root entry) reaches no Redis code; the Redis entry itself imports no Redis client", async () => {
    const inputs = async (entry: string) => {
      const result = await build({
        entryPoints: [entry],
        bundle: true,
        write: false,
        metafile: true,
        platform: "node",
        format: "esm",
        logLevel: "silent",
      });
      return Object.keys(result.metafile.inputs);
    };
    const root = await inputs("src/index.ts");
    expect(root).toContain("src/rate-limiter.ts");
    expect(root.filter((f) => /redis/i.test(f))).toEqual([]);
    const entry = await inputs("src/redis-rate-limit/index.ts");
    expect(entry).toContain("src/redis-rate-limit/sliding-window-script.ts");
    expect(entry.filter((f) => f.includes("node_modules"))).toEqual([]);
  });
});
