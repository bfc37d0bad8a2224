// Catalog schemas are JSON Schema (type lists with "null", oneOf, x-truncated); openapi.yaml is
// OpenAPI 3.0.3. Conversion keeps the structure and the constraints, and marks what was cut.
import type { CatalogSchema } from "./read.js";

export type Schema = Record<string, unknown>;

/** Keywords carried over as they are (structure keywords are converted below). */
const KEPT = [
  "description",
  "format",
  "enum",
  "default",
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "uniqueItems",
  "deprecated",
  "required",
];

/** The JSON types a catalog node declares, in order ([] when it declares none). */
export function typesOf(schema: CatalogSchema | undefined): string[] {
  const type = schema?.type;
  if (typeof type === "string") return [type];
  return Array.isArray(type) ? type.map(String) : [];
}

export const isTruncated = (schema: CatalogSchema | undefined): boolean => schema?.["x-truncated"] === true;

/** OpenAPI 3.0.3 form of a catalog schema, at every depth. */
export function toOpenApi(schema: CatalogSchema): Schema {
  const out: Schema = {};
  for (const key of KEPT) if (schema[key] !== undefined) out[key] = schema[key];
  Object.assign(out, typeKeywords(typesOf(schema)));
  if (schema.properties && typeof schema.properties === "object") {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties as Record<string, CatalogSchema>).map(([k, v]) => [k, toOpenApi(v)]),
    );
  }
  if (schema.items && typeof schema.items === "object") out.items = toOpenApi(schema.items as CatalogSchema);
  else if (out.type === "array") out.items = {};
  if (typeof schema.additionalProperties === "object")
    out.additionalProperties = toOpenApi(schema.additionalProperties as CatalogSchema);
  else if (typeof schema.additionalProperties === "boolean")
    out.additionalProperties = schema.additionalProperties;
  // 3.0.3 has oneOf, but a catalog oneOf of overlapping branches would reject valid payloads
  // (the page converter makes the same choice for "— one of:").
  for (const key of ["anyOf", "oneOf"]) {
    const branches = schema[key] as CatalogSchema[] | undefined;
    if (branches) out.anyOf = [...((out.anyOf as Schema[]) ?? []), ...branches.map(toOpenApi)];
  }
  if (Array.isArray(schema.allOf)) out.allOf = (schema.allOf as CatalogSchema[]).map(toOpenApi);
  if (isTruncated(schema)) out["x-altegio-truncated"] = true;
  if (schema["x-depth-limited"] !== undefined) out["x-altegio-truncated"] = true;
  return out;
}

/**
 * `type` (+ `nullable`) for a type list: one type, or a type and null, map directly; several
 * non-null types become anyOf branches; `null` alone becomes an untyped node.
 */
export function typeKeywords(types: string[]): Schema {
  const nonNull = types.filter((t) => t !== "null");
  const nullable = types.includes("null") ? { nullable: true } : {};
  // 3.0.3 has no null type: `null` alone leaves the node untyped (the converter's choice for `(null)`).
  if (nonNull.length === 0) return types.length === 0 ? {} : { "x-altegio-type": "null" };
  if (nonNull.length === 1) return { type: nonNull[0], ...nullable };
  // `nullable` needs a `type` beside it, so it goes on each branch.
  return { anyOf: nonNull.map((t) => ({ type: t, ...(t === "array" ? { items: {} } : {}), ...nullable })) };
}
