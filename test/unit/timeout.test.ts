import { afterEach, describe, expect, it } from "vitest";
import { AltegioTimeoutError, isAltegioTimeoutError } from "../../src/index.js";
import { json, type LocalServer, ok, startServer } from "./support/local-server.js";
import { testClient } from "./support/test-client.js";

let server: LocalServer | undefined;
afterEach(() => server?.close());

const get = (client: ReturnType<typeof testClient>, init: Record<string, unknown> = {}) =>
  client.GET("/company/{location_id}", { params: { path: { location_id: 1 } }, ...init });

/** First request: never answers; later ones answer at once. */
async function stallFirst() {
  server = await startServer((_req, res, i) => {
    if (i > 0) json(res, 200, ok(i));
  });
  return server;
}

describe("timeouts", () => {
  it("throws AltegioTimeoutError with the abort reason as cause", async () => {
    const s = await stallFirst();
    const error = await get(testClient(s, { timeoutMs: 100, retry: false })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltegioTimeoutError);
    expect(isAltegioTimeoutError(error)).toBe(true);
    expect((error as AltegioTimeoutError).timeoutMs).toBe(100);
    expect((error as AltegioTimeoutError).cause).toBeDefined();
    expect((error as Error).message).toBe("Request timed out after 100 ms: GET /company/{location_id}");
    expect((error as AltegioTimeoutError).url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/company\/1$/);
  });

  it("gives each request a fresh signal: a timeout does not poison later requests (openapi-fetch #2567)", async () => {
    const s = await stallFirst();
    const client = testClient(s, { timeoutMs: 100, retry: false });
    await expect(get(client)).rejects.toBeInstanceOf(AltegioTimeoutError);
    const { data } = await get(client);
    expect(data).toEqual(ok(1));
  });

  it("per call timeoutMs overrides the client's", async () => {
    const s = await stallFirst();
    const client = testClient(s, { timeoutMs: 60_000, retry: false });
    const error = await get(client, { timeoutMs: 50 }).catch((e: unknown) => e);
    expect((error as AltegioTimeoutError).timeoutMs).toBe(50);
  });

  it("a timeout while the body streams is an AltegioTimeoutError too", async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"success":true,"data":[');
    });
    const error = await get(testClient(server, { timeoutMs: 150, retry: false })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltegioTimeoutError);
  });

  it("the caller's own signal aborts the call with its reason, not a timeout", async () => {
    const s = await stallFirst();
    const controller = new AbortController();
    const call = get(testClient(s, { timeoutMs: 60_000 }), { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user cancelled")), 50);
    const error = await call.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(AltegioTimeoutError);
    expect((error as Error).message).toBe("user cancelled");
  });

  it("the caller's signal also cancels a retry wait", async () => {
    server = await startServer((_req, res) => json(res, 503, {}, { "retry-after": "30" }));
    const controller = new AbortController();
    const call = get(testClient(server), { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("stop waiting")), 100);
    await expect(call).rejects.toThrow("stop waiting");
    expect(server.requests).toHaveLength(1);
  });

  it("timeoutMs: false means no timeout", async () => {
    server = await startServer((_req, res) => {
      setTimeout(() => json(res, 200, ok("late")), 200);
    });
    const { data } = await get(testClient(server, { timeoutMs: false }));
    expect(data).toEqual(ok("late"));
  });
});
