import createClient from "openapi-fetch";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { operationIndex as operations } from "../../generated/operation-index.js";
import { AltegioUserTokenRequiredError, isAltegioConfigError } from "../../src/index.js";
import { createAuthMiddleware } from "../../src/middleware/auth.js";
import { json, type LocalServer, ok, startServer } from "./support/local-server.js";
import { PARTNER, testClient, USER } from "./support/test-client.js";

let server: LocalServer;
beforeEach(async () => {
  server = await startServer((_req, res) => json(res, 200, ok({ id: 1 })));
});
afterEach(() => server.close());

// Picks real operations from the generated table, so the test follows openapi.yaml.
function firstGet(security: string): string {
  const key = Object.keys(operations).find(
    (k) => k.startsWith("GET ") && operations[k]?.security === security && !k.includes("{"),
  );
  const withParam = Object.keys(operations).find(
    (k) => k.startsWith("GET ") && operations[k]?.security === security,
  );
  const found = key ?? withParam;
  if (!found) throw new Error(`no GET operation with security ${security} in generated/operations.ts`);
  return found.slice(4);
}

describe("Authorization from openapi.yaml security", () => {
  it("sends Bearer <partner> on a BearerPartner operation (GET /company/{location_id})", async () => {
    expect(operations["GET /company/{location_id}"]?.security).toBe("partner");
    const client = testClient(server);
    await client.GET("/company/{location_id}", { params: { path: { location_id: 37532 } } });
    expect(server.requests[0]?.url).toBe("/api/v1/company/37532");
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${PARTNER}`);
  });

  it("sends Bearer <partner>, User <user> on a BearerPartnerUser operation", async () => {
    const path = firstGet("partner-user");
    const client = testClient(server);
    // biome-ignore lint/suspicious/noExplicitAny: path picked at run time from the generated table
    await client.GET(path as any, { params: { path: new Proxy({}, { get: () => 1 }) } } as any);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${PARTNER}, User ${USER}`);
  });

  it("sends only Bearer <partner> on POST /auth even when a user token is set", async () => {
    expect(operations["POST /auth"]?.security).toBe("partner");
    const client = testClient(server);
    await client.POST("/auth", { body: { login: "a@b.c", password: "pw-CANARY" } });
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${PARTNER}`);
  });

  it("fails a user operation without a user token before any network I/O", async () => {
    const path = firstGet("partner-user");
    const client = testClient(server, { userToken: undefined });
    // biome-ignore lint/suspicious/noExplicitAny: path picked at run time from the generated table
    const call = client.GET(path as any, { params: { path: new Proxy({}, { get: () => 1 }) } } as any);
    await expect(call).rejects.toBeInstanceOf(AltegioUserTokenRequiredError);
    await call.catch((error: unknown) => {
      expect(isAltegioConfigError(error)).toBe(true);
      expect((error as Error).message).toMatch(/needs a user token.*login\(\)/);
      expect((error as Error).message).not.toContain(PARTNER);
    });
    expect(server.requests).toHaveLength(0);
  });

  it("the client's lookup matches the full generated index for every operation", async () => {
    const { operationSecurity } = await import("../../src/operation-security.js");
    const keys = Object.keys(operations);
    expect(keys.length).toBeGreaterThan(200);
    for (const key of keys) expect([key, operationSecurity(key)]).toEqual([key, operations[key]?.security]);
  });

  it("still calls partner-only operations without a user token", async () => {
    const client = testClient(server, { userToken: undefined });
    await client.GET("/company/{location_id}", { params: { path: { location_id: 1 } } });
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${PARTNER}`);
  });

  it("sends no Authorization on an operation whose security is none (middleware over a small lookup)", async () => {
    const client = createClient<Record<string, never>>({ baseUrl: server.baseUrl });
    client.use(
      createAuthMiddleware({ partnerToken: PARTNER, userToken: USER }, (key) =>
        key === "GET /public" ? "none" : "partner-user",
      ),
    );
    // biome-ignore lint/suspicious/noExplicitAny: an ad-hoc path outside the generated paths
    await (client as any).GET("/public");
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });
});
