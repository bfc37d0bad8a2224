// The enrichment on a document shaped like the converter's (every operation with no Altegio
// page, index-only), plus one operation built from a page that must come through untouched.
import { Ajv } from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import { containsCyrillic } from "../../scripts/lib/blueprint/cyrillic.js";
import { type EnrichReport, enrichWithReport } from "../../scripts/lib/blueprint/enrich.js";
import { indexOnlyDocument } from "../../scripts/lib/blueprint/index-only-document.js";
import { readPairings } from "../../scripts/lib/blueprint/pairings.js";
import type { Schema } from "../../scripts/lib/blueprint/schema.js";

const root = new URL("../..", import.meta.url).pathname;
type Operation = Record<string, unknown> & { parameters?: { name: string; in: string }[] };

const pageOperation = {
  operationId: "get_service_list",
  summary: "Get a list of services",
  "x-altegio-docs": "page",
  responses: { "200": { description: "OK" } },
};

let doc: Record<string, unknown>;
let report: EnrichReport;

beforeAll(async () => {
  doc = await indexOnlyDocument(root);
  // A page operation on a path the blueprint also describes (GET /services/{company_id}).
  (doc.paths as Record<string, Record<string, unknown>>)["/services/{location_id}"] = {
    ...(doc.paths as Record<string, Record<string, unknown>>)["/services/{location_id}"],
    get: structuredClone(pageOperation),
  };
  report = await enrichWithReport(doc, { root });
});

function operations(): { path: string; method: string; operation: Operation }[] {
  return Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
  );
}

function operation(slug: string): Operation {
  const found = operations().find((o) => o.operation.operationId === slug)?.operation;
  if (found === undefined) throw new Error(slug);
  return found;
}

function schemas(): Record<string, Schema> {
  return (doc.components as { schemas: Record<string, Schema> }).schemas;
}

describe("enrichFromBlueprint", () => {
  it("replaces every paired index-only operation and nothing else", async () => {
    const paired = (await readPairings(root)).filter((p) => p.decision === "paired").map((p) => p.slug);
    expect(report.enriched.sort()).toEqual([...paired].sort());
    const bySource = operations().map((o) => o.operation["x-altegio-docs"]);
    console.log(
      `fixture: ${bySource.filter((s) => s === "yclients-blueprint").length} from the blueprint, ` +
        `${bySource.filter((s) => s === "index-only").length} index-only, ${report.droppedExamples} examples dropped`,
    );
    expect(bySource.filter((s) => s === "yclients-blueprint")).toHaveLength(paired.length);
  });

  it("leaves an operation built from an Altegio page exactly as it was", () => {
    expect(operation("get_service_list")).toEqual(pageOperation);
  });

  it("marks the source and keeps operationId, tags and summary", () => {
    const create = operation("create_service");
    expect(create).toMatchObject({
      operationId: "create_service",
      tags: ["services"],
      summary: "Create a service",
      "x-altegio-docs": "yclients-blueprint",
      "x-altegio-blueprint": { path: "/services/{company_id}", method: "POST", line: 3228 },
      security: [{ BearerPartnerUser: [] }],
    });
  });

  it("names path parameters as the Altegio path does, and only those", () => {
    for (const { path, operation: op } of operations()) {
      if (op["x-altegio-docs"] !== "yclients-blueprint") continue;
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      expect(op.parameters?.filter((p) => p.in === "path").map((p) => p.name)).toEqual(inPath);
    }
    expect(operation("update_team_member").parameters).toEqual([
      {
        name: "location_id",
        in: "path",
        required: true,
        schema: { type: "number" },
        description: "Called `company_id` in the YCLIENTS blueprint.",
      },
      {
        name: "team_member_id",
        in: "path",
        required: true,
        schema: { type: "number" },
        description: "Called `staff_id` in the YCLIENTS blueprint.",
      },
    ]);
  });

  it("declares no Accept, Content-Type or Authorization header parameter", () => {
    for (const { operation: op } of operations()) {
      const headers = op.parameters?.filter((p) => p.in === "header").map((p) => p.name.toLowerCase()) ?? [];
      expect(headers.filter((h) => ["accept", "content-type", "authorization"].includes(h))).toEqual([]);
    }
  });

  it("declares each JSON response under both media types, pointing at one <slug>_<status> schema", () => {
    const create = operation("create_service") as {
      responses: Record<string, { content?: Record<string, unknown> }>;
    };
    const ref = { schema: { $ref: "#/components/schemas/create_service_201" } };
    expect(create.responses["201"]?.content).toEqual({
      "application/json": ref,
      "application/vnd.api.v2+json": ref,
    });
    for (const { operation: op } of operations()) {
      if (op["x-altegio-docs"] !== "yclients-blueprint") continue;
      for (const response of Object.values(
        op.responses as Record<string, { content?: Record<string, unknown> }>,
      )) {
        const content = response.content ?? {};
        if (!("application/json" in content)) continue;
        expect(content["application/vnd.api.v2+json"]).toEqual(content["application/json"]);
      }
    }
  });

  it("keeps the converter's error responses where the blueprint is silent, not its generic 200", async () => {
    const converted = await indexOnlyDocument(root);
    const error = { description: "Unauthorized" };
    const path = (converted.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)[
      "/services/{location_id}"
    ];
    if (path?.post === undefined) throw new Error("fixture has no create_service");
    path.post.responses["401"] = error;
    await enrichWithReport(converted, { root });
    expect(Object.keys(path.post.responses).sort()).toEqual(["201", "401"]);
    expect(path.post.responses["401"]).toEqual(error);
  });

  it("uses the partner token alone only where the blueprint's example does", () => {
    const partnerOnly = operations()
      .filter((o) => JSON.stringify(o.operation.security) === JSON.stringify([{ BearerPartner: [] }]))
      .map((o) => o.operation.operationId);
    // The blueprint shows `Authorization: Bearer partner_token` (no user) on these three only.
    expect(partnerOnly.sort()).toEqual([
      "delete_service_category",
      "get_service_category",
      "handle_fiscalization_callback",
    ]);
  });

  it("carries no Cyrillic text into the document", () => {
    const text = JSON.stringify(doc);
    const hits = [...text.matchAll(/[^"]{0,40}[\u0400-\u04FF][^"]{0,40}/g)].map((m) => m[0]);
    expect(hits).toEqual([]);
    expect(containsCyrillic(text)).toBe(false);
  });

  it("writes OpenAPI 3.0 schemas: no type arrays, nullable only beside a type", () => {
    const visit = (schema: Schema, where: string): void => {
      expect(Array.isArray(schema.type), where).toBe(false);
      if (schema.nullable === true) expect(schema.type, where).toBeDefined();
      for (const [key, property] of Object.entries(schema.properties ?? {}))
        visit(property, `${where}.${key}`);
      if (schema.items !== undefined) visit(schema.items, `${where}[]`);
    };
    for (const [name, schema] of Object.entries(schemas())) visit(schema, name);
  });

  it("gives examples that validate against their schemas (ajv), most responses having one", () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    let checked = 0;
    const visit = (schema: Schema, where: string): void => {
      for (const key of ["example", "default"] as const) {
        if (schema[key] === undefined) continue;
        const { example: _e, default: _d, ...bare } = schema;
        const valid = ajv.validate(bare, schema[key]);
        expect(valid, `${where} ${key}: ${ajv.errorsText()}`).toBe(true);
        checked++;
      }
      for (const [k, property] of Object.entries(schema.properties ?? {})) visit(property, `${where}.${k}`);
      if (schema.items !== undefined) visit(schema.items, `${where}[]`);
    };
    const generated = Object.entries(schemas()).filter(
      ([, s]) => s["x-altegio-docs"] === "yclients-blueprint",
    );
    for (const [name, schema] of generated) visit(schema, name);
    for (const { operation: op } of operations()) {
      for (const p of (op.parameters ?? []) as { schema?: Schema; name: string }[]) {
        if (p.schema !== undefined) visit(p.schema, `${String(op.operationId)} ${p.name}`);
      }
    }
    const withWholeExample = generated.filter(([, s]) => s.example !== undefined).length;
    console.log(
      `${checked} examples checked; ${withWholeExample} of ${generated.length} schemas have a whole example`,
    );
    expect(withWholeExample).toBeGreaterThanOrEqual(40);
  });

  it("refuses to overwrite a schema the document already has", async () => {
    const clash = await indexOnlyDocument(root);
    (clash.components as { schemas: Record<string, unknown> }).schemas.create_service_201 = {
      type: "object",
    };
    await expect(enrichWithReport(clash, { root })).rejects.toThrow("create_service_201 already exists");
  });
});
