// The vendor catalog (spec/reference/vendor-catalog), read independently of the converter, is found
// in openapi.yaml: every v1 operation with the catalog's security, parameters and success status.
// Where openapi.yaml says otherwise, the case is a recorded disagreement. Prints the figures.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CATALOG_FILE,
  catalogCompatible,
  catalogTypes,
  catalogV1,
  checkFields,
  recordedDisagreements,
  schemeOf,
  specOperations,
} from "./support/catalog.js";
import { catalogFigures } from "./support/catalog-figures.js";
import { type Json, loadSpec, ROOT } from "./support/openapi.js";

const spec = loadSpec();
const catalog = catalogV1();
const byId = specOperations(spec);
const recorded = recordedDisagreements();
const isKept = (kind: string, operationId: string, where: string): boolean =>
  recorded.some(
    (r) => r.kind === kind && r.operationId === operationId && r.where === where && r.resolution === "kept",
  );

describe("the vendor catalog in openapi.yaml", () => {
  it("is a verbatim copy of altegio/altegio-pro-mcp@419bd59 src/generated/catalog.json, recorded in the provenance", () => {
    const provenance = JSON.parse(readFileSync(join(ROOT, "spec/provenance.json"), "utf8")) as Json;
    const sha256 = createHash("sha256").update(readFileSync(CATALOG_FILE)).digest("hex");
    expect(sha256).toBe("eda8426528dfb66df68112a5ccda9308a20880916fa56e0969fce636c127aba3");
    expect(provenance.catalog).toEqual({
      repository: "altegio/altegio-pro-mcp",
      commit: "419bd5956def6ef6256511fc413b756cbdccdce4",
      path: "src/generated/catalog.json",
      file: "spec/reference/vendor-catalog/catalog.json",
      sha256,
    });
    expect(catalog).toHaveLength(263);
  });

  it("prints the figures", () => {
    const f = catalogFigures(spec, catalog);
    console.log(
      [
        `catalog operations in openapi.yaml: ${f.operations.join(" / ")}`,
        `security agreeing: ${f.security.join(" / ")}`,
        `parameters found: ${f.parameters.found} / ${f.parameters.total}, agreeing ${f.parameters.agreeing}`,
        `request fields found: ${f.request.found} / ${f.request.total}, type-compatible ${f.request.compatible}`,
        `response fields found: ${f.response.found} / ${f.response.total}, type-compatible ${f.response.compatible}`,
        `success statuses agreeing: ${f.statuses.join(" / ")}`,
        `envelopes agreeing: ${f.envelopes.join(" / ")}`,
        `x-altegio-docs: ${JSON.stringify(f.sources)}`,
      ].join("\n"),
    );
    expect(f.operations[0]).toBe(f.operations[1]);
  });

  it("has every v1 operation, on the catalog's method and path", () => {
    const wrong = catalog.flatMap((c) => {
      const entry = byId.get(c.operationId);
      if (!entry) return [`${c.operationId}: missing`];
      // The partner's own endpoint (fiscalize_document) is a callback of print_fiscal_receipt.
      if (entry.via === "callback") return [];
      // A recorded path merge (get_tag_list_by_entity) keeps the documented path beside the merged one.
      const documented = entry.operation["x-altegio-documented-path"] ?? entry.path;
      return entry.method === c.method.toLowerCase() && (entry.path === c.path || documented === c.path)
        ? []
        : [`${c.operationId}: ${entry.method} ${entry.path}`];
    });
    expect(wrong).toEqual([]);
  });

  it("sends the catalog's security scheme (POST /auth, which names none, keeps the partner token)", () => {
    const wrong = catalog.flatMap((c) => {
      const scheme = c.security?.schemes?.[0];
      const actual = schemeOf(byId.get(c.operationId)?.operation ?? {});
      if (scheme === undefined) return isKept("security", c.operationId, "security") ? [] : [c.operationId];
      return actual === scheme ? [] : [`${c.operationId}: ${actual} (catalog ${scheme})`];
    });
    expect(wrong).toEqual([]);
  });

  it("has every catalog parameter with its location, required-ness and a compatible type", () => {
    const wrong: string[] = [];
    for (const c of catalog) {
      const parameters = (byId.get(c.operationId)?.operation.parameters ?? []) as Json[];
      for (const p of c.parameters ?? []) {
        const at = `${c.operationId} ${p.in}:${p.name}`;
        const found = parameters.find(
          (x) => x.in === p.in && (x.name === p.name || x["x-altegio-documented-name"] === p.name),
        );
        if (!found) wrong.push(`${at}: missing`);
        else if ((found.required === true) !== (p.required === true || p.in === "path"))
          wrong.push(`${at}: required ${String(found.required)}`);
        else if (!catalogCompatible(spec, found.schema as Json, catalogTypes(p.schema ?? {})))
          wrong.push(`${at}: type`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("answers with the catalog's success status (a page's other success statuses stay beside it)", () => {
    const wrong = catalog.flatMap((c) => {
      const operation = byId.get(c.operationId)?.operation ?? {};
      const success = Object.keys((operation.responses ?? {}) as Json).filter((s) => s.startsWith("2"));
      if (!success.includes(c.response.statusCode)) return [`${c.operationId}: ${success.join(",")}`];
      const fromPage = ((operation["x-altegio-docs"] ?? []) as string[]).includes("page");
      return success.length === 1 || fromPage ? [] : [`${c.operationId}: also ${success.join(",")}`];
    });
    expect(wrong).toEqual([]);
    // A 204 has no body, unless a vendor page documents one (its fields stay).
    for (const c of catalog.filter((x) => x.response.statusCode === "204")) {
      const operation = byId.get(c.operationId)?.operation ?? {};
      if (((operation["x-altegio-docs"] ?? []) as string[]).includes("page")) continue;
      expect(((operation.responses as Json)["204"] as Json).content, c.operationId).toBeUndefined();
    }
  });

  it("has every field the catalog keeps, with a compatible type, or the case is a recorded choice", () => {
    const fields = checkFields(spec, catalog);
    // A field the catalog's word was kept from (a `kept` row of the report), or one the overlay
    // re-typed with a stated reason (evidence outranks the catalog).
    const kept = (operationId: string, section: string, name: string): boolean =>
      recorded.some(
        (r) =>
          r.operationId === operationId &&
          r.kind.startsWith("field") &&
          r.resolution === "kept" &&
          r.where.startsWith(section) &&
          r.where.endsWith(`: ${name}`),
      );
    const wrong = fields
      .filter((f) => !f.found || !f.compatible)
      .filter((f) => !kept(f.operationId, f.section, f.field.name))
      .filter((f) => !(f.schema?.["x-altegio-choice"] || f.schema?.["x-altegio-evidence"]))
      .map((f) => `${f.operationId} ${f.section}: ${f.field.name} (${f.found ? "type" : "missing"})`);
    expect(fields.length).toBeGreaterThan(4000);
    expect(wrong).toEqual([]);
  });

  it("lists every disagreement it resolved, with a kind, a source and a resolution", () => {
    expect(recorded.length).toBeGreaterThan(0);
    for (const r of recorded) {
      expect(r.operationId, JSON.stringify(r)).not.toBe("");
      expect(["catalog", "kept", "both"], JSON.stringify(r)).toContain(r.resolution);
      expect(["page", "yclients-blueprint", "index-only", "overlay", "none"], JSON.stringify(r)).toContain(
        r.source,
      );
    }
    // The three operations the vendor added after the pages were copied.
    expect(
      recorded
        .filter((r) => r.kind === "operation-missing")
        .map((r) => r.operationId)
        .sort(),
    ).toEqual([
      "get_client_membership_activity_history",
      "update_appointment_attendance",
      "upload_client_file",
    ]);
  });
});
