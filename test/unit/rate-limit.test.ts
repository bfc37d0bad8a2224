import { afterEach, describe, expect, it } from "vitest";
import {
  ALTEGIO_RATE_LIMIT,
  createRateLimiter,
  type RateLimiter,
  type RateLimitWindow,
} from "../../src/index.js";
import { json, type LocalServer, ok, startServer } from "./support/local-server.js";
import { maxInWindow } from "./support/max-in-window.js";
import { testClient } from "./support/test-client.js";

let server: LocalServer | undefined;
afterEach(() => server?.close());

describe("rate limiter", () => {
  it("defaults to the vendor's limit: 5 per second and 200 per minute", () => {
    expect(ALTEGIO_RATE_LIMIT.windows).toEqual([
      { limit: 5, intervalMs: 1000 },
      { limit: 200, intervalMs: 60_000 },
    ]);
  });

  it("never grants more than each window allows (grant times taken by the limiter itself)", async () => {
    const windows: RateLimitWindow[] = [
      { limit: 3, intervalMs: 100 },
      { limit: 7, intervalMs: 400 },
    ];
    // Grant times are read in .then callbacks, which a loaded machine can run late and bunch;
    // a 40 ms margin absorbs that while the check still uses the bare windows.
    const limiter = createRateLimiter({ windows, marginMs: 40 });
    const grants: number[] = [];
    await Promise.all(
      Array.from({ length: 15 }, () => limiter.acquire().then(() => grants.push(performance.now()))),
    );
    expect(grants).toHaveLength(15);
    for (const w of windows) expect(maxInWindow(grants, w.intervalMs)).toBeLessThanOrEqual(w.limit);
  });

  it("on the wire, a server enforcing the same windows sees no excess and sends no 429", async () => {
    const windows: RateLimitWindow[] = [
      { limit: 2, intervalMs: 150 },
      { limit: 5, intervalMs: 600 },
    ];
    const arrivals: number[] = [];
    let tooMany = 0;
    server = await startServer((req, res) => {
      const recent = (ms: number) => arrivals.filter((t) => req.at - t < ms).length;
      if (windows.some((w) => recent(w.intervalMs) >= w.limit)) {
        tooMany++;
        json(res, 429, { success: false, data: null, meta: { message: "Too many requests" } });
      } else json(res, 200, ok(1));
      arrivals.push(req.at);
    });
    // The margin absorbs arrival jitter between sockets (the server counts arrivals).
    const client = testClient(server, { rateLimit: { windows, marginMs: 100 }, retry: false });
    await Promise.all(
      Array.from({ length: 12 }, () =>
        client.GET("/company/{location_id}", { params: { path: { location_id: 1 } } }),
      ),
    );
    expect(server.requests).toHaveLength(12);
    expect(tooMany).toBe(0);
  });

  it("an aborted waiter leaves the queue without taking a slot", async () => {
    const limiter = createRateLimiter({ windows: [{ limit: 1, intervalMs: 200 }], marginMs: 0 });
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
    const grants: number[] = [];
    await limiter.acquire().then(() => grants.push(1));
    expect(grants).toEqual([1]);
  });

  it("a caller's own RateLimiter (e.g. backed by a shared store) is awaited once per attempt, retries included", async () => {
    let calls = 0;
    const shared: RateLimiter = {
      acquire: async () => {
        calls++;
      },
    };
    server = await startServer((_req, res, i) => (i === 0 ? json(res, 503, {}) : json(res, 200, ok(1))));
    const client = testClient(server, { rateLimit: shared });
    await client.GET("/company/{location_id}", { params: { path: { location_id: 1 } } });
    expect(server.requests).toHaveLength(2);
    expect(calls).toBe(2);
  });

  it("clients with the default rate limit share one limiter per process (the vendor counts per IP)", async () => {
    const { defaultRateLimiter } = await import("../../src/resolve-options.js");
    expect(defaultRateLimiter()).toBe(defaultRateLimiter());
  });
});
