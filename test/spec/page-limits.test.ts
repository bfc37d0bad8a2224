// Page-size `maximum`/`default` read from the pages' prose (scripts/lib/spec/page-size.ts), the one
// from evidence (overlay), and the paging metadata generated from them (scripts/lib/paging-metadata.ts).
import { describe, expect, it } from "vitest";
import { paging } from "../../generated/paging.js";
import { pagingRows } from "../../scripts/lib/paging-metadata.js";
import {
  annotatePageLimits,
  isPageSizeField,
  overviewLine,
  statedLimits,
} from "../../scripts/lib/spec/page-size.js";
import { deref, type Json, loadSpec, operations } from "./support/openapi.js";

const spec = loadSpec();
const byId = new Map(operations(spec).map((entry) => [String(entry.operation.operationId), entry.operation]));
const query = (slug: string, name: string): Json => {
  const found = ((byId.get(slug)?.parameters ?? []) as Json[]).find(
    (p) => p.name === name && p.in === "query",
  );
  if (!found) throw new Error(`${slug}: no query parameter ${name}`);
  return found;
};
const schemaOf = (param: Json): Json => param.schema as Json;

describe("page-size limits from the prose", () => {
  it("reads the wordings the pages use", () => {
    expect(statedLimits("The number of output lines per page. Maximum 200. (Default 25)")).toEqual({
      maximum: 200,
      default: 25,
    });
    expect(statedLimits("Items per page (max 100)")).toEqual({ maximum: 100 });
    expect(statedLimits("Number of appointments per page, maximum 100")).toEqual({ maximum: 100 });
    expect(statedLimits("The number of products displayed on the page. Maximum 1000")).toEqual({
      maximum: 1000,
    });
    expect(statedLimits("Page size (default 25).")).toEqual({ default: 25 });
    expect(statedLimits("Items per page (default: 10, max: 100)")).toEqual({ maximum: 100, default: 10 });
    expect(statedLimits("Number of customers per page")).toEqual({});
  });

  it("only reads page and page-size fields", () => {
    expect(isPageSizeField("count", "Number of reviews per page")).toBe(true);
    expect(isPageSizeField("page_size", "Items per page (max 100)")).toBe(true);
    // A count that is not about pages, and a maximum that is not a page size.
    expect(isPageSizeField("count", "Number of seats")).toBe(false);
    expect(isPageSizeField("price_max", "Maximum price for the service")).toBe(false);
    const doc = {
      paths: {
        "/x": {
          get: {
            description: "- page_size - Items per page (default: 10, max: 100)",
            parameters: [
              {
                name: "page",
                in: "query",
                description: "Page number (default 1)",
                schema: { type: "number" },
              },
              { name: "page_size", in: "query", description: "Items per page", schema: { type: "number" } },
              { name: "duration", in: "query", description: "Maximum 3600", schema: { type: "number" } },
            ],
          },
        },
      },
      components: { schemas: {} },
    };
    const notes = annotatePageLimits(doc);
    expect(notes.map((n) => [n.field, n.limits])).toEqual([
      ["page", { default: 1 }],
      ["page_size", { maximum: 100, default: 10 }],
    ]);
    expect(doc.paths["/x"].get.parameters[2]?.schema).toEqual({ type: "number" });
  });

  it("reads a field's line in the operation description: list item or table row", () => {
    const overview =
      "Query:\n- page - Page number (default: 1)\n| editable_length | Number per page, max 50 |";
    expect(overviewLine(overview, "page")).toBe("Page number (default: 1)");
    expect(overviewLine(overview, "editable_length")).toBe(" Number per page, max 50 ");
    expect(overviewLine(overview, "count")).toBe("");
  });

  it("openapi.yaml carries the stated maxima and defaults", () => {
    expect(schemaOf(query("search_product", "count")).maximum).toBe(100);
    expect(schemaOf(query("get_product_category_composition", "count")).maximum).toBe(1000);
    expect(schemaOf(query("get_partner_appointment_list", "editable_length")).maximum).toBe(100);
    expect(schemaOf(query("get_membership_type_list", "page_size")).maximum).toBe(100);
    expect(schemaOf(query("chain_loyalty_certificate_types_list", "page_size"))).toMatchObject({
      maximum: 100,
      default: 10,
    });
    expect(schemaOf(query("search_events", "count")).default).toBe(25);
    expect(schemaOf(query("search_events", "page")).default).toBe(1);
    // A page that states nothing gets nothing.
    expect(schemaOf(query("get_comments", "count")).maximum).toBeUndefined();
    const body = deref(spec, byId.get("get_client_list")?.requestBody as Json);
    const content = (body.content as Json)["application/json"] as Json;
    const pageSize = (deref(spec, content.schema).properties as Json).page_size as Json;
    expect(pageSize).toMatchObject({ maximum: 200, default: 25 });
  });

  it("GET /records/{location_id} serves 1,000 a page, from evidence (overlay), with the evidence named", () => {
    const count = query("get_appointment_list", "count");
    expect(schemaOf(count).maximum).toBe(1000);
    expect(String(count["x-altegio-evidence"])).toMatch(/calls\.tsv.*count=1000/);
  });
});

describe("generated/paging.ts", () => {
  it("is what pagingRows derives from openapi.yaml", () => {
    expect(Object.fromEntries(pagingRows(spec))).toEqual(paging);
  });

  it("gives each paged operation its fields, their place, the maximum and the done signal", () => {
    expect(paging["GET /records/{location_id}"]).toEqual({
      style: "page",
      in: "query",
      page: "page",
      size: "count",
      maximum: 1000,
      done: "total_count",
    });
    expect(paging["POST /company/{location_id}/clients/search"]).toMatchObject({
      in: "body",
      size: "page_size",
      maximum: 200,
      done: "total_count",
    });
    expect(paging["GET /records/partner"]).toMatchObject({
      size: "editable_length",
      maximum: 100,
      done: "short-page",
    });
    expect(paging["POST /company/{location_id}/clients/visits/search"]).toEqual({
      style: "cursor",
      in: "body",
      cursor: "meta.dateCursor.next",
      fields: ["to", "from"],
    });
  });

  it("leaves out a page + count pair whose answer is not a list (a single product)", () => {
    expect(Object.keys(paging)).not.toContain("GET /goods/{location_id}/{product_id}");
    expect(Object.keys(paging).length).toBeGreaterThanOrEqual(15);
  });

  it("reads from/to in meta as the from-to done signal", () => {
    const mini = {
      paths: {
        "/list": {
          get: {
            parameters: [
              { name: "page", in: "query", schema: { type: "number" } },
              { name: "count", in: "query", schema: { type: "number", maximum: 50 } },
            ],
            responses: {
              "200": {
                content: {
                  "application/json": {
                    schema: {
                      type: "object",
                      properties: {
                        data: { type: "array", items: {} },
                        meta: { type: "object", properties: { from: {}, to: {} } },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    };
    expect(pagingRows(mini)).toEqual([
      [
        "GET /list",
        { style: "page", in: "query", page: "page", size: "count", maximum: 50, done: "from-to" },
      ],
    ]);
  });
});
