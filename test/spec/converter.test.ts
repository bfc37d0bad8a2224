// Unit tests of the converter modules in scripts/lib/spec: page parser, schema builder, JSONPath
// subset, overlay applier, YAML writer, seed parser.
import { describe, expect, it } from "vitest";
import { query } from "../../scripts/lib/spec/jsonpath.js";
import { applyOverlay, parseOverlay } from "../../scripts/lib/spec/overlay.js";
import { parsePage } from "../../scripts/lib/spec/page-parser.js";
import { objectSchema } from "../../scripts/lib/spec/schema-builder.js";
import { parseSeed } from "../../scripts/lib/spec/seed-parser.js";
import { toYaml } from "../../scripts/lib/spec/yaml-writer.js";

const PAGE = `# Get thing

Gets a thing.

| a | b |
| - | - |

Endpoint: GET /thing/{location_id}
Version: 1.0.0
Security: BearerPartner

## Path parameters:

  - \`location_id\` (number, required)
    location ID
    Example: 1

## Response 200 fields (application/json):

  - \`data\` (array)
    Items
    Example: [{"id":1,"tags":{"x":1}}]

  - \`data.id\` (number,null, required)
    Item id,
  on two lines.
    Enum: 1, 2

  - \`data.main\` (any)
    Object or empty array
    - \`id\` (number)
      Main id
      Example: 9

  - \`data.tips\` (object) — one of:
    Tips.
    - Model A:
      - \`sum\` (number,null)
        Sum.
    - Model B:
      - \`sum\` (number)
        Sum.

  - \`data.kind\` (string)
    Enum: same as \`data.id\` (2 values)

## Response 202 fields
`;

describe("page parser and schema builder", () => {
  const page = parsePage("pages/x/get_thing.md", PAGE);
  const ok = page.responses.find((r) => r.status === "200");

  it("reads title, description (tables kept), endpoint, security and sections", () => {
    expect(page).toMatchObject({
      title: "Get thing",
      method: "get",
      path: "/thing/{location_id}",
      security: "BearerPartner",
    });
    expect(page.description).toBe("Gets a thing.\n\n| a | b |\n| - | - |");
    expect(page.parameters.path[0]).toMatchObject({
      name: "location_id",
      types: ["number"],
      required: true,
      exampleRaw: "1",
    });
    expect(page.responses.map((r) => [r.status, r.fields.length])).toEqual([
      ["200", 5],
      ["202", 0],
    ]);
  });

  it("keeps multi-line descriptions, enums, indented sub-fields and one-of variants", () => {
    const id = ok?.fields[1];
    expect(id).toMatchObject({ types: ["number", "null"], required: true, enumRaw: "1, 2" });
    expect(id?.description).toBe("Item id,\non two lines.");
    expect(ok?.fields[2]?.children.map((c) => c.name)).toEqual(["id"]);
    expect(ok?.fields[3]?.variants.map((v) => v.title)).toEqual(["Model A", "Model B"]);
  });

  it("nests dotted names into array items, types (a,null) as nullable, (any) untyped, one-of as anyOf", () => {
    const { schema } = objectSchema(ok?.fields ?? [], (name) => (name === "data.id" ? "1, 2" : undefined));
    const data = (schema.properties as Record<string, Record<string, unknown>>).data;
    const items = data?.items as Record<string, unknown>;
    expect(items.type).toBe("object");
    expect(items.required).toEqual(["id"]);
    const props = items.properties as Record<string, Record<string, unknown>>;
    expect(props.id).toMatchObject({ type: "number", nullable: true, enum: [1, 2, null] });
    expect(props.main?.type).toBeUndefined();
    expect(props.main?.["x-altegio-type"]).toBe("any");
    expect((props.main?.properties as Record<string, unknown> | undefined)?.id).toMatchObject({
      type: "number",
      example: 9,
    });
    expect(props.tips?.anyOf).toHaveLength(2);
    expect(props.kind).toMatchObject({ enum: [1, 2], "x-altegio-enum": "same as `data.id` (2 values)" });
    expect(data?.example).toEqual([{ id: 1, tags: { x: 1 } }]);
  });

  it("rejects a page without an Endpoint line and unknown sections", () => {
    expect(() => parsePage("p.md", "# t\n\nno endpoint\n")).toThrow(/Endpoint/);
    expect(() => parsePage("p.md", "# t\n\nEndpoint: GET /x\n\n## Something else\n")).toThrow(
      /unknown section/,
    );
  });
});

describe("JSONPath subset and overlay", () => {
  const doc = () => ({
    paths: {
      "/a/{id}": {
        get: {
          operationId: "a",
          parameters: [
            { name: "id", in: "path" },
            { name: "q", in: "query" },
          ],
        },
      },
    },
    components: {
      schemas: {
        A: { properties: { phone: { type: "string" } } },
        B: { properties: { phone: { type: "string" } } },
      },
    },
  });

  it("selects members, quoted names, unions, wildcards, indexes, descendants and filters", () => {
    const d = doc();
    expect(query(d, "$.paths['/a/{id}'].get.operationId").map((m) => m.value)).toEqual(["a"]);
    expect(query(d, "$.components.schemas['A','B']").length).toBe(2);
    expect(query(d, "$.components.schemas.*..properties.phone").length).toBe(2);
    expect(query(d, "$.paths.*.get.parameters[1].name").map((m) => m.value)).toEqual(["q"]);
    expect(query(d, "$.paths.*.get.parameters[?(@.in == 'query' && @.name == 'q')]").length).toBe(1);
    expect(query(d, "$.paths.*.get.parameters[?(@.in == 'query' && @.name == 'id')]").length).toBe(0);
    expect(() => query(d, "$.paths[(@.length-1)]")).toThrow(/invalid JSONPath \$.paths\[\(@.length-1\)\]/);
  });

  it("deep-merges updates, removes nodes, and refuses an action that matches nothing", () => {
    const d = doc();
    const overlay = parseOverlay(`overlay: 1.0.0
info: { title: t, version: "1" }
actions:
  - target: $.components.schemas.A.properties.phone.type
    remove: true
  - target: $.components.schemas.A.properties.phone
    update: { anyOf: [{ type: string }, { type: number }] }
  - target: $.paths.*.get.parameters[?(@.name == 'q')]
    remove: true
`);
    applyOverlay(d, overlay);
    expect(d.components.schemas.A.properties.phone).toEqual({
      anyOf: [{ type: "string" }, { type: "number" }],
    });
    expect(d.components.schemas.B.properties.phone).toEqual({ type: "string" });
    expect(d.paths["/a/{id}"].get.parameters).toEqual([{ name: "id", in: "path" }]);
    const none = parseOverlay(`overlay: 1.0.0
info: { title: t, version: "1" }
actions: [{ target: $.nothing, update: { a: 1 } }]
`);
    expect(() => applyOverlay(d, none)).toThrow(/matches nothing/);
    expect(() => parseOverlay("overlay: 2.0.0\nactions: []\n")).toThrow(/1\.0\.0/);
  });
});

describe("YAML writer", () => {
  it("writes shared objects twice (no aliases), examples in flow style, long lines unfolded", () => {
    const schema = { $ref: "#/components/schemas/X" };
    const text = toYaml({
      a: schema,
      b: schema,
      c: { example: { k: [1, 2] }, description: "x ".repeat(100) },
    });
    expect(text).not.toMatch(/[&*]a\d/);
    expect(text.match(/\$ref/g)?.length).toBe(2);
    expect(text).toContain(`example: { "k": [ 1, 2 ] }`);
    expect(text.split("\n").some((l) => l.length > 200)).toBe(true);
  });
});

describe("seed parser", () => {
  it("rebuilds the SMS by_filter page from the seed's first Request block", () => {
    const seed = [
      "Request",
      "The object for creating SMS mailing has the following fields:",
      "| Field | Type | Description |",
      "|---|---|---|",
      "| text | string | SMS text message |",
      "- fullname:'Joh' (optional, string) - Name (part of name) to filter clients",
      "Attention: If there are no filters, SMS mailing will go to the entire database!",
      "Security",
      "BearerPartnerUser",
      "- Productionhttps://api.alteg.io/api/v1/sms/clients/by_filter/{location_id}",
      "'https://x/sms/clients/by_filter/{location_id}' -d '{",
      '"text": "Hello"',
      "}'",
    ].join("\n");
    const page = parseSeed(seed, undefined);
    expect(page).toMatchObject({
      method: "post",
      path: "/sms/clients/by_filter/{location_id}",
      security: "BearerPartnerUser",
    });
    expect(page.parameters.query[0]).toMatchObject({
      name: "fullname",
      required: false,
      exampleRaw: "\"'Joh'\"",
    });
    expect(page.request?.fields[0]).toMatchObject({ name: "text", types: ["string"], exampleRaw: '"Hello"' });
    expect(page.description).toContain("#### Client filtering\n+ fullname:'Joh'");
  });
});
