// The corrections made from the evidence and the pages' own sentences (scripts/lib/evidence):
// each kind on a small schema, then in openapi.yaml with the evidence it names.
import { describe, expect, it } from "vitest";
import { allowEmptyArray, emptyArrayFromPages } from "../../scripts/lib/evidence/empty-array.js";
import { nullableFromPages } from "../../scripts/lib/evidence/nullability.js";
import { deref, type Json, loadSpec, SchemaValidator, unwrapEnvelope } from "./support/openapi.js";

const spec = loadSpec();
const validator = new SchemaValidator(spec);
const schemas = (spec.components as Json).schemas as Record<string, Json>;
const op = (path: string, method: string): Json => ((spec.paths as Json)[path] as Json)[method] as Json;
const body = (o: Json, status: string): Json => {
  const content = ((o.responses as Json)[status] as Json).content as Json;
  return unwrapEnvelope(deref(spec, (content["application/json"] as Json).schema));
};
/** A property; at an entity site (`allOf: [{$ref: <entity>}]` with the page's own markers), the entity with them. */
const prop = (schema: Json, name: string): Json => {
  const node = deref(spec, (schema.properties as Json)[name]);
  const { allOf: parts, ...own } = node as { allOf?: Json[] };
  return node.type === undefined && parts?.[0]?.$ref ? { ...deref(spec, parts[0]), ...own } : node;
};

/** Every node of the document carrying `x-altegio-correction`. */
function corrections(): Json[] {
  const out: Json[] = [];
  const seen = new Set<unknown>();
  const visit = (n: unknown): void => {
    if (typeof n !== "object" || n === null || seen.has(n)) return;
    seen.add(n);
    if (!Array.isArray(n) && "x-altegio-correction" in n) out.push(n as Json);
    for (const v of Object.values(n)) visit(v);
  };
  visit(spec);
  return out;
}

describe("PHP's empty array", () => {
  it("lets an object arrive as [] and nothing else new", () => {
    const position: Json = {
      type: "object",
      description: "Position",
      properties: { id: { type: "number" } },
    };
    expect(allowEmptyArray(position, "evidence x.json")).toBe(true);
    expect(validator.check(position, [])).toBeUndefined();
    expect(validator.check(position, { id: 1 })).toBeUndefined();
    expect(validator.check(position, [1])).toBeDefined();
    expect(validator.check(position, { id: "1" })).toBeDefined();
    expect(position.description).toBe("Position");
    expect(position["x-altegio-evidence"]).toBe("evidence x.json");
  });

  it('is read from the pages\' `(object,array)` and "or empty array" fields', () => {
    const page: Record<string, Json> = {
      thing_200: {
        type: "object",
        properties: {
          main_group: {
            description: "Main location chain (object or empty array)",
            properties: { id: { type: "number" } },
          },
          title: { type: "string", description: "Title" },
        },
      },
    };
    expect(emptyArrayFromPages(page as never)).toBe(1);
    const group = ((page.thing_200?.properties ?? {}) as Json).main_group as Json;
    expect(validator.check(group, [])).toBeUndefined();
    expect(validator.check(group, { id: "x" })).toBeDefined();
  });

  it("is admitted where the evidence shows it (position, master) and typed objects stay typed", () => {
    const staff = prop(body(op("/company/{location_id}/staff/{team_member_id}", "get"), "200"), "data");
    const position = prop(staff, "position");
    expect(validator.check(position, [])).toBeUndefined();
    // "null or empty array when unassigned": 3.0's nullable sits on the object branch (it needs a type).
    expect(((position.anyOf as Json[])[0] as Json).nullable).toBe(true);
    expect(validator.check(position, { id: "not a number" })).toBeDefined();
    const tx = prop(body(op("/finance_transactions/{location_id}", "post"), "200"), "data");
    expect(validator.check(prop(tx, "master"), [])).toBeUndefined();
    expect(String(prop(tx, "master")["x-altegio-evidence"])).toMatch(/altegio-029/);
  });
});

describe("nullability", () => {
  it('is read from the pages\' "null if" / "or null" sentences', () => {
    const page: Record<string, Json> = {
      t_200: {
        type: "object",
        properties: {
          average: { type: "number", description: "Average check. Null if the total is 0." },
          count: { type: "number", description: "Count" },
        },
      },
    };
    expect(nullableFromPages(page as never)).toBe(1);
    const props = page.t_200?.properties as Record<string, Json>;
    expect(props.average?.nullable).toBe(true);
    expect(String(props.average?.["x-altegio-evidence"])).toContain("Null if the total is 0");
    expect(props.count?.nullable).toBeUndefined();
  });
});

describe("statuses and shapes from evidence", () => {
  it("POST /records/{id} answers 201 with one record in data", () => {
    const data = prop(body(op("/records/{location_id}", "post"), "201"), "data");
    expect(data.type).toBe("object");
    expect(data["x-altegio-vendor-type"]).toBe("array");
    expect(String(data["x-altegio-evidence"])).toMatch(/altegio-044/);
  });

  it("the team member schedule is an envelope around the documented days", () => {
    const schedule = body(
      op("/schedule/{location_id}/{team_member_id}/{start_date}/{end_date}", "get"),
      "200",
    );
    expect(prop(schedule, "data").type).toBe("array");
    expect(String(schedule["x-altegio-evidence"])).toMatch(/altegio-045/);
  });

  it("an error status a recording shows is documented with the error envelope", () => {
    const responses = op("/activity/{location_id}", "post").responses as Json;
    expect((responses["400"] as Json)["x-altegio-evidence"]).toMatch(/altegio-031/);
  });
});

describe("openapi.yaml", () => {
  it("names the evidence of every correction, and prints them by kind", () => {
    const all = corrections();
    const byKind = new Map<string, number>();
    for (const node of all) {
      expect(String(node["x-altegio-evidence"] ?? ""), JSON.stringify(node).slice(0, 200)).not.toBe("");
      for (const kind of String(node["x-altegio-correction"]).split(","))
        byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    }
    console.log(`corrections by kind: ${JSON.stringify(Object.fromEntries([...byKind].sort()))}`);
    for (const kind of ["empty-array", "nullable", "shape", "status", "undeclared-field"])
      expect(byKind.get(kind) ?? 0, kind).toBeGreaterThan(0);
    expect(Object.keys(schemas).length).toBeGreaterThan(300);
  });
});
