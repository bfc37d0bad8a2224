// GETs whose trailing path segment the vendor documents as optional are split into a list and a
// single operation (scripts/lib/spec/optional-segments.ts finds them, path-split.ts splits them).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseIndex } from "../../scripts/lib/spec/index-parser.js";
import { type OperationRow, pageFile, REFERENCE_DIR, readOperations } from "../../scripts/lib/spec/inputs.js";
import type { PageModel } from "../../scripts/lib/spec/model.js";
import { findOptionalSegments } from "../../scripts/lib/spec/optional-segments.js";
import { parsePage } from "../../scripts/lib/spec/page-parser.js";
import { LIST_SUFFIX, splitOptionalSegments } from "../../scripts/lib/spec/path-split.js";
import { deref, type Json, loadSpec, ROOT, unwrapEnvelope } from "./support/openapi.js";

const spec = loadSpec();
const ref = join(ROOT, REFERENCE_DIR);
const rows = readOperations(ROOT);
const index = parseIndex(readFileSync(join(ref, "INDEX.md"), "utf8"));
const pages = new Map<string, PageModel>();
for (const row of rows)
  if (row.hasPage)
    pages.set(row.slug, parsePage(pageFile(row), readFileSync(join(ref, pageFile(row)), "utf8")));

const get = (path: string): Json | undefined =>
  ((spec.paths as Record<string, Json | undefined>)[path]?.get as Json | undefined) ?? undefined;
const split = (op: Json | undefined): Json => (op?.["x-altegio-split"] ?? {}) as Json;
const data200 = (op: Json | undefined): Json => {
  const response = ((op?.responses ?? {}) as Json)["200"] as Json;
  if (!response) throw new Error(`${String(op?.operationId)}: no 200`);
  const media = response.content as Json;
  const body = unwrapEnvelope(deref(spec, (media["application/json"] as Json).schema));
  const data = deref(spec, (body.properties as Json).data);
  // An entity site (issue 10): `allOf: [{$ref: <entity>}, …]` with the page's own description,
  // example and markers (x-altegio-vendor-type…), which stay on the site.
  const { allOf: parts, ...own } = data as { allOf?: Json[] };
  return data.type === undefined && parts?.[0]?.$ref ? { ...deref(spec, parts[0]), ...own } : data;
};
const row = (slug: string, title: string, path: string): OperationRow => ({
  tag: "t",
  title,
  method: "get",
  path,
  slug,
  hasPage: false,
});

describe("optional trailing path segments", () => {
  it("are found from the vendor's own words, each with the sentence that says so", () => {
    const found = findOptionalSegments(rows, index, pages);
    expect(found.map((f) => `${f.slug} {${f.param}}`)).toEqual([
      "deprecated_get_service_category_list {id}",
      "deprecated_get_service_list_by_id {service_id}",
      "get_service {service_id}",
      "get_service_category_list {id}",
      "get_team_member {team_member_id}",
      "get_team_member_by_id {team_member_id}",
    ]);
    const by = new Map(found.map((f) => [f.slug, f.evidence]));
    expect(by.get("get_service")).toContain('"+ service_id (optional, number, 1) - service ID"');
    expect(by.get("get_team_member")).toContain("Specific Team Member");
    expect(by.get("get_team_member_by_id")).toContain("if you need to work with a specific team member");
    expect(by.get("deprecated_get_service_category_list")).toContain(
      "deprecated twin of get_service_category_list",
    );
  });

  it("needs an optional last segment, not any optional parameter or a plain item page", () => {
    const synthetic = [
      row("get_widget", "Get a list of widgets", "/widgets/{location_id}/{widget_id}"),
      row("get_gadget", "Get a gadget", "/gadgets/{location_id}/{gadget_id}"),
      row("get_thing", "Get things", "/things/{location_id}/{thing_id}"),
    ];
    const synthIndex = {
      ...index,
      operations: new Map([
        [
          "get_widget",
          {
            slug: "get_widget",
            tag: "t",
            description: "+ Options\n    + widget_id (optional, number) - widget",
          },
        ],
        [
          "get_gadget",
          {
            slug: "get_gadget",
            tag: "t",
            description: "+ Options\n    + colour (optional, string) - colour",
          },
        ],
      ]),
    };
    expect(findOptionalSegments(synthetic, synthIndex, new Map()).map((f) => f.slug)).toEqual(["get_widget"]);
  });

  it("become a list operation named <slug>_all at the template without the segment", () => {
    for (const [slug, single, list] of [
      ["get_service", "/company/{location_id}/services/{service_id}", "/company/{location_id}/services"],
      ["get_team_member", "/company/{location_id}/staff/{team_member_id}", "/company/{location_id}/staff"],
      [
        "get_service_category_list",
        "/company/{location_id}/service_categories/{id}",
        "/company/{location_id}/service_categories",
      ],
      [
        "deprecated_get_service_category_list",
        "/service_categories/{location_id}/{id}",
        "/service_categories/{location_id}",
      ],
    ] as const) {
      const one = get(single);
      const all = get(list);
      expect(one?.operationId).toBe(slug);
      expect(all?.operationId).toBe(`${slug}${LIST_SUFFIX}`);
      expect(split(all).of).toBe(slug);
      expect(split(one).list).toBe(`${slug}${LIST_SUFFIX}`);
      const params = ((all?.parameters ?? []) as Json[]).filter((p) => p.in === "path").map((p) => p.name);
      expect(params).toEqual(["location_id"]);
      expect(all?.security).toEqual(one?.security);
      expect(data200(all).type, `${slug} list data`).toBe("array");
      expect(data200(one).type, `${slug} single data`).toBe("object");
    }
  });

  it("reuse the legacy list operation where the list template has its own GET", () => {
    expect(split(get("/staff/{location_id}/{team_member_id}")).list).toBe("get_team_member_list");
    expect(split(get("/services/{location_id}/{service_id}")).list).toBe("get_service_list");
    expect(get("/staff/{location_id}")?.operationId).toBe("get_team_member_list");
  });

  it("keep the page's list-shaped `data` as the vendor's word on the single form", () => {
    const one = data200(get("/company/{location_id}/service_categories/{id}"));
    expect(one["x-altegio-vendor-type"]).toBe("array");
    expect(Array.isArray(one["x-altegio-vendor-example"])).toBe(true);
    expect((one.properties as Json).title).toBeDefined();
  });

  it("refuse a split whose derived operationId is taken", () => {
    const doc = {
      paths: {
        "/a/{location_id}/{id}": { get: { operationId: "get_a", responses: {} } },
        "/b": { get: { operationId: `get_a${LIST_SUFFIX}`, responses: {} } },
      },
      components: { schemas: {} },
    };
    expect(() =>
      splitOptionalSegments(doc, [
        { slug: "get_a", path: "/a/{location_id}/{id}", param: "id", evidence: "x" },
      ]),
    ).toThrow(/get_a_all is taken/);
  });
});
