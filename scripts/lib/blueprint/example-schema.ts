import type { Schema } from "./schema.js";

/**
 * A schema that describes a JSON example: types only, nothing required (one example cannot
 * tell which fields are optional). Used where the blueprint gives a response body but no
 * MSON attributes.
 */
export function schemaFromExample(value: unknown): Schema {
  return withoutUntypedNullable(describe(value));
}

function describe(value: unknown): Schema {
  if (value === null) return { nullable: true };
  if (Array.isArray(value)) return { type: "array", items: merge(value.map(describe)) };
  switch (typeof value) {
    case "string":
      return { type: "string" };
    case "number":
      return { type: "number" };
    case "boolean":
      return { type: "boolean" };
    case "object": {
      const properties: Record<string, Schema> = {};
      for (const [key, item] of Object.entries(value)) properties[key] = describe(item);
      return { type: "object", properties };
    }
    default:
      return {};
  }
}

// Array items seen in one example: objects are merged field by field; a null next to a typed
// value makes it nullable; values of different types give an open schema, not a wrong one.
function merge(schemas: Schema[]): Schema {
  const typed = schemas.filter((s) => s.type !== undefined);
  const sawNull = schemas.some((s) => s.nullable === true);
  const [first, ...rest] = typed;
  if (first === undefined) return sawNull ? { nullable: true } : {};
  if (rest.some((s) => s.type !== first.type)) return {};
  const merged = mergeSameType(first, typed);
  return sawNull || typed.some((s) => s.nullable === true) ? { ...merged, nullable: true } : merged;
}

function mergeSameType(first: Schema, typed: Schema[]): Schema {
  if (first.type === "array") return { type: "array", items: merge(typed.flatMap((s) => s.items ?? [])) };
  if (first.type !== "object") return { type: first.type } as Schema;
  const byKey = new Map<string, Schema[]>();
  for (const schema of typed) {
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      byKey.set(key, [...(byKey.get(key) ?? []), property]);
    }
  }
  const properties: Record<string, Schema> = {};
  for (const [key, variants] of byKey) properties[key] = merge(variants);
  return { type: "object", properties };
}

// OpenAPI 3.0 `nullable` only adds null to a declared type; a value only ever seen as null
// gets an open schema instead.
function withoutUntypedNullable(schema: Schema): Schema {
  const { nullable, properties, items, ...rest } = schema;
  const result: Schema = { ...rest };
  if (nullable === true && schema.type !== undefined) result.nullable = true;
  if (items !== undefined) result.items = withoutUntypedNullable(items);
  if (properties !== undefined) {
    result.properties = Object.fromEntries(
      Object.entries(properties).map(([key, property]) => [key, withoutUntypedNullable(property)]),
    );
  }
  return result;
}
