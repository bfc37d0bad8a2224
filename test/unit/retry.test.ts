import { afterEach, describe, expect, it } from "vitest";
import { parseRetryAfter } from "../../src/fetch/parse-retry-after.js";
import {
  AltegioInternalServerError,
  AltegioNetworkError,
  AltegioRateLimitError,
  DEFAULT_RETRY,
  type RetryInfo,
} from "../../src/index.js";
import { json, type LocalServer, ok, startServer } from "./support/local-server.js";
import { testClient } from "./support/test-client.js";

let server: LocalServer | undefined;
afterEach(() => server?.close());

/** Fails the first `failures` requests with `status` (and headers), then answers 200. */
async function flaky(failures: number, status: number, headers: Record<string, string> = {}) {
  server = await startServer((_req, res, i) =>
    i < failures
      ? json(res, status, { success: false, data: null, meta: { message: "busy" } }, headers)
      : json(res, 200, ok({ id: 1 })),
  );
  return server;
}
const getCompany = (client: ReturnType<typeof testClient>) =>
  client.GET("/company/{location_id}", { params: { path: { location_id: 1 } } });

describe("retries", () => {
  it.each([429, 502, 503, 504])("retries a GET on %i and succeeds", async (status) => {
    const s = await flaky(2, status);
    const { data } = await getCompany(testClient(s));
    expect(data).toEqual(ok({ id: 1 }));
    expect(s.requests).toHaveLength(3);
  });

  it("retries PUT and DELETE (idempotent) but not POST by default", async () => {
    const s = await flaky(100, 503);
    const client = testClient(s, { retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    await expect(
      client.PUT("/company/{location_id}", { params: { path: { location_id: 1 } }, body: {} as never }),
    ).rejects.toBeInstanceOf(AltegioInternalServerError);
    expect(s.requests.filter((r) => r.method === "PUT")).toHaveLength(3);
    await expect(
      client.DELETE("/company/{location_id}", { params: { path: { location_id: 1 } } }),
    ).rejects.toThrow();
    expect(s.requests.filter((r) => r.method === "DELETE")).toHaveLength(3);
    await expect(client.POST("/auth", { body: { login: "a", password: "b" } })).rejects.toBeInstanceOf(
      AltegioInternalServerError,
    );
    expect(s.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("does not retry a POST on 429 either (an SMS campaign must not go out twice)", async () => {
    const s = await flaky(1, 429, { "retry-after": "0" });
    const client = testClient(s);
    await expect(client.POST("/auth", { body: { login: "a", password: "b" } })).rejects.toBeInstanceOf(
      AltegioRateLimitError,
    );
    expect(s.requests).toHaveLength(1);
  });

  it("retries a POST when the caller opts in for that call, resending the same body", async () => {
    const s = await flaky(1, 503);
    const client = testClient(s);
    const { data } = await client.POST("/auth", {
      body: { login: "a", password: "b" },
      retry: { methods: ["POST"] },
    });
    expect(data).toEqual(ok({ id: 1 }));
    expect(s.requests.map((r) => r.body)).toEqual([
      '{"login":"a","password":"b"}',
      '{"login":"a","password":"b"}',
    ]);
  });

  it("retry: false on one call disables retries for it", async () => {
    const s = await flaky(1, 503);
    const client = testClient(s);
    await expect(
      client.GET("/company/{location_id}", { params: { path: { location_id: 1 } }, retry: false }),
    ).rejects.toBeInstanceOf(AltegioInternalServerError);
    expect(s.requests).toHaveLength(1);
  });

  it("gives up after `retries` retries and throws the last status error", async () => {
    const s = await flaky(100, 503);
    const client = testClient(s, { retry: { retries: 2, baseDelayMs: 1 } });
    await expect(getCompany(client)).rejects.toBeInstanceOf(AltegioInternalServerError);
    expect(s.requests).toHaveLength(3);
  });

  it("does not retry 400/401/403/404/422/500", async () => {
    for (const status of [400, 401, 403, 404, 422, 500]) {
      const s = await flaky(1, status);
      await expect(getCompany(testClient(s))).rejects.toThrow();
      expect(s.requests).toHaveLength(1);
      await s.close();
    }
    server = undefined;
  });

  it("honours Retry-After in seconds (waits at least that long)", async () => {
    const s = await flaky(1, 429, { "retry-after": "1" });
    const seen: RetryInfo[] = [];
    await getCompany(testClient(s, { retry: { onRetry: (info) => seen.push(info) } }));
    expect(s.requests).toHaveLength(2);
    expect(seen).toEqual([{ retry: 1, delayMs: 1000, method: "GET", reason: 429 }]);
    // Lower bound only: a loaded machine may be slower, never faster.
    expect((s.requests[1]?.at ?? 0) - (s.requests[0]?.at ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it("honours Retry-After as an HTTP date", async () => {
    const s = await flaky(1, 503, { "retry-after": new Date(Date.now() + 3000).toUTCString() });
    const seen: RetryInfo[] = [];
    await getCompany(testClient(s, { retry: { onRetry: (info) => seen.push(info) } }));
    expect(s.requests).toHaveLength(2);
    // HTTP dates have 1 s resolution: the wait is up to 3 s, and well above the 5 ms backoff.
    expect(seen[0]?.delayMs).toBeGreaterThan(1000);
    expect(seen[0]?.delayMs).toBeLessThanOrEqual(3000);
  });

  it("does not retry when Retry-After would exceed maxElapsedMs", async () => {
    const s = await flaky(1, 429, { "retry-after": "120" });
    await expect(getCompany(testClient(s, { retry: { maxElapsedMs: 1000 } }))).rejects.toBeInstanceOf(
      AltegioRateLimitError,
    );
    expect(s.requests).toHaveLength(1);
  });

  it("backs off exponentially with jitter, capped by maxDelayMs", async () => {
    const s = await flaky(3, 503);
    const seen: RetryInfo[] = [];
    await getCompany(
      testClient(s, {
        retry: { retries: 3, baseDelayMs: 40, maxDelayMs: 100, onRetry: (i) => seen.push(i) },
      }),
    );
    const delays = seen.map((i) => i.delayMs);
    expect(delays).toHaveLength(3);
    // retry n waits between half and all of min(maxDelayMs, baseDelayMs * 2^(n-1)).
    expect(delays[0]).toBeGreaterThanOrEqual(20);
    expect(delays[0]).toBeLessThanOrEqual(40);
    expect(delays[1]).toBeGreaterThanOrEqual(40);
    expect(delays[1]).toBeLessThanOrEqual(80);
    expect(delays[2]).toBeGreaterThanOrEqual(50);
    expect(delays[2]).toBeLessThanOrEqual(100);
  });

  it("retries a GET after a connection reset", async () => {
    server = await startServer((req, res, i) => {
      if (i === 0) {
        res.socket?.destroy();
        return;
      }
      json(res, 200, ok({ id: 2 }));
      void req;
    });
    const { data } = await getCompany(testClient(server));
    expect(data).toEqual(ok({ id: 2 }));
    expect(server.requests).toHaveLength(2);
  });

  it("does not retry a POST after a connection reset, and throws AltegioNetworkError", async () => {
    server = await startServer((_req, res) => {
      res.socket?.destroy();
    });
    const error = await testClient(server)
      .POST("/auth", { body: { login: "a", password: "b" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltegioNetworkError);
    expect(server.requests).toHaveLength(1);
  });

  it("defaults retry GET, PUT, DELETE, HEAD on 429/502/503/504", () => {
    expect(DEFAULT_RETRY.methods).toEqual(["GET", "PUT", "DELETE", "HEAD"]);
    expect(DEFAULT_RETRY.statusCodes).toEqual([429, 502, 503, 504]);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds, HTTP dates, and rejects garbage", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter("0")).toBe(0);
    expect(
      parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Date.parse("Wed, 21 Oct 2015 07:27:58 GMT")),
    ).toBe(2000);
    expect(
      parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Date.parse("Wed, 21 Oct 2015 07:29:00 GMT")),
    ).toBe(0);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
