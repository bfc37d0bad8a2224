// Every vendor page, read independently of the converter, is found in openapi.yaml: its operation
// (method, path, operationId, tag, security) and every parameter and field, with a compatible type
// and the same required-ness. Prints the coverage figures.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isRecorded, recordedDisagreements } from "./support/catalog.js";
import { admittedTypes, locate, TRANSPORT_HEADERS, typesCompatible } from "./support/locate.js";
import { docsOf, type Json, loadSpec, operations, ROOT } from "./support/openapi.js";
import { readVendorPage, vendorPageFiles } from "./support/vendor-pages.js";

const spec = loadSpec();
const byId = new Map(operations(spec).map((entry) => [String(entry.operation.operationId), entry]));
/** Where the vendor catalog overrode a page (spec/reference/catalog-disagreements.tsv). */
const overrides = recordedDisagreements().filter((d) => d.source === "page");
const pages = vendorPageFiles().map((f) => readVendorPage(f.tag, f.slug, f.file));
const operationRows = readFileSync(join(ROOT, "spec/reference/altegio-b2b-v1/operations.tsv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((row) => row.split("\t"));

/** The path as documented; differs from the path key only for a recorded choice (PATH_MERGES, overlay). */
const documentedPath = (entry: { path: string; operation: Json }): string =>
  String(entry.operation["x-altegio-documented-path"] ?? entry.path);

describe("vendor pages in openapi.yaml", () => {
  it("has all 260 operations of operations.tsv, with method, path, tag and summary", () => {
    expect(operationRows).toHaveLength(260);
    const missing = operationRows.filter(([tag, title, method, path, slug]) => {
      const entry = byId.get(slug ?? "");
      return (
        !entry ||
        entry.operation.summary !== title ||
        (entry.operation.tags as string[])[0] !== tag ||
        (entry.via === "path" && (entry.method !== method?.toLowerCase() || documentedPath(entry) !== path))
      );
    });
    console.log(`operations covered: ${260 - missing.length} / 260`);
    expect(missing.map((r) => r[4])).toEqual([]);
  });

  it("has each page's operation with the page's Endpoint and Security", () => {
    const wrong: string[] = [];
    for (const page of pages) {
      const entry = byId.get(page.slug);
      if (!entry) {
        wrong.push(`${page.slug}: missing`);
        continue;
      }
      if (entry.via === "path" && (entry.method !== page.method || documentedPath(entry) !== page.path))
        wrong.push(`${page.slug}: endpoint`);
      const scheme = Object.keys(((entry.operation.security as Json[]) ?? [])[0] ?? {})[0];
      // The catalog's scheme wins over the page's only where the override is recorded.
      const recorded = isRecorded(overrides, { kind: "security", operationId: page.slug, where: "security" });
      if (scheme !== (page.security ?? "BearerPartner") && !recorded)
        wrong.push(`${page.slug}: security ${scheme}`);
      if (!docsOf(entry.operation).includes("page")) wrong.push(`${page.slug}: x-altegio-docs`);
      for (const status of page.statuses) {
        if (!(entry.operation.responses as Json)[status]) wrong.push(`${page.slug}: response ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("has every parameter and field of every page, with a compatible type and required-ness", () => {
    let total = 0;
    let present = 0;
    let transport = 0;
    const problems: string[] = [];
    for (const page of pages) {
      const entry = byId.get(page.slug);
      for (const field of page.fields) {
        total++;
        const at = `${page.tag}/${page.slug}.md:${field.line} ${field.section} ${field.name}`;
        if (
          (field.section === "header" || field.section === "query") &&
          TRANSPORT_HEADERS.has(field.name.toLowerCase())
        ) {
          transport++; // never parameters, by convention
          if (locate(spec, entry?.operation ?? {}, field)) problems.push(`${at}: transport header emitted`);
          continue;
        }
        const found = entry && locate(spec, entry.operation, field);
        if (!found) {
          problems.push(`${at}: not found`);
          continue;
        }
        present++;
        const vendorType = found.schema["x-altegio-vendor-type"];
        if (!typesCompatible(spec, found.schema, field.types) && vendorType !== field.types.join(",")) {
          problems.push(
            `${at}: (${field.types.join(",")}) vs ${JSON.stringify([...(admittedTypes(spec, found.schema) ?? [])])}`,
          );
        }
        const required = found.parameter
          ? found.parameter.required === true &&
            (field.section !== "path" || found.parameter["x-altegio-required"] !== false)
          : (found.required ?? ((found.holder?.required ?? []) as string[]).includes(found.key ?? ""));
        const choice = (found.parameter ?? found.schema)["x-altegio-vendor-required"];
        if (
          required !== field.required &&
          choice !== field.required &&
          !(field.section === "path" && required)
        ) {
          problems.push(`${at}: required ${field.required} vs ${required}`);
        }
      }
    }
    console.log(
      `fields present: ${present} / ${total - transport} (plus ${transport} Accept/Content-Type/Authorization entries, never parameters)`,
    );
    expect(problems).toEqual([]);
    expect(present).toBe(total - transport);
  });

  it("keeps each field's vendor enum", () => {
    // Spot checks of the three enum forms: literal list, `same as`, and an enum on an array's items.
    const comer = locate(spec, byId.get("search_client_visits")?.operation ?? {}, {
      section: "200",
      name: "data.records.comer.slug",
      types: ["string"],
      required: false,
      line: 0,
    });
    expect(comer?.schema.enum).toEqual(["person", "pet", "vehicle"]);
    const sameAs = locate(spec, byId.get("search_client_visits")?.operation ?? {}, {
      section: "200",
      name: "data.goods_transactions.goods.payment_status",
      types: ["string"],
      required: false,
      line: 0,
    });
    expect(sameAs?.schema.enum).toEqual(["not_paid", "paid_not_full", "paid_full", "paid_over"]);
  });

  it("keeps every literal vendor enum (on the field, or on its items for arrays)", () => {
    let enums = 0;
    const missing: string[] = [];
    for (const page of pages) {
      const entry = byId.get(page.slug);
      for (const field of page.fields.filter((f) => f.enum)) {
        enums++;
        const found = entry && locate(spec, entry.operation, field);
        const schema = found?.schema ?? {};
        const declared = (schema.enum ?? (schema.items as Json | undefined)?.enum ?? []) as unknown[];
        const lost = (field.enum ?? []).filter((v) => !declared.includes(v));
        if (lost.length > 0) missing.push(`${page.slug} ${field.name}: ${JSON.stringify(lost)}`);
      }
    }
    expect(enums).toBeGreaterThan(60);
    expect(missing).toEqual([]);
  });

  it("describes each operation with its page's description, tables kept, and flags deprecated titles", () => {
    const wrong: string[] = [];
    for (const page of pages) {
      const text = readFileSync(page.file, "utf8");
      const description = text.slice(text.indexOf("\n") + 1, text.indexOf("\nEndpoint: ")).trim();
      const operation = byId.get(page.slug)?.operation ?? {};
      if (description !== "" && operation.description !== description) wrong.push(page.slug);
    }
    expect(wrong).toEqual([]);
    // Blueprint-derived operations are rebuilt by the blueprint module (not checked here).
    for (const [, title, , , slug] of operationRows) {
      const operation = byId.get(slug ?? "")?.operation;
      if (docsOf(operation).includes("yclients-blueprint")) continue;
      expect(operation?.deprecated === true, slug).toBe(/\(deprecated\)/i.test(title ?? ""));
    }
  });
});
