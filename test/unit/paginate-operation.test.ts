// paginate(client, path, init) against a real local HTTP server: paging read from
// generated/paging.ts, concurrent pages in order, bounded by the limiter, each done signal.
import { afterEach, describe, expect, it } from "vitest";
import {
  AltegioConfigError,
  AltegioInternalServerError,
  createRateLimiter,
  paginate,
} from "../../src/index.js";
import { json, type LocalServer, type RecordedRequest, startServer } from "./support/local-server.js";
import { testClient } from "./support/test-client.js";

let server: LocalServer | undefined;
afterEach(() => server?.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface ListOptions {
  total: number;
  sizeParam?: string;
  /** meta of one page */
  meta?: (info: { page: number; size: number; items: number[] }) => unknown;
  /** Delay before answering page `page`. */
  delayMs?: (page: number) => number;
}

/** Where a request put page and size: its query, else its JSON body. */
function pageOf(req: RecordedRequest, sizeParam: string): { page: number; size: number } {
  const url = new URL(req.url, "http://x");
  const body = req.body ? (JSON.parse(req.body) as Record<string, number>) : {};
  return {
    page: Number(url.searchParams.get("page") ?? body.page),
    size: Number(url.searchParams.get(sizeParam) ?? body[sizeParam]),
  };
}

/** A list of `total` items (ids 1..total) served by page, recording the requests in flight. */
async function listServer(options: ListOptions) {
  const {
    total,
    sizeParam = "count",
    meta = ({ page }) => ({ page, total_count: total }),
    delayMs,
  } = options;
  const stats = { inFlight: 0, maxInFlight: 0 };
  server = await startServer(async (req, res) => {
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    const { page, size } = pageOf(req, sizeParam);
    await sleep(delayMs?.(page) ?? 0);
    const items = Array.from({ length: total }, (_, i) => i + 1).slice((page - 1) * size, page * size);
    stats.inFlight--;
    json(res, 200, { success: true, data: items.map((id) => ({ id })), meta: meta({ page, size, items }) });
  });
  return { server, stats };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

const ids = (items: unknown[]) => items.map((item) => (item as { id: number }).id);
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const records = { params: { path: { location_id: 1 } } } as const;

describe("paginate(client, path, init)", () => {
  it("asks GET /records/{location_id} for its largest page (1,000, from openapi.yaml)", async () => {
    const { server } = await listServer({ total: 3 });
    expect(ids(await collect(paginate(testClient(server), "/records/{location_id}", records)))).toEqual([
      1, 2, 3,
    ]);
    expect(server.requests.map((r) => r.url)).toEqual(["/api/v1/records/1?page=1&count=1000"]);
  });

  it("with a total, fetches the remaining pages concurrently and yields them in order", async () => {
    // Later pages answer first: the order must come from the walk, not from arrival.
    const { server, stats } = await listServer({
      total: 23,
      delayMs: (page) => (page === 1 ? 0 : 200 - page * 30),
    });
    const walk = paginate(testClient(server), "/records/{location_id}", { ...records, pageSize: 5 });
    expect(ids(await collect(walk))).toEqual(range(23));
    expect(server.requests).toHaveLength(5); // ceil(23 / 5): no request past the end
    expect(pageOf(server.requests[0] as RecordedRequest, "count").page).toBe(1);
    expect(stats.maxInFlight).toBeGreaterThan(1);
  });

  it("pages(): one answer body per page, in order", async () => {
    const { server } = await listServer({ total: 7 });
    const pages = await collect(
      paginate(testClient(server), "/records/{location_id}", { ...records, pageSize: 3 }).pages(),
    );
    expect(pages.map((p) => [p.meta, ids(p.data as unknown[])])).toEqual([
      [{ page: 1, total_count: 7 }, [1, 2, 3]],
      [{ page: 2, total_count: 7 }, [4, 5, 6]],
      [{ page: 3, total_count: 7 }, [7]],
    ]);
  });

  it("starts no more pages at once than the client's limiter grants at once", async () => {
    // The limiter lets 2 start per 100 ms; answers take 400 ms, so a walk that ignored the
    // burst would have ~8 requests in flight.
    const { server, stats } = await listServer({ total: 30, delayMs: (page) => (page === 1 ? 0 : 400) });
    const client = testClient(server, {
      rateLimit: { windows: [{ limit: 2, intervalMs: 100 }], marginMs: 0 },
    });
    expect(
      ids(await collect(paginate(client, "/records/{location_id}", { ...records, pageSize: 5 }))),
    ).toEqual(range(30));
    expect(stats.maxInFlight).toBe(2);
  });

  it("every page waits for a limiter grant, even with a concurrency above the limiter's", async () => {
    const { server } = await listServer({ total: 40, delayMs: () => 50 });
    // A 100 ms margin: grants are timed in .then callbacks, which a loaded machine can run late
    // and bunch together; the check below still uses the bare 300 ms window.
    const limiter = createRateLimiter({ windows: [{ limit: 3, intervalMs: 300 }], marginMs: 100 });
    const grants: number[] = [];
    const client = testClient(server, {
      rateLimit: {
        acquire: (signal) => limiter.acquire(signal).then(() => void grants.push(performance.now())),
      },
    });
    await collect(paginate(client, "/records/{location_id}", { ...records, pageSize: 5, concurrency: 8 }));
    expect(server.requests).toHaveLength(8);
    expect(grants).toHaveLength(8);
    for (const at of grants)
      expect(grants.filter((t) => t >= at && t < at + 299).length).toBeLessThanOrEqual(3);
  });

  it("an early break stops the fetching", async () => {
    const { server } = await listServer({ total: 200, delayMs: (page) => (page === 1 ? 0 : 30) });
    const client = testClient(server);
    let seen = 0;
    for await (const _ of paginate(client, "/records/{location_id}", {
      ...records,
      pageSize: 10,
      concurrency: 3,
    })) {
      if (++seen === 15) break;
    }
    const atBreak = server.requests.length;
    await sleep(200);
    expect(server.requests.length).toBe(atBreak);
    expect(atBreak).toBeLessThanOrEqual(1 + 3 + 1); // the first page, one window, one refill
  });

  it("short page: no total, one page after another, done at the short page", async () => {
    const { server, stats } = await listServer({ total: 7, meta: () => [], delayMs: () => 20 });
    const items = await collect(
      paginate(testClient(server), "/comments/{location_id}", { ...records, pageSize: 3 }),
    );
    expect(ids(items)).toEqual(range(7));
    expect(server.requests.map((r) => pageOf(r, "count").page)).toEqual([1, 2, 3]);
    expect(stats.maxInFlight).toBe(1);
  });

  it("short page: an empty page ends a list whose length is a multiple of the size", async () => {
    const { server } = await listServer({ total: 6, meta: () => [] });
    expect(
      await collect(paginate(testClient(server), "/comments/{location_id}", { ...records, pageSize: 3 })),
    ).toHaveLength(6);
    expect(server.requests).toHaveLength(3);
  });

  it("from/to in meta: done when meta.to reaches the total, without an empty page", async () => {
    const { server } = await listServer({
      total: 6,
      meta: ({ items }) => ({ from: items[0], to: items.at(-1), total: 6 }),
    });
    expect(await collect(paginate(testClient(server), "/companies", { pageSize: 3 }))).toHaveLength(6);
    expect(server.requests).toHaveLength(2);
  });

  it("page and page_size in the POST body of the clients search, next to the caller's fields", async () => {
    const { server } = await listServer({ total: 450, sizeParam: "page_size" });
    const walk = paginate(testClient(server), "/company/{location_id}/clients/search", {
      params: { path: { location_id: 1 } },
      body: { fields: ["id", "name"] },
    });
    expect(await collect(walk)).toHaveLength(450);
    expect(server.requests.map((r) => JSON.parse(r.body))).toEqual([
      { fields: ["id", "name"], page: 1, page_size: 200 },
      { fields: ["id", "name"], page: 2, page_size: 200 },
      { fields: ["id", "name"], page: 3, page_size: 200 },
    ]);
  });

  it("cursor: the next body takes meta.dateCursor.next's from/to, done when it is empty", async () => {
    const windows = [
      { from: "2026-01-01", to: "2026-03-01" },
      { from: "2025-11-01", to: "2025-12-31" },
      { from: null, to: null },
    ];
    server = await startServer((req, res) => {
      const body = JSON.parse(req.body) as { from: string };
      const k = windows.findIndex((w) => w.from === body.from);
      json(res, 200, {
        success: true,
        data: { records: [{ id: k }], goods_transactions: [] },
        meta: { dateCursor: { next: { ...windows[k + 1], count: windows[k + 1]?.from ? 1 : 0 } } },
      });
    });
    const visits = paginate(testClient(server), "/company/{location_id}/clients/visits/search", {
      params: { path: { location_id: 1 } },
      body: { client_id: 5, client_phone: null, payment_statuses: [], attendance: null, ...windows[0] },
    });
    const pages = await collect(visits);
    expect(pages.map((p) => (p as { records: { id: number }[] }).records[0]?.id)).toEqual([0, 1]);
    expect(server.requests.map((r) => JSON.parse(r.body).from)).toEqual(["2026-01-01", "2025-11-01"]);
    expect(JSON.parse(server.requests[1]?.body ?? "{}")).toMatchObject({ client_id: 5, to: "2025-12-31" });
  });

  it("a failing page surfaces after the pages before it", async () => {
    server = await startServer((req, res) => {
      const { page, size } = pageOf(req, "count");
      if (page === 3) return json(res, 500, { success: false, data: null, meta: { message: "down" } });
      json(res, 200, {
        success: true,
        data: range(size).map((i) => ({ id: (page - 1) * size + i })),
        meta: { total_count: 20 },
      });
    });
    const seen: number[] = [];
    const walk = async () => {
      for await (const item of paginate(
        testClient(server as LocalServer, { retry: false }),
        "/records/{location_id}",
        {
          ...records,
          pageSize: 5,
        },
      ))
        seen.push((item as { id: number }).id);
    };
    await expect(walk()).rejects.toBeInstanceOf(AltegioInternalServerError);
    expect(seen).toEqual(range(10));
  });

  describe("bad input, refused before any request", () => {
    it("a path with no paging", async () => {
      server = await startServer((_req, res) => json(res, 200, { success: true, data: [], meta: [] }));
      const client = testClient(server);
      // @ts-expect-error GET /company/{location_id} does not page
      expect(() => paginate(client, "/company/{location_id}", records)).toThrow(AltegioConfigError);
      // @ts-expect-error not a path of openapi.yaml
      expect(() => paginate(client, "/nope")).toThrow(/path: \/nope has no paging in openapi\.yaml/);
      expect(server.requests).toHaveLength(0);
    });

    it("a page size above the operation's maximum", async () => {
      server = await startServer((_req, res) => json(res, 200, { success: true, data: [], meta: [] }));
      const client = testClient(server);
      const tooBig = () =>
        paginate(client, "/company/{location_id}/clients/search", {
          params: { path: { location_id: 1 } },
          body: {},
          pageSize: 201,
        });
      expect(tooBig).toThrow(AltegioConfigError);
      expect(tooBig).toThrow("pageSize: must be at most 200 for POST /company/{location_id}/clients/search");
      expect(() => paginate(client, "/records/{location_id}", { ...records, pageSize: 1001 })).toThrow(
        /at most 1000/,
      );
      expect(() => paginate(client, "/companies", { pageSize: 0 })).toThrow(
        /pageSize: must be an integer >= 1/,
      );
      expect(() => paginate(client, "/companies", { concurrency: 1.5 })).toThrow(/concurrency/);
      expect(server.requests).toHaveLength(0);
    });
  });
});
