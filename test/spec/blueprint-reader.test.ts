// Unit tests of the blueprint reader on the real yclientsru.apib.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { BlueprintAction } from "../../scripts/lib/blueprint/actions.js";
import { actionAt, type ReadBlueprint, readBlueprint } from "../../scripts/lib/blueprint/blueprint.js";
import {
  CYRILLIC_PLACEHOLDER,
  containsCyrillic,
  scrubSchema,
  scrubValue,
} from "../../scripts/lib/blueprint/cyrillic.js";
import { schemaFromExample } from "../../scripts/lib/blueprint/example-schema.js";
import { dropInvalidExamples, exampleIsValid } from "../../scripts/lib/blueprint/examples.js";
import { parseLenientJson } from "../../scripts/lib/blueprint/lenient-json.js";
import { schemaFromDataStructure } from "../../scripts/lib/blueprint/mson-schema.js";
import { blueprintOperation } from "../../scripts/lib/blueprint/operation.js";
import { BLUEPRINT_INPUTS, blueprintProvenance } from "../../scripts/lib/blueprint/provenance.js";
import type { Schema } from "../../scripts/lib/blueprint/schema.js";
import { pathShape, splitHref } from "../../scripts/lib/blueprint/uri-template.js";

const root = new URL("../..", import.meta.url).pathname;
let blueprint: ReadBlueprint;

beforeAll(async () => {
  blueprint = await readBlueprint(root);
  console.log(`blueprint read in ${Math.round(blueprint.parseMs)} ms (${blueprint.actions.length} actions)`);
});

function action(method: string, line: number): BlueprintAction {
  const found = actionAt(blueprint.actions, method, line);
  if (found === undefined) throw new Error(`no ${method} action at line ${line}`);
  return found;
}

describe("reading the blueprint", () => {
  it("finds all 187 transitions, each with a method and the line of its heading", () => {
    expect(blueprint.actions).toHaveLength(187);
    for (const a of blueprint.actions) {
      expect(a.method).toMatch(/^(GET|POST|PUT|PATCH|DELETE)$/);
      expect(a.line).toBeGreaterThan(0);
    }
  });

  it("reads POST /services/{company_id} (create_service) with its MSON request attributes", () => {
    const create = action("POST", 3228);
    expect(create.path).toBe("/services/{company_id}");
    expect(create.pathParameters).toEqual([{ name: "company_id", type: "number", required: true }]);
    expect(create.responses.map((r) => r.status)).toEqual([201]);
    expect(create.authorization).toBe("Bearer partner_token, User user_token");
    if (create.request?.dataStructure === undefined) throw new Error("no request attributes");
    const schema = schemaFromDataStructure(create.request.dataStructure, blueprint.types);
    expect(schema.type).toBe("object");
    expect(schema.required).toEqual(["title", "category_id"]);
    expect(schema.properties?.category_id).toEqual({ type: "number", example: 2 });
    expect(schema.properties?.weight).toEqual({ type: "number" });
    // `staff (optional, ServiceStaff)` resolves the named type from the Data Structures section.
    expect(schema.properties?.staff).toEqual({
      type: "object",
      properties: { id: { type: "number", example: 1 }, seance_length: { type: "number", example: 1800 } },
      required: ["id", "seance_length"],
    });
    // Quotes around MSON samples are dropped; the value itself is scrubbed later.
    expect(schema.properties?.title?.example).toBe("Стрижка женская");
  });

  it("keeps only the query names an inherited URI template gives a GET", () => {
    // DELETE inherits /services/{company_id}/{service_id}{?staff_id,category_id} from its resource.
    expect(action("DELETE", 3480).queryParameters).toEqual([]);
    expect(action("GET", 2968).queryParameters.map((p) => p.name)).toEqual(["staff_id", "category_id"]);
  });

  it("reads `?{phone}&{company_id}` as two required query parameters", () => {
    const memberships = action("GET", 13947);
    expect(memberships.path).toBe("/loyalty/abonements/");
    expect(memberships.pathParameters).toEqual([]);
    expect(memberships.queryParameters).toEqual([
      { name: "phone", type: "string", required: true },
      { name: "company_id", type: "number", required: true },
    ]);
  });

  it("tells the partner-only fiscalization callback from user actions", () => {
    expect(action("POST", 18451).authorization).toBe("Bearer partner_token");
    expect(action("GET", 6670).responses[0]?.mediaType).toBe("application/pdf");
  });
});

describe("converting every action, not only the paired ones", () => {
  it("builds all 187 without error, Cyrillic or an example its schema rejects", () => {
    const examplesIn = (schema: Schema): [Schema, unknown][] => [
      ...(schema.example === undefined ? [] : [[schema, schema.example] as [Schema, unknown]]),
      ...Object.values(schema.properties ?? {}).flatMap(examplesIn),
      ...(schema.items === undefined ? [] : examplesIn(schema.items)),
    ];
    let schemaCount = 0;
    for (const a of blueprint.actions) {
      const altegioLikePath = a.path.replace(/^\/api\/v1(?=\/)/, "");
      const built = blueprintOperation(
        { operationId: `line_${a.line}`, responses: {} },
        altegioLikePath,
        a,
        blueprint.types,
      );
      expect(containsCyrillic(JSON.stringify(built)), `line ${a.line}`).toBe(false);
      for (const schema of Object.values(built.schemas)) {
        schemaCount++;
        for (const [owner, example] of examplesIn(schema))
          expect(exampleIsValid(owner, example), `line ${a.line}`).toBe(true);
      }
    }
    expect(schemaCount).toBeGreaterThan(200);
  });
});

describe("URI templates", () => {
  it("splits every query spelling the blueprint uses", () => {
    expect(splitHref("/a/{x}{?p,q}")).toEqual({
      path: "/a/{x}",
      pathVariables: ["x"],
      queryVariables: ["p", "q"],
    });
    expect(splitHref("/a/{x}/?{p}&{q}").queryVariables).toEqual(["p", "q"]);
    expect(splitHref("/a/{x}/services?staff_id=1&term=test").queryVariables).toEqual(["staff_id", "term"]);
    expect(splitHref("/a/search?title={title}&page={page}").queryVariables).toEqual(["title", "page"]);
    expect(splitHref("/a/{x}/search/{?from,till}").path).toBe("/a/{x}/search/");
  });

  it("compares paths by shape: base prefix, trailing slash and names set aside", () => {
    expect(pathShape("/api/v1/activity/{company_id}/{activity_id}/duplicate/")).toBe(
      pathShape("/activity/{location_id}/{event_id}/duplicate"),
    );
    expect(pathShape("/goods/{company_id}")).not.toBe(pathShape("/company/{location_id}/goods"));
  });
});

describe("schemas and examples", () => {
  it("infers types from an example, nullable where a null sits next to a value", () => {
    const schema = schemaFromExample({
      success: true,
      data: [
        { id: 1, note: null },
        { id: 2, note: "x" },
      ],
      meta: [],
    });
    expect(schema).toEqual({
      type: "object",
      properties: {
        success: { type: "boolean" },
        data: {
          type: "array",
          items: {
            type: "object",
            properties: { id: { type: "number" }, note: { type: "string", nullable: true } },
          },
        },
        meta: { type: "array", items: {} },
      },
    });
    expect(schemaFromExample({ only: null })).toEqual({ type: "object", properties: { only: {} } });
  });

  it("repairs a trailing or missing comma, and gives up on anything else", () => {
    expect(parseLenientJson('{"a": [1,\n 2,\n],}')).toEqual({ a: [1, 2] });
    expect(parseLenientJson('{"a": 1\n "b": 2}')).toEqual({ a: 1, b: 2 });
    expect(parseLenientJson('{"id": 1796",}')).toBeUndefined();
  });

  it("drops an example its schema rejects, at any depth", () => {
    const { schema, dropped } = dropInvalidExamples({
      type: "object",
      properties: { staff: { type: "object", example: [1] }, id: { type: "number", example: 5 } },
      example: { staff: [], id: 5 },
    });
    expect(dropped).toBe(2);
    expect(schema.example).toBeUndefined();
    expect(schema.properties?.staff?.example).toBeUndefined();
    expect(schema.properties?.id?.example).toBe(5);
  });

  it("replaces Cyrillic sample strings and drops Cyrillic enums", () => {
    expect(containsCyrillic("Мужская стрижка")).toBe(true);
    expect(scrubValue({ title: "Мужская стрижка", id: 1, tags: ["ok", "нет"] })).toEqual({
      title: CYRILLIC_PLACEHOLDER,
      id: 1,
      tags: ["ok", CYRILLIC_PLACEHOLDER],
    });
    expect(scrubSchema({ type: "string", enum: ["клиенты", "b"], example: "клиенты" })).toEqual({
      type: "string",
      example: CYRILLIC_PLACEHOLDER,
    });
  });
});

describe("provenance", () => {
  it("names the blueprint and its sha256 (the one its README records)", async () => {
    expect(await blueprintProvenance(root)).toEqual({
      path: "spec/reference/yclients-v1-blueprint/yclientsru.apib",
      sha256: "a88e8f3830b2347928668100525146dfed6af7f78fbf5ddbf4f2675695e9f889",
    });
    expect(blueprint.sha256).toBe("a88e8f3830b2347928668100525146dfed6af7f78fbf5ddbf4f2675695e9f889");
  });

  it("lists the repository files the enrichment reads, all present", () => {
    expect(BLUEPRINT_INPUTS).toEqual([
      "spec/reference/yclients-v1-blueprint/yclientsru.apib",
      "spec/blueprint-pairings.tsv",
    ]);
    for (const input of BLUEPRINT_INPUTS) expect(existsSync(join(root, input)), input).toBe(true);
  });
});
