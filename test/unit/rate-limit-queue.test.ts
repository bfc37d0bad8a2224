/**
 * The rate limiter's queue under aborts and timeouts (issue 12): a call queued behind another
 * waiting call used to ignore its AbortSignal until its turn (an abort at 100 ms settled at
 * ~800 ms), and `timeoutMs` did not cover queue time, so a call could wait unbounded under the
 * 200/min window. Now an abort rejects at once wherever the call is in the queue, takes no
 * slot, and `maxQueueMs` bounds the wait. The default limiter is one per process, whatever
 * number of copies of the package the process loaded.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { AltegioTimeoutError, createRateLimiter } from "../../src/index.js";
import { json, type LocalServer, ok, startServer } from "./support/local-server.js";
import { testClient } from "./support/test-client.js";

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const since = (t0: number) => performance.now() - t0;
const settledAt = (p: Promise<unknown>, t0: number) =>
  p.then(
    () => ({ ok: true, at: since(t0) }),
    (e: unknown) => ({ ok: false, at: since(t0), reason: (e as Error).message }),
  );

describe("limiter queue", () => {
  it("an abort rejects a call queued behind another waiting call at once", async () => {
    const limiter = createRateLimiter({ windows: [{ limit: 1, intervalMs: 400 }], marginMs: 0 });
    const t0 = performance.now();
    await limiter.acquire(); // takes the slot
    const second = settledAt(limiter.acquire(), t0); // waits for ~400 ms
    const controller = new AbortController();
    const third = settledAt(limiter.acquire(controller.signal), t0); // waits behind the second
    setTimeout(() => controller.abort(new Error("cancelled")), 100);
    const r3 = await third;
    expect(r3).toMatchObject({ ok: false, reason: "cancelled" });
    // At once: well before the second call's turn, let alone its own (~800 ms before).
    expect(r3.at).toBeLessThan(300);
    expect((await second).ok).toBe(true);
  });

  it("the aborted call takes no slot: the next one gets the slot it would have had", async () => {
    const limiter = createRateLimiter({ windows: [{ limit: 1, intervalMs: 300 }], marginMs: 0 });
    const t0 = performance.now();
    await limiter.acquire();
    const controller = new AbortController();
    const aborted = settledAt(limiter.acquire(controller.signal), t0);
    const next = settledAt(limiter.acquire(), t0);
    controller.abort(new Error("gone"));
    expect((await aborted).ok).toBe(false);
    const r = await next;
    expect(r.ok).toBe(true);
    // The second slot (~300 ms), not the third (~600 ms).
    expect(r.at).toBeGreaterThanOrEqual(290);
    expect(r.at).toBeLessThan(550);
  });

  it("aborting the head of the queue passes its turn on, in order", async () => {
    const limiter = createRateLimiter({ windows: [{ limit: 1, intervalMs: 200 }], marginMs: 0 });
    await limiter.acquire();
    const order: string[] = [];
    const head = new AbortController();
    const a = limiter.acquire(head.signal).then(
      () => order.push("a"),
      () => order.push("a aborted"),
    );
    const b = limiter.acquire().then(() => order.push("b"));
    const c = limiter.acquire().then(() => order.push("c"));
    head.abort(new Error("x"));
    await Promise.all([a, b, c]);
    expect(order).toEqual(["a aborted", "b", "c"]);
  });

  it("an already-aborted signal rejects without queueing", async () => {
    const limiter = createRateLimiter({ windows: [{ limit: 1, intervalMs: 10_000 }], marginMs: 0 });
    await limiter.acquire();
    const t0 = performance.now();
    await expect(limiter.acquire(AbortSignal.abort(new Error("before")))).rejects.toThrow("before");
    expect(since(t0)).toBeLessThan(50);
  });

  it("a granted or aborted waiter leaves no listener on its signal", async () => {
    const limiter = createRateLimiter({ windows: [{ limit: 1, intervalMs: 50 }], marginMs: 0 });
    const controller = new AbortController();
    let live = 0;
    const add = controller.signal.addEventListener.bind(controller.signal);
    const remove = controller.signal.removeEventListener.bind(controller.signal);
    controller.signal.addEventListener = ((...args: Parameters<typeof add>) => {
      live++;
      add(...args);
    }) as typeof add;
    controller.signal.removeEventListener = ((...args: Parameters<typeof remove>) => {
      live--;
      remove(...args);
    }) as typeof remove;
    for (let i = 0; i < 4; i++) await limiter.acquire(controller.signal);
    expect(live).toBe(0);
  });
});

describe("the client's queue time", () => {
  const get = (client: ReturnType<typeof testClient>, init: Record<string, unknown> = {}) =>
    client.GET("/company/{location_id}", { params: { path: { location_id: 1 } }, ...init });

  it("a caller's abort rejects a queued call at once and nothing is sent for it", async () => {
    server = await startServer((_req, res) => json(res, 200, ok(1)));
    const client = testClient(server, {
      rateLimit: { windows: [{ limit: 1, intervalMs: 500 }], marginMs: 0 },
    });
    const t0 = performance.now();
    await get(client);
    const second = settledAt(get(client), t0);
    const controller = new AbortController();
    const third = settledAt(get(client, { signal: controller.signal }), t0);
    setTimeout(() => controller.abort(new Error("user left")), 100);
    const r3 = await third;
    expect(r3).toMatchObject({ ok: false, reason: "user left" });
    expect(r3.at).toBeLessThan(400);
    expect((await second).ok).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it("maxQueueMs bounds the wait: AltegioTimeoutError with phase 'queue', nothing sent", async () => {
    server = await startServer((_req, res) => json(res, 200, ok(1)));
    const client = testClient(server, {
      rateLimit: { windows: [{ limit: 1, intervalMs: 5_000 }], marginMs: 0 },
      maxQueueMs: 150,
    });
    await get(client);
    const t0 = performance.now();
    const error = await get(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltegioTimeoutError);
    const e = error as AltegioTimeoutError;
    expect(e.phase).toBe("queue");
    expect(e.timeoutMs).toBe(150);
    expect(e.pathTemplate).toBe("/company/{location_id}");
    expect(e.message).toBe(
      "Request waited more than maxQueueMs (150 ms) in the rate limiter queue: GET /company/{location_id}",
    );
    expect(since(t0)).toBeLessThan(1_000);
    expect(server.requests).toHaveLength(1);
  });

  it("per call maxQueueMs overrides the client's", async () => {
    server = await startServer((_req, res) => json(res, 200, ok(1)));
    const client = testClient(server, {
      rateLimit: { windows: [{ limit: 1, intervalMs: 5_000 }], marginMs: 0 },
    });
    await get(client);
    const error = await get(client, { maxQueueMs: 50 }).catch((e: unknown) => e);
    expect((error as AltegioTimeoutError).phase).toBe("queue");
    expect((error as AltegioTimeoutError).timeoutMs).toBe(50);
  });

  it("timeoutMs is per attempt on the wire: time in the queue does not count against it", async () => {
    server = await startServer((_req, res) => json(res, 200, ok(1)));
    const client = testClient(server, {
      rateLimit: { windows: [{ limit: 1, intervalMs: 400 }], marginMs: 0 },
      timeoutMs: 150,
    });
    await get(client);
    const { data } = await get(client); // queued ~400 ms, longer than timeoutMs
    expect(data).toEqual(ok(1));
    const attempt = server.requests[0]?.at ?? 0;
    expect((server.requests[1]?.at ?? 0) - attempt).toBeGreaterThan(300);
  });

  it("an attempt's timeout is still an 'attempt' timeout", async () => {
    server = await startServer(() => undefined);
    const error = await get(testClient(server, { timeoutMs: 80, retry: false })).catch((e: unknown) => e);
    expect((error as AltegioTimeoutError).phase).toBe("attempt");
  });
});

describe("the default limiter", () => {
  it("is one per process, shared by every copy of the package (a globalThis registry)", async () => {
    const first = await import("../../src/resolve-options.js");
    const a = first.defaultRateLimiter();
    vi.resetModules();
    const second = await import("../../src/resolve-options.js");
    // A fresh module instance: what a second copy of the package is.
    expect(second).not.toBe(first);
    expect(second.defaultRateLimiter()).toBe(a);
    expect((globalThis as Record<symbol, unknown>)[Symbol.for("altegio-b2b.defaultRateLimiter")]).toBe(a);
  });

  it("clients of two copies together stay under the default 5/s", async () => {
    server = await startServer((_req, res) => json(res, 200, ok(1)));
    vi.resetModules();
    const copyA = await import("../../src/index.js");
    vi.resetModules();
    const copyB = await import("../../src/index.js");
    expect(copyB.createAltegioClient).not.toBe(copyA.createAltegioClient);
    const make = (m: typeof copyA) =>
      m.createAltegioClient({
        partnerToken: "p-token",
        userToken: "u-token",
        baseUrl: server?.baseUrl,
        env: {},
      });
    const clients = [make(copyA), make(copyB)];
    // Earlier tests may have used the shared limiter: wait out its 1 s window first.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        clients[i % 2]?.GET("/company/{location_id}", { params: { path: { location_id: 1 } } }),
      ),
    );
    // 8 requests at 5/s: the 6th cannot start before one second after the first.
    expect(since(t0)).toBeGreaterThan(950);
  });

  it("a foreign value under the registry key is not used as a limiter", async () => {
    const key = Symbol.for("altegio-b2b.defaultRateLimiter");
    const g = globalThis as Record<symbol, unknown>;
    const saved = g[key];
    g[key] = { not: "a limiter" };
    try {
      vi.resetModules();
      const fresh = await import("../../src/resolve-options.js");
      expect(typeof fresh.defaultRateLimiter().acquire).toBe("function");
    } finally {
      g[key] = saved;
    }
  });
});
