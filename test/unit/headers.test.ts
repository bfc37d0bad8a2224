import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mediaType } from "../../generated/operations.js";
import { json, type LocalServer, ok, startServer } from "./support/local-server.js";
import { testClient } from "./support/test-client.js";

let server: LocalServer;
beforeEach(async () => {
  server = await startServer((_req, res) => json(res, 201, ok({ id: 1 })));
});
afterEach(() => server.close());

describe("default headers", () => {
  it("reads the Accept media type from openapi.yaml's root x-altegio-media-type", () => {
    expect(mediaType).toBe("application/vnd.api.v2+json");
  });

  it("sends Accept: application/vnd.api.v2+json on GET and POST, and JSON bodies", async () => {
    const client = testClient(server);
    await client.GET("/company/{location_id}", { params: { path: { location_id: 1 } } });
    await client.POST("/auth", { body: { login: "ann@example.com", password: "secret-pw" } });
    expect(server.requests.map((r) => r.headers.accept)).toEqual([
      "application/vnd.api.v2+json",
      "application/vnd.api.v2+json",
    ]);
    expect(server.requests[0]?.headers["content-type"]).toBeUndefined();
    expect(server.requests[1]?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(server.requests[1]?.body ?? "")).toEqual({
      login: "ann@example.com",
      password: "secret-pw",
    });
  });

  it("returns the parsed body as data", async () => {
    const client = testClient(server);
    const { data } = await client.GET("/company/{location_id}", { params: { path: { location_id: 1 } } });
    expect(data).toEqual({ success: true, data: { id: 1 }, meta: [] });
  });
});

describe("per-operation Accept", () => {
  it("asks for the PDF receipt's own media type, then the vendor's (its errors are JSON)", async () => {
    const client = testClient(server);
    await client.GET("/attendance/receipt_print/{visit_id}", {
      params: { path: { visit_id: 1 } },
      parseAs: "blob",
    });
    expect(server.requests[0]?.headers.accept).toBe("application/pdf, application/vnd.api.v2+json");
  });

  it("leaves an Accept the caller set on the call alone", async () => {
    const client = testClient(server);
    await client.GET("/attendance/receipt_print/{visit_id}", {
      params: { path: { visit_id: 1 } },
      headers: { Accept: "application/pdf" },
      parseAs: "blob",
    });
    expect(server.requests[0]?.headers.accept).toBe("application/pdf");
  });
});

describe("paths that repeat the /api/v1 base", () => {
  it("are sent once under the production-style base, not as /api/v1/api/v1/...", async () => {
    const client = testClient(server); // baseUrl ends in /api/v1, like production
    await client.GET(
      "/api/v1/company/{location_id}/client/{client_id}/loyalty/abonements/search_for_activity",
      { params: { path: { location_id: 1, client_id: 2 }, query: { event_id: 3 } } },
    );
    expect(server.requests[0]?.url).toMatch(
      /^\/api\/v1\/company\/1\/client\/2\/loyalty\/abonements\/search_for_activity(\?|$)/,
    );
  });

  it("leave every other path alone", async () => {
    const client = testClient(server);
    await client.GET("/company/{location_id}", { params: { path: { location_id: 1 } } });
    expect(server.requests[0]?.url).toBe("/api/v1/company/1");
  });
});
