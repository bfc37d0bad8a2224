/**
 * Type tests of `paginate(client, path, init)`: only paths that page compile, the init is the
 * operation's own, items and pages are typed from the response schema.
 */
import { describe, expectTypeOf, it } from "vitest";
import { type AltegioClient, type PagedPath, type Paginated, paginate } from "../../src/index.js";

declare const client: AltegioClient;

describe("paginate(client, path, init)", () => {
  it("types the items of GET /records/{location_id} from its response schema", async () => {
    const records = paginate(client, "/records/{location_id}", {
      params: { path: { location_id: 1 }, query: { start_date: "2026-01-01" } },
      pageSize: 1000,
    });
    for await (const record of records) {
      expectTypeOf(record).not.toBeAny();
      expectTypeOf(record).not.toBeUnknown();
      expectTypeOf(record).toHaveProperty("id");
    }
    for await (const page of records.pages()) {
      expectTypeOf(page).toHaveProperty("meta");
      expectTypeOf(page).toHaveProperty("data");
    }
  });

  it("sends page and size in a POST body for the clients search", () => {
    const clients = paginate(client, "/company/{location_id}/clients/search", {
      params: { path: { location_id: 1 } },
      body: { fields: ["id", "name"] },
    });
    expectTypeOf(clients).toMatchTypeOf<Paginated<unknown, unknown>>();
  });

  it("makes init optional only where nothing is required", () => {
    void paginate(client, "/companies");
    // @ts-expect-error GET /records/{location_id} needs its path parameter
    void paginate(client, "/records/{location_id}");
    // @ts-expect-error location_id is a number
    void paginate(client, "/records/{location_id}", { params: { path: { location_id: "x" } } });
  });

  it("refuses a path that does not page", () => {
    // @ts-expect-error GET /company/{location_id} is one location, not a list
    void paginate(client, "/company/{location_id}", { params: { path: { location_id: 1 } } });
    // @ts-expect-error no such path
    void paginate(client, "/nope");
    expectTypeOf<"/company/{location_id}">().not.toMatchTypeOf<PagedPath>();
    expectTypeOf<"/records/{location_id}">().toMatchTypeOf<PagedPath>();
  });

  it("types the paging options", () => {
    void paginate(client, "/companies", { pageSize: 50, concurrency: 2, maxPages: 3 });
    // @ts-expect-error pageSize is a number
    void paginate(client, "/companies", { pageSize: "50" });
    // @ts-expect-error unknown option
    void paginate(client, "/companies", { pagesize: 50 });
  });

  it("keeps the callback form", async () => {
    const items = paginate(
      (page) => client.GET("/records/{location_id}", { params: { path: { location_id: 1 }, query: page } }),
      { pageSize: 50 },
    );
    expectTypeOf(items).toMatchTypeOf<AsyncGenerator<unknown, void, undefined>>();
  });
});
