// The catalog decides each operation's path and query parameters: name, location, required-ness
// and type. Page parameters it does not list stay (every page parameter is kept); others go.
import type { Disagreement, OtherSource } from "./disagreements.js";
import type { CatalogEntry, CatalogParameter } from "./read.js";
import { retype } from "./retype.js";
import { type Schema, toOpenApi, typesOf } from "./schema.js";
import { compatible, describeTypes, type Schemas, valueFits } from "./types.js";

export function applyParameters(
  operation: Schema,
  entry: CatalogEntry,
  source: OtherSource,
  schemas: Schemas,
  record: (d: Omit<Disagreement, "operationId" | "source">) => void,
): void {
  const parameters = ((operation.parameters ?? []) as Schema[]).slice();
  const matched = new Set<Schema>();
  for (const wanted of entry.parameters ?? []) {
    const where = `${wanted.in}:${wanted.name}`;
    const found = parameters.find(
      (p) => p.in === wanted.in && (p.name === wanted.name || p["x-altegio-documented-name"] === wanted.name),
    );
    if (!found) {
      parameters.push(catalogParameter(wanted));
      record({
        kind: "parameter-missing",
        where,
        catalog: describe(wanted),
        other: "absent",
        resolution: "catalog",
      });
      continue;
    }
    matched.add(found);
    const required = wanted.in === "path" || wanted.required === true;
    if (wanted.in !== "path" && (found.required === true) !== required) {
      record({
        kind: "parameter-required",
        where,
        catalog: String(required),
        other: String(found.required === true),
        resolution: "catalog",
      });
      if (source === "page") found["x-altegio-page-required"] = found.required === true;
      if (required) found.required = true;
      else delete found.required;
    }
    const types = typesOf(wanted.schema);
    if (!compatible(schemas, found.schema as Schema, types)) {
      const before = describeTypes(schemas, found.schema as Schema);
      record({
        kind: "parameter-type",
        where,
        catalog: types.join(","),
        other: before,
        resolution: "catalog",
      });
      found.schema = retype(found.schema as Schema, types, source === "page" ? before : undefined);
      if (found.example !== undefined && !valueFits(found.example, types)) {
        found["x-altegio-page-example"] = found.example;
        delete found.example;
      }
    }
  }
  const kept = parameters.filter((p) => {
    if (matched.has(p) || !parameters.includes(p) || p.in === "header") return true;
    if ((entry.parameters ?? []).some((w) => w.in === p.in && w.name === p.name)) return true;
    const page = source === "page";
    record({
      kind: "parameter-extra",
      where: `${String(p.in)}:${String(p.name)}`,
      catalog: "absent",
      other: describeTypes(schemas, p.schema as Schema),
      resolution: page ? "kept" : "catalog",
      ...(page ? { note: "every parameter of a vendor page stays" } : {}),
    });
    return page;
  });
  if (kept.length > 0) operation.parameters = kept;
  else delete operation.parameters;
}

function describe(p: CatalogParameter): string {
  return `${typesOf(p.schema).join(",") || "any"}${p.required || p.in === "path" ? ", required" : ""}`;
}

export function catalogParameter(p: CatalogParameter): Schema {
  const out: Schema = { name: p.name, in: p.in };
  if (p.description) out.description = p.description;
  if (p.in === "path" || p.required) out.required = true;
  out.schema = p.schema ? toOpenApi(p.schema) : {};
  return out;
}
