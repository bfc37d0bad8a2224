// Examples: every `example` in openapi.yaml validates against its own schema, and every vendor
// `Example:` on the pages validates against the field's schema, unless the overlay recorded a choice
// (`x-altegio-vendor-example` on the schema keeps the vendor's value it replaced).
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { locate, TRANSPORT_HEADERS } from "./support/locate.js";
import { examplesIn, loadSpec, operations, SchemaValidator } from "./support/openapi.js";
import { readVendorPage, vendorPageFiles } from "./support/vendor-pages.js";

const spec = loadSpec();
const validator = new SchemaValidator(spec);

describe("examples", () => {
  it("every example in openapi.yaml validates against its schema", () => {
    const sites = examplesIn(spec);
    const invalid = sites.flatMap((site) => {
      const error = validator.check(site.schema, site.example);
      return error ? [`${site.where}: ${error}`] : [];
    });
    console.log(`examples in openapi.yaml valid: ${sites.length - invalid.length} / ${sites.length}`);
    expect(sites.length).toBeGreaterThan(2000);
    expect(invalid).toEqual([]);
  });

  it("every vendor example validates against its field's schema, or is a recorded overlay choice", () => {
    const byId = new Map(
      operations(spec).map((entry) => [String(entry.operation.operationId), entry.operation]),
    );
    let total = 0;
    let valid = 0;
    let recorded = 0;
    const invalid: string[] = [];
    for (const file of vendorPageFiles()) {
      const page = readVendorPage(file.tag, file.slug, file.file);
      for (const field of page.fields) {
        if (field.example === undefined || TRANSPORT_HEADERS.has(field.name.toLowerCase())) continue;
        total++;
        const at = `${file.tag}/${file.slug}.md:${field.line} ${field.name}`;
        const found = locate(spec, byId.get(page.slug) ?? {}, field);
        if (!found) {
          invalid.push(`${at}: field not in openapi.yaml`);
          continue;
        }
        const error = validator.check(found.schema, field.example);
        if (!error) {
          valid++;
          continue;
        }
        const holder = found.parameter ?? found.schema;
        if (
          "x-altegio-vendor-example" in holder &&
          isDeepStrictEqual(holder["x-altegio-vendor-example"], field.example)
        ) {
          recorded++;
          continue;
        }
        invalid.push(`${at}: ${error}`);
      }
    }
    console.log(
      `vendor examples valid: ${valid} / ${total}; recorded overlay choices: ${recorded}; invalid: ${invalid.length}`,
    );
    expect(invalid).toEqual([]);
    expect(valid + recorded).toBe(total);
  });

  it("fields typed (object,array), (any) or (x,null) accept payloads of every documented shape", () => {
    const byId = new Map(
      operations(spec).map((entry) => [String(entry.operation.operationId), entry.operation]),
    );
    const samples: Record<string, unknown[]> = {
      object: [{}],
      array: [[]],
      string: ["s"],
      number: [1.5],
      integer: [2],
      boolean: [true],
      null: [null],
      any: [{}, [], "s", 1, true, null],
    };
    let checked = 0;
    const rejected: string[] = [];
    for (const file of vendorPageFiles()) {
      const page = readVendorPage(file.tag, file.slug, file.file);
      for (const field of page.fields) {
        if (field.types.length < 2 && field.types[0] !== "any" && field.types[0] !== "null") continue;
        const found = locate(spec, byId.get(page.slug) ?? {}, field);
        if (!found || "x-altegio-vendor-type" in found.schema) continue;
        // Properties documented under the field would reject an empty object/array only if required.
        // An enum restricts the non-null values on purpose; only null is sampled then.
        for (const type of found.schema.enum ? field.types.filter((t) => t === "null") : field.types) {
          for (const value of samples[type] ?? []) {
            checked++;
            const error = validator.check({ ...found.schema, required: undefined }, value);
            if (error)
              rejected.push(
                `${file.slug} ${field.name} (${field.types.join(",")}) rejects ${JSON.stringify(value)}: ${error}`,
              );
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(rejected).toEqual([]);
  });
});
