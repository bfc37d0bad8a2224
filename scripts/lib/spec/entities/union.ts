// The union of two OpenAPI 3.0.3 schemas of the same thing, as two vendor pages document it: every
// property of either (merged recursively), each value's type the union of both (`anyOf` when they
// differ, `integer` widened to `number`), required only what both require, nullable if either says so.
// Descriptions and examples: the first page's win, the second fills gaps. Where the two pages give a
// field different types, the result records them in `x-altegio-types` (what each page said).
import { isDeepStrictEqual } from "node:util";
import type { Schema } from "../schema-builder.js";

/** Keys that describe a value's shape; everything else (description, example, x-*) is annotation. */
const SHAPE = new Set([
  "type",
  "properties",
  "items",
  "anyOf",
  "oneOf",
  "allOf",
  "$ref",
  "required",
  "additionalProperties",
  "enum",
  "nullable",
  "format",
  "title",
  ...["maxItems", "minItems", "maxLength", "minLength", "maximum", "minimum"],
]);

// A bound holds for the union only where both pages set it, and then the looser one: PHP's empty
// array (`maxItems: 0`) stays `[]` only, unless another page documents a real list there.
const UPPER = ["maxItems", "maxLength", "maximum"] as const;
const LOWER = ["minItems", "minLength", "minimum"] as const;

/** The kind a schema is merged by: its type (`integer` counts as `number`), a `$ref`, or `any`. */
export function kindOf(schema: Schema): string {
  if (typeof schema.$ref === "string") return `ref:${schema.$ref}`;
  if (typeof schema.type === "string") return schema.type === "integer" ? "number" : schema.type;
  if (Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf) || Array.isArray(schema.allOf))
    return "composite";
  // No type: every value is admitted (`(any)`); properties or items only constrain objects or arrays.
  return "any";
}

/**
 * The alternatives a schema admits: its anyOf branches (not one-of variant blocks), or itself.
 * `items`/`properties` beside the anyOf (kept by a correction) go to the array/object branches.
 */
function branches(schema: Schema): Schema[] {
  if (!Array.isArray(schema.anyOf) || schema.type !== undefined || schema["x-altegio-one-of"])
    return [schema];
  return (schema.anyOf as Schema[]).map((b) => {
    const out: Schema = { ...b };
    if (schema.nullable === true) out.nullable = true;
    if (schema.items && kindOf(b) === "array")
      out.items = b.items ? union(b.items as Schema, schema.items as Schema) : schema.items;
    if (schema.properties && kindOf(b) === "object")
      out.properties = mergeProperties(b, { properties: schema.properties });
    return out;
  });
}

function annotations(schema: Schema): Schema {
  return Object.fromEntries(Object.entries(schema).filter(([k]) => !SHAPE.has(k)));
}

const label = (schema: Schema): string =>
  `${kindOf(schema) === "number" && schema.type === "integer" ? "integer" : kindOf(schema)}${schema.nullable ? ",null" : ""}`;

export function union(a: Schema, b: Schema): Schema {
  if (isDeepStrictEqual(a, b)) return structuredClone(a);
  const notes = { ...annotations(b), ...annotations(a) };
  const all = [...branches(a), ...branches(b)];
  // `(any)` on one page: the field admits every value; children documented elsewhere stay findable.
  if (all.some((s) => kindOf(s) === "any")) {
    const out: Schema = { ...notes };
    for (const s of all) {
      if (s.properties) Object.assign(out, { properties: mergeProperties(out, s) });
      if (s.items) out.items = out.items ? union(out.items as Schema, s.items as Schema) : s.items;
    }
    if (!out["x-altegio-type"]) out["x-altegio-type"] = "any";
    return out;
  }
  const groups = new Map<string, Schema>();
  for (const s of all) {
    const kind = kindOf(s);
    const seen = groups.get(kind);
    groups.set(kind, seen ? mergeSame(seen, s) : structuredClone(s));
  }
  const merged = [...groups.values()];
  if (merged.length === 1) return { ...(merged[0] as Schema), ...notes };
  const labels = [...new Set([...branches(a).map(label), ...branches(b).map(label)])];
  return {
    anyOf: merged.map((m) =>
      Object.fromEntries(Object.entries(m).filter(([k]) => SHAPE.has(k) || k === "example")),
    ),
    ...notes,
    "x-altegio-types": [
      ...new Set([...((notes["x-altegio-types"] as string[] | undefined) ?? []), ...labels]),
    ],
  };
}

/** Two schemas of the same kind. */
function mergeSame(a: Schema, b: Schema): Schema {
  const out: Schema = { ...annotations(b), ...structuredClone(a) };
  if (a.type === "integer" && b.type === "number") out.type = "number";
  if (a.nullable === true || b.nullable === true) out.nullable = true;
  if (a.properties || b.properties) out.properties = mergeProperties(a, b);
  const required = (a.required as string[] | undefined)?.filter((k) =>
    ((b.required as string[] | undefined) ?? []).includes(k),
  );
  if (required && required.length > 0) out.required = required;
  else delete out.required;
  if (a.items && b.items) out.items = union(a.items as Schema, b.items as Schema);
  else if (b.items) out.items = structuredClone(b.items);
  if (a.additionalProperties !== undefined || b.additionalProperties !== undefined)
    out.additionalProperties = a.additionalProperties ?? b.additionalProperties;
  // A page with no enum documents less, not more: the values any page lists are kept.
  if (a.enum || b.enum)
    out.enum = [...new Set([...((a.enum as unknown[]) ?? []), ...((b.enum as unknown[]) ?? [])])];
  if (a.format !== b.format) delete out.format;
  for (const [keys, pick] of [
    [UPPER, Math.max],
    [LOWER, Math.min],
  ] as const)
    for (const key of keys) {
      const x = a[key];
      const y = b[key];
      if (typeof x === "number" && typeof y === "number") out[key] = pick(x, y);
      else delete out[key];
    }
  if (Array.isArray(a.anyOf) && Array.isArray(b.anyOf))
    out.anyOf = mergeVariants(a.anyOf as Schema[], b.anyOf as Schema[]);
  return out;
}

/** One-of variant blocks: branches matched by title (the vendor's variant name), merged. */
function mergeVariants(a: Schema[], b: Schema[]): Schema[] {
  const out = a.map((x) => structuredClone(x));
  for (const y of b) {
    const at = out.findIndex((x) => x.title === y.title);
    if (at < 0) out.push(structuredClone(y));
    else out[at] = union(out[at] as Schema, y);
  }
  return out;
}

function mergeProperties(a: Schema, b: Schema): Record<string, Schema> {
  const out: Record<string, Schema> = {};
  const pa = (a.properties ?? {}) as Record<string, Schema>;
  const pb = (b.properties ?? {}) as Record<string, Schema>;
  for (const key of new Set([...Object.keys(pa), ...Object.keys(pb)])) {
    const x = pa[key];
    const y = pb[key];
    out[key] = x && y ? union(x, y) : structuredClone((x ?? y) as Schema);
  }
  return out;
}
