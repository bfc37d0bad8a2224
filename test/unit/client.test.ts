import { afterEach, describe, expect, it } from "vitest";
import { AltegioNotFoundError, type FetchLike } from "../../src/index.js";
import { json, type LocalServer, ok, startServer } from "./support/local-server.js";
import { testClient } from "./support/test-client.js";

let server: LocalServer | undefined;
afterEach(() => server?.close());

describe("createAltegioClient", () => {
  it("uses the fetch option for every attempt (a wrapper around the real fetch)", async () => {
    server = await startServer((_req, res, i) => (i === 0 ? json(res, 503, {}) : json(res, 200, ok(1))));
    const seen: string[] = [];
    const fetch: FetchLike = (request, init) => {
      seen.push(`${request.method} ${new URL(request.url).pathname}`);
      return globalThis.fetch(request, init);
    };
    await testClient(server, { fetch }).GET("/companies");
    expect(seen).toEqual(["GET /api/v1/companies", "GET /api/v1/companies"]);
    expect(server.requests).toHaveLength(2);
  });

  it("resolves a 204 No Content with no data", async () => {
    server = await startServer((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const result = await testClient(server).DELETE("/company/{location_id}", {
      params: { path: { location_id: 1 } },
    });
    expect(result.data).toBeUndefined();
    expect(result.response.status).toBe(204);
  });

  it("client.request() throws like the method shortcuts", async () => {
    server = await startServer((_req, res) =>
      json(res, 404, { success: false, meta: { message: "Not found" } }),
    );
    const error = await testClient(server)
      .request("get", "/company/{location_id}", { params: { path: { location_id: 9 } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltegioNotFoundError);
    expect((error as AltegioNotFoundError).method).toBe("GET");
    expect((error as AltegioNotFoundError).pathTemplate).toBe("/company/{location_id}");
  });

  it("serialises path and query parameters as openapi-fetch does", async () => {
    server = await startServer((_req, res) => json(res, 200, ok([])));
    await testClient(server).GET("/records/{location_id}", {
      params: { path: { location_id: 37532 }, query: { page: 2, count: 50, client_id: 572 } },
    });
    expect(server.requests[0]?.url).toBe("/api/v1/records/37532?page=2&count=50&client_id=572");
  });
});
