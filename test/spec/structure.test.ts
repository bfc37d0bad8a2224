// openapi.yaml follows CONTRIBUTING.md's conventions and the vendor INDEX: version, servers, media
// types, security schemes, tags, index-only operations, shared envelope components.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { admittedTypes } from "./support/locate.js";
import { deref, docsOf, type Json, loadSpec, operations, ROOT, unwrapEnvelope } from "./support/openapi.js";

const spec = loadSpec();
const all = operations(spec);
const components = spec.components as Json;
const manifest = readFileSync(join(ROOT, "spec/reference/altegio-b2b-v1/manifest-all.tsv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((row) => row.split("\t"));
const index = readFileSync(join(ROOT, "spec/reference/altegio-b2b-v1/INDEX.md"), "utf8");

describe("openapi.yaml structure", () => {
  it("is OpenAPI 3.0.3 with the production and vendor mock servers and the v2 media type", () => {
    expect(spec.openapi).toBe("3.0.3");
    expect((spec.servers as Json[]).map((s) => s.url)).toEqual([
      "https://api.alteg.io/api/v1",
      "https://developer.alteg.io/_mock/en/b2b-v1/openapi",
    ]);
    expect(spec["x-altegio-media-type"]).toBe("application/vnd.api.v2+json");
  });

  it("declares the four security schemes of INDEX.md", () => {
    expect(components.securitySchemes).toEqual({
      bearer: { type: "apiKey", in: "header", name: "Authorization" },
      user: { type: "apiKey", in: "header", name: "Authorization" },
      BearerPartner: { type: "http", scheme: "bearer", bearerFormat: "Bearer {PartnerToken}" },
      BearerPartnerUser: {
        type: "http",
        scheme: "bearer",
        bearerFormat: "Bearer {PartnerToken}, User {UserToken}",
      },
    });
    expect(index).toContain("Bearer Format: Bearer {PartnerToken}, User {UserToken}");
  });

  it("has the 27 INDEX tags, named by their slug, described as in INDEX.md (and online-booking, from evidence)", () => {
    // online-booking: the public booking API, outside the index (scripts/lib/spec/evidence-operations.ts).
    const tags = (spec.tags as Json[]).filter((t) => t.name !== "online-booking");
    expect(tags).toHaveLength(27);
    const booking = (spec.tags as Json[]).find((t) => t.name === "online-booking");
    expect(booking?.description).toMatch(/not in Altegio's index/);
    expect(all.filter((e) => (e.operation.tags as string[])[0] === "online-booking").length).toBeGreaterThan(
      0,
    );
    for (const tag of tags) {
      expect(index).toContain(`## ${String(tag["x-displayName"])}\n\n${String(tag.description)}\n`);
      expect(all.some((e) => (e.operation.tags as string[])[0] === tag.name)).toBe(true);
    }
  });

  it("gives every operation exactly one of the two operation schemes and its x-altegio-docs sources", () => {
    // ["evidence", "yclients-blueprint"]: outside the vendor's index, called in production (hooks_settings).
    const known = [
      ["catalog"],
      ["catalog", "page"],
      ["catalog", "yclients-blueprint"],
      ["evidence", "yclients-blueprint"],
    ].map((s) => s.join());
    for (const { operation } of all) {
      const security = operation.security as Json[];
      expect(security, String(operation.operationId)).toHaveLength(1);
      expect(["BearerPartner", "BearerPartnerUser"]).toContain(Object.keys(security[0] ?? {})[0]);
      expect(known, String(operation.operationId)).toContain(docsOf(operation).join());
    }
  });

  it("never emits Accept, Content-Type or Authorization as parameters", () => {
    const transport = all.flatMap(({ operation }) =>
      ((operation.parameters ?? []) as Json[]).filter((p) =>
        ["accept", "content-type", "conetnt-type", "authorization"].includes(String(p.name).toLowerCase()),
      ),
    );
    expect(transport).toEqual([]);
  });

  it("declares every response body under application/json and application/vnd.api.v2+json, one $ref", () => {
    let bodies = 0;
    // Blueprint-derived operations are the blueprint module's (they may answer application/pdf).
    for (const { operation } of all.filter((e) => !docsOf(e.operation).includes("yclients-blueprint"))) {
      for (const [status, response] of Object.entries(operation.responses as Json)) {
        const content = (response as Json).content as Json | undefined;
        if (!content) {
          expect(status, String(operation.operationId)).toBe("204");
          continue;
        }
        bodies++;
        expect(Object.keys(content).sort()).toEqual(["application/json", "application/vnd.api.v2+json"]);
        const [json, v2] = [
          content["application/json"] as Json,
          content["application/vnd.api.v2+json"] as Json,
        ];
        expect((json.schema as Json).$ref, String(operation.operationId)).toMatch(
          /^#\/components\/schemas\//,
        );
        expect(v2.schema).toEqual(json.schema);
      }
    }
    expect(bodies).toBeGreaterThan(800);
  });

  it("marks the operations with no page (manifest page=no) as from the catalog, or catalog and blueprint", () => {
    const noPage = manifest.filter((row) => row[4] === "no").map((row) => row[1] ?? "");
    expect(noPage).toHaveLength(89);
    for (const slug of noPage) {
      const entry = all.find((e) => e.operation.operationId === slug);
      expect(entry, slug).toBeDefined();
      const docs = docsOf(entry?.operation).join();
      if (slug === "send_sms_campaign_to_filtered_clients") {
        expect(docs).toBe("catalog,page");
        expect(entry?.operation["x-altegio-source"]).toMatch(/^seed: spec\/seeds\/000_a83c03cb8f062dda\.txt/);
        continue;
      }
      expect(["catalog", "catalog,yclients-blueprint"]).toContain(docs);
      // Path parameters of the template are declared.
      const declared = ((entry?.operation.parameters ?? []) as Json[])
        .filter((p) => p.in === "path")
        .map((p) => p.name);
      const template = [...(entry?.path ?? "").matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      expect(declared.sort(), slug).toEqual(template.sort());
    }
  });

  it("has no index-only operation left: what INDEX.md alone gave, the vendor catalog now gives", () => {
    expect(
      all.filter((e) => docsOf(e.operation).includes("index-only")).map((e) => e.operation.operationId),
    ).toEqual([]);
    // Those with no page and no blueprint pairing (the 39 index-only ones before) now come from the catalog alone.
    const noPage = new Set(manifest.filter((row) => row[4] === "no").map((row) => row[1]));
    const catalogOnly = all.filter(
      (e) => docsOf(e.operation).join() === "catalog" && noPage.has(String(e.operation.operationId)),
    );
    expect(catalogOnly).toHaveLength(39);
  });

  it("the seeded SMS by_filter operation has the seed's filters, text body and 201 Accepted", () => {
    const sms = all.find((e) => e.operation.operationId === "send_sms_campaign_to_filtered_clients");
    expect(sms?.path).toBe("/sms/clients/by_filter/{location_id}");
    const names = ((sms?.operation.parameters ?? []) as Json[]).map(
      (p) => `${String(p.in)}:${String(p.name)}`,
    );
    expect(names).toEqual(["path:location_id", "query:fullname", "query:phone", "query:email", "query:card"]);
    const body = (components.schemas as Json).send_sms_campaign_to_filtered_clients_request as Json;
    expect(Object.keys(body.properties as Json)).toEqual(["text"]);
    const created = unwrapEnvelope(
      (components.schemas as Json).send_sms_campaign_to_filtered_clients_201 as Json,
    );
    expect(((created.properties as Json).meta as Json).example).toEqual({ message: "Accepted" });
  });

  it("has the shared envelope and error components", () => {
    const schemas = components.schemas as Json;
    for (const name of ["Envelope", "Meta", "ErrorEnvelope", "ErrorsEnvelope"])
      expect(schemas[name], name).toBeDefined();
    // The standard 401 body of most pages is one shared component.
    const shared = all.filter(({ operation }) => {
      const unauthorized = (operation.responses as Json)["401"] as Json | undefined;
      const json = (unauthorized?.content as Json | undefined)?.["application/json"] as Json | undefined;
      return (json?.schema as Json | undefined)?.$ref === "#/components/schemas/Error401";
    });
    expect(shared.length).toBeGreaterThan(100);
  });

  it("wrapping a page body in a shared envelope never narrows the type of one of its fields", () => {
    const narrowed: string[] = [];
    let wrapped = 0;
    for (const [name, schema] of Object.entries(components.schemas as Json)) {
      const parts = (schema as Json).allOf as Json[] | undefined;
      if (!parts || unwrapEnvelope(schema as Json) === schema) continue;
      wrapped++;
      const envelope = deref(spec, parts[0]);
      for (const [key, field] of Object.entries((unwrapEnvelope(schema as Json).properties ?? {}) as Json)) {
        const shared = (envelope.properties as Json)[key] as Json | undefined;
        const allowed = shared && admittedTypes(spec, shared);
        if (!shared) narrowed.push(`${name}.${key}: not in the envelope`);
        if (!allowed) continue;
        const own = admittedTypes(spec, field as Json);
        if (!own || [...own].some((t) => !allowed.has(t))) narrowed.push(`${name}.${key}`);
      }
    }
    expect(wrapped).toBeGreaterThan(100);
    expect(narrowed).toEqual([]);
  });
});
