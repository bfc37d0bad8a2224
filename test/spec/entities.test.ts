// Entity components (issue 10): every operation the table says returns or accepts an entity refers
// to its component at that place (read here from openapi.yaml, not through the pass's own
// resolver); the components exist, say which vendor name they stand for, and list their sites;
// no success body keeps an inline empty-array or paging `meta`. The union and the pass are unit
// tested on small documents.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { applyEntities, requiredSkeleton } from "../../scripts/lib/spec/entities/pass.js";
import type { Doc } from "../../scripts/lib/spec/entities/sites.js";
import { ENTITIES, METAS, metaObject, NOT_ENTITIES } from "../../scripts/lib/spec/entities/table.js";
import { union } from "../../scripts/lib/spec/entities/union.js";
import { ENTITY_OVERLAY_FILE } from "../../scripts/lib/spec/inputs.js";
import { WEBHOOK_RESOURCES } from "../../scripts/lib/spec/webhook-resources.js";
import { deref, type Json, loadSpec, operations, ROOT, unwrapEnvelope } from "./support/openapi.js";

const spec = loadSpec();
const schemas = (spec.components as Json).schemas as Json;
const byId = new Map(operations(spec).map((e) => [String(e.operation.operationId), e.operation]));
const REF = "#/components/schemas/";

/** The component a schema refers to: `$ref`, or the first part of `allOf: [$ref, {required…}]`. */
function referenced(schema: Json | undefined): string | undefined {
  const ref = (schema?.$ref ?? ((schema?.allOf as Json[] | undefined)?.[0]?.$ref as string | undefined)) as
    | string
    | undefined;
  return ref?.startsWith(REF) ? ref.slice(REF.length) : undefined;
}

/** Raw schemas (not dereferenced) at a dotted path of a body: object properties, array items, anyOf branches. */
function at(root: Json, path: string[]): Json[] {
  let current: Json[] = [root];
  for (const name of path) {
    current = current.flatMap((node) => {
      const view = unwrapEnvelope(deref(spec, node));
      const holder = view.items ? deref(spec, view.items) : view;
      const prop = (holder.properties as Json | undefined)?.[name] as Json | undefined;
      return prop ? [prop] : [];
    });
  }
  return current.flatMap(entityAt);
}

/** The entity is the object there, or the items of the array there, in every non-empty branch. */
function entityAt(node: Json): Json[] {
  const name = referenced(node);
  // A response whose whole body is the entity keeps its page component, itself the reference.
  const page = name ? (schemas[name] as Json | undefined) : undefined;
  if (page && !page["x-altegio-entity"] && (referenced(page) || page.type === "array")) return entityAt(page);
  if (name) return [node];
  if (node.type === "array") return entityAt(node.items as Json);
  if (Array.isArray(node.anyOf))
    return (node.anyOf as Json[]).filter((b) => b.type !== "array" || b.maxItems !== 0).flatMap(entityAt);
  return [node];
}

function bodies(operation: Json, body: string): Json[] {
  const out: Json[] = [];
  const holders =
    body === "request"
      ? [operation.requestBody as Json | undefined]
      : Object.entries((operation.responses ?? {}) as Json)
          .filter(([status]) => status === body || (body === "2xx" && /^2\d\d$/.test(status)))
          .map(([, response]) => response as Json);
  for (const holder of holders)
    for (const media of Object.values((holder?.content ?? {}) as Json)) {
      const schema = (media as Json).schema as Json | undefined;
      if (schema) out.push(schema);
    }
  return out;
}

const sitesOf = (name: string, list: string[] | undefined) =>
  (list ?? []).map((site) => [name, site] as const);
const allSites = ENTITIES.flatMap((e) => [
  ...sitesOf(e.name, e.returns),
  ...sitesOf(`${e.name}Input`, e.input),
  ...sitesOf(`${e.name}Update`, e.update),
]);

describe("entity components in openapi.yaml", () => {
  it.each(allSites)("%s is what %s refers to", (name, site) => {
    const [operationId = "", body = "2xx", dotted] = site.split(" ");
    const path = (dotted ?? (body === "request" ? "" : "data")).split(".").filter((p) => p !== "");
    const operation = byId.get(operationId);
    expect(operation, operationId).toBeDefined();
    const found = bodies(operation ?? {}, body).flatMap((root) => at(root, path));
    expect(found.length, `${site}: nothing there`).toBeGreaterThan(0);
    expect(found.map(referenced)).toEqual(found.map(() => name));
  });

  it("refers to an entity wherever a success body's data looks like one, or says why not", () => {
    // A look-alike: an inline object (or items) of `data` with 3+ fields, 80% of them an entity's.
    const entities = ENTITIES.map(
      (e) => [e.name, Object.keys((schemas[e.name] as Json).properties as Json)] as const,
    );
    const lookAlikes: string[] = [];
    for (const [id, operation] of byId) {
      for (const node of bodies(operation, "2xx").flatMap((root) => at(root, ["data"]))) {
        if (referenced(node)) continue;
        const keys = Object.keys((deref(spec, node).properties ?? {}) as Json);
        if (keys.length < 3) continue;
        for (const [name, fields] of entities)
          if (keys.filter((k) => fields.includes(k)).length >= 0.8 * keys.length)
            lookAlikes.push(`${id}: ${name}`);
      }
    }
    expect([...new Set(lookAlikes)].filter((l) => !((l.split(":")[0] ?? "") in NOT_ENTITIES))).toEqual([]);
    expect(Object.keys(NOT_ENTITIES).every((id) => lookAlikes.some((l) => l.startsWith(`${id}:`)))).toBe(
      true,
    );
  });

  it("has each entity once, with its vendor alias and the sites it was derived from", () => {
    for (const entity of ENTITIES) {
      const component = schemas[entity.name] as Json;
      expect(component, entity.name).toBeDefined();
      const meta = component["x-altegio-entity"] as Json;
      expect(meta.alias).toBe(entity.alias);
      expect((meta.sites as string[]).length).toBe(entity.returns.length);
      if (entity.alias) expect(String(component.description)).toContain(`"${entity.alias}"`);
    }
    // One name per entity: no component named after the alias.
    const names = new Set(Object.keys(schemas).map((n) => n.toLowerCase()));
    for (const entity of ENTITIES)
      if (entity.alias) expect(names.has(entity.alias.toLowerCase())).toBe(false);
  });

  it("leaves no inline empty-array or paging meta in a success body", () => {
    const inline: string[] = [];
    for (const [id, operation] of byId) {
      for (const root of bodies(operation, "2xx")) {
        const page = unwrapEnvelope(deref(spec, root));
        const meta = (page?.properties as Json | undefined)?.meta as Json | undefined;
        if (!meta || referenced(meta)) continue;
        const match = METAS.find((m) => m.matches(meta));
        if (match) inline.push(`${id}: ${match.name}`);
      }
    }
    expect(inline).toEqual([]);
    expect(schemas.EmptyMeta).toMatchObject({ type: "array" });
    expect(Object.keys(metaObject(schemas.PagingMeta as Json)?.properties as Json).sort()).toEqual([
      "page",
      "total_count",
    ]);
    expect(Object.keys(metaObject(schemas.CountMeta as Json)?.properties as Json)).toEqual(["count"]);
  });

  it("corrects entity components in spec/entities.overlay.yaml, each action naming its recorded body", () => {
    const overlay = parse(readFileSync(join(ROOT, ENTITY_OVERLAY_FILE), "utf8")) as { actions: Json[] };
    expect(overlay.actions.length).toBeGreaterThan(0);
    for (const action of overlay.actions) {
      const name = /^\$\.components\.schemas\.(\w+)/.exec(String(action.target))?.[1] ?? "";
      expect((schemas[name] as Json | undefined)?.["x-altegio-entity"], String(action.target)).toBeDefined();
      if (action.remove) continue;
      const evidence = String((action.update as Json)["x-altegio-evidence"] ?? "");
      const files = [...evidence.matchAll(/yclients-\d+|altegio-\d+/g)].map((m) => m[0]);
      expect(files.length, String(action.target)).toBeGreaterThan(0);
      for (const file of files)
        expect(existsSync(join(ROOT, "spec/evidence/responses", `${file}.json`)), file).toBe(true);
    }
    const service = (schemas.Service as Json).properties as Json;
    expect(service.tax_variant).toMatchObject({ type: "number", nullable: true });
    expect(service.vat_id).toMatchObject({ type: "number", nullable: true });
  });

  it("types every webhook event's data with the entity component (no copy of a page's data left)", () => {
    for (const resource of WEBHOOK_RESOURCES) {
      const name = resource.entities[0] ?? "";
      expect(schemas[name], name).toBeDefined();
      const words = resource.kind.split("_").map((w) => w.charAt(0).toUpperCase() + w.slice(1));
      const event = schemas[`Webhook${words.join("")}Event`] as Json;
      const data = (event.properties as Json).data as Json;
      expect(((data.anyOf as Json[])[0] as Json).$ref, resource.kind).toBe(`${REF}${name}`);
    }
    expect(Object.keys(schemas).filter((n) => /^Webhook.*Data$/.test(n))).toEqual([]);
  });

  it("keeps page-specific required fields on the operation (allOf refinement)", () => {
    // patch_service requires fields deprecated_update_service_by_id does not.
    const request = (byId.get("patch_service") as Json).requestBody as Json;
    const media = request.content as Json;
    const schema = (media["application/json"] as Json).schema as Json;
    expect(referenced(schema)).toBe("ServiceUpdate");
    expect(((schema.allOf as Json[])[1] as Json).required).toContain("title");
  });
});

describe("union of two pages' schemas", () => {
  it("keeps every property, widens integer to number, and requires only what both require", () => {
    const a = {
      type: "object",
      required: ["id", "title"],
      properties: { id: { type: "integer" }, title: { type: "string" } },
    };
    const b = {
      type: "object",
      required: ["id"],
      properties: { id: { type: "number", nullable: true }, phone: { type: "string" } },
    };
    expect(union(a, b)).toEqual({
      type: "object",
      required: ["id"],
      properties: {
        id: { type: "number", nullable: true },
        title: { type: "string" },
        phone: { type: "string" },
      },
    });
  });

  it("admits both types where pages disagree, and records what each said", () => {
    const merged = union({ type: "string", description: "first" }, { type: "number", example: 1 });
    expect(merged.anyOf).toEqual([{ type: "string" }, { type: "number", example: 1 }]);
    expect(merged.description).toBe("first");
    expect(merged["x-altegio-types"]).toEqual(["string", "number"]);
  });

  it("lets (any) admit everything while keeping children documented elsewhere, and unions enums", () => {
    const merged = union(
      { "x-altegio-type": "any" },
      { type: "object", properties: { x: { type: "string" } } },
    );
    expect(merged.type).toBeUndefined();
    expect(Object.keys(merged.properties as Json)).toEqual(["x"]);
    expect(union({ type: "string", enum: ["a"] }, { type: "string", enum: ["b"] }).enum).toEqual(["a", "b"]);
  });
});

describe("entity pass on a small document", () => {
  const doc = (): Doc => ({
    paths: {
      "/a": {
        get: {
          operationId: "get_a",
          responses: {
            "200": {
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      data: { type: "object", required: ["id"], properties: { id: { type: "integer" } } },
                    },
                  },
                },
              },
            },
          },
        },
        post: {
          operationId: "list_a",
          responses: {
            "200": {
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      data: {
                        type: "array",
                        items: {
                          type: "object",
                          properties: { id: { type: "number" }, name: { type: "string" } },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    components: { schemas: {} },
  });
  const table = [{ name: "A", alias: "thing", description: "An A.", returns: ["get_a", "list_a"] }];

  it("writes the union as a component and refers to it from both sites, keeping the stricter one's required", () => {
    const d = doc();
    applyEntities(d, { table });
    const a = d.components.schemas.A as Json;
    expect(Object.keys(a.properties as Json)).toEqual(["id", "name"]);
    expect(a.required).toBeUndefined();
    const get = (d.paths["/a"] as Json).get as Json;
    const responses = get.responses as Json;
    const data = ((((responses["200"] as Json).content as Json)["application/json"] as Json).schema as Json)
      .properties as Json;
    expect(data.data).toEqual({ allOf: [{ $ref: "#/components/schemas/A" }, { required: ["id"] }] });
  });

  it("fails naming the site when the document has nothing there, or reports it when not strict", () => {
    const missing = [{ name: "A", description: "An A.", returns: ["get_a", "get_b"] }];
    expect(() => applyEntities(doc(), { table: missing })).toThrow(
      /A: get_b 2xx data: no object schema there/,
    );
    expect(applyEntities(doc(), { table: missing, strict: false }).missing).toEqual([
      "entities: A: get_b 2xx data: no object schema there",
    ]);
  });

  it("derives nested required-ness a site adds", () => {
    const site = {
      type: "object",
      properties: { staff: { type: "array", items: { required: ["id"], properties: {} } } },
    };
    const entity = { type: "object", properties: { staff: { type: "array", items: { properties: {} } } } };
    expect(requiredSkeleton(site, entity)).toEqual({
      properties: { staff: { items: { required: ["id"] } } },
    });
  });
});
