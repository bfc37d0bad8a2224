import { afterEach, describe, expect, it } from "vitest";
import { AltegioConfigError, AltegioInternalServerError, paginate } from "../../src/index.js";
import { json, type LocalServer, startServer } from "./support/local-server.js";
import { testClient } from "./support/test-client.js";

let server: LocalServer | undefined;
afterEach(() => server?.close());

/** A list of `total` items served by page; `meta` builds the page's meta. */
async function listServer(
  total: number,
  sizeParam: "count" | "page_size",
  meta: (info: { page: number; size: number; items: number[] }) => unknown = () => [],
) {
  server = await startServer((req, res) => {
    const url = new URL(req.url, "http://x");
    const fromBody = req.body ? (JSON.parse(req.body) as Record<string, number>) : {};
    const page = Number(url.searchParams.get("page") ?? fromBody.page);
    const size = Number(url.searchParams.get(sizeParam) ?? fromBody[sizeParam]);
    const items = Array.from({ length: total }, (_, i) => i + 1).slice((page - 1) * size, page * size);
    json(res, 200, { success: true, data: items.map((id) => ({ id })), meta: meta({ page, size, items }) });
  });
  return server;
}

describe("paginate", () => {
  it("page + count: walks pages until a short page", async () => {
    const s = await listServer(7, "count");
    const client = testClient(s);
    const ids: number[] = [];
    for await (const item of paginate(
      (page) => client.GET("/records/{location_id}", { params: { path: { location_id: 1 }, query: page } }),
      { pageSize: 3 },
    )) {
      ids.push(item.id as number);
    }
    expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(s.requests.map((r) => r.url)).toEqual([
      "/api/v1/records/1?page=1&count=3",
      "/api/v1/records/1?page=2&count=3",
      "/api/v1/records/1?page=3&count=3",
    ]);
  });

  it("page + count: stops on an empty page when the total is a multiple of the size", async () => {
    const s = await listServer(6, "count");
    const client = testClient(s);
    const ids: unknown[] = [];
    for await (const item of paginate(
      (page) => client.GET("/records/{location_id}", { params: { path: { location_id: 1 }, query: page } }),
      { pageSize: 3 },
    ))
      ids.push(item);
    expect(ids).toHaveLength(6);
    expect(s.requests).toHaveLength(3);
  });

  it("page + page_size in a POST body, stopping at meta.total_count without an extra request", async () => {
    const s = await listServer(6, "page_size", () => ({ total_count: 6 }));
    const client = testClient(s);
    const ids: unknown[] = [];
    for await (const item of paginate(
      (page) =>
        client.POST("/company/{location_id}/clients/search", {
          params: { path: { location_id: 1 } },
          body: page,
        }),
      { sizeParam: "page_size", pageSize: 3 },
    ))
      ids.push(item);
    expect(ids).toHaveLength(6);
    expect(s.requests.map((r) => JSON.parse(r.body))).toEqual([
      { page: 1, page_size: 3 },
      { page: 2, page_size: 3 },
    ]);
  });

  it("from/to in meta: stops when meta.to reaches the total", async () => {
    const s = await listServer(6, "count", ({ items }) => ({
      from: items[0] ?? 0,
      to: items[items.length - 1] ?? 0,
      total_count: 6,
    }));
    const client = testClient(s);
    const got: unknown[] = [];
    for await (const item of paginate(
      (page) => client.GET("/records/{location_id}", { params: { path: { location_id: 1 }, query: page } }),
      { pageSize: 2 },
    ))
      got.push(item);
    expect(got).toHaveLength(6);
    expect(s.requests).toHaveLength(3);
  });

  it("fetches lazily: one page in memory, the next only when the consumer asks", async () => {
    const s = await listServer(10, "count");
    const client = testClient(s);
    const iterator = paginate(
      (page) => client.GET("/records/{location_id}", { params: { path: { location_id: 1 }, query: page } }),
      { pageSize: 2 },
    );
    await iterator.next();
    await iterator.next();
    expect(s.requests).toHaveLength(1);
    await iterator.next();
    expect(s.requests).toHaveLength(2);
    await iterator.return();
    expect(s.requests).toHaveLength(2);
  });

  it("maxPages bounds an API that never sends a short page", async () => {
    server = await startServer((_req, res) => json(res, 200, { success: true, data: [{ id: 1 }], meta: [] }));
    const client = testClient(server);
    let n = 0;
    for await (const _ of paginate(
      (page) => client.GET("/records/{location_id}", { params: { path: { location_id: 1 }, query: page } }),
      { pageSize: 1, maxPages: 4 },
    ))
      n++;
    expect(n).toBe(4);
  });

  it("propagates a page's error", async () => {
    server = await startServer((_req, res) => json(res, 500, { success: false, meta: { message: "down" } }));
    const client = testClient(server);
    const walk = async () => {
      for await (const _ of paginate((page) =>
        client.GET("/records/{location_id}", { params: { path: { location_id: 1 }, query: page } }),
      )) {
        // nothing
      }
    };
    await expect(walk()).rejects.toBeInstanceOf(AltegioInternalServerError);
  });

  it("rejects a bad pageSize", async () => {
    const walk = paginate(async () => ({ data: { data: [] } }), { pageSize: 0 });
    await expect(walk.next()).rejects.toBeInstanceOf(AltegioConfigError);
  });
});
