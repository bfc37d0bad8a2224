/**
 * Turn an OpenAPI 3.0 document into one whose schemas are plain JSON Schema (draft-07) for ajv.
 *
 * OpenAPI 3.0 differs from JSON Schema in ways that make a validator silently wrong:
 * - `nullable: true` (not JSON Schema): becomes `type: [T, "null"]` (and `null` joins `enum`),
 *   or `anyOf: [{type: "null"}, …]` when the schema has no `type` of its own (allOf/oneOf/$ref).
 * - `exclusiveMinimum: true` (draft-04 boolean form): becomes the draft-07 number form.
 * - `$ref: "#/components/…"`: rewritten to `openapi#/components/…` so a schema fragment compiles
 *   on its own once the whole document is registered in ajv under that id.
 * Examples, defaults and enums are copied untouched (they are data, not schemas).
 */
import type { JsonObject } from "./json.js";

export const DOC_ID = "openapi";

type Node = unknown;
const DATA_KEYS = new Set(["example", "examples", "default", "enum", "const"]);
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "definitions", "schemas"]);

export function toJsonSchemaDoc(doc: JsonObject): JsonObject {
  return walk(doc, false) as JsonObject;
}

function walk(node: Node, childrenAreSchemas: boolean): Node {
  if (Array.isArray(node)) return node.map((n) => walk(n, false));
  if (typeof node !== "object" || node === null) return node;
  const src = node as Record<string, Node>;
  const out: Record<string, Node> = {};
  for (const [k, v] of Object.entries(src)) {
    if (childrenAreSchemas) out[k] = walk(v, false);
    else if (DATA_KEYS.has(k) || k.startsWith("x-")) out[k] = v;
    else if (k === "$ref" && typeof v === "string" && v.startsWith("#")) out[k] = `${DOC_ID}${v}`;
    else out[k] = walk(v, SCHEMA_MAPS.has(k));
  }
  return fixSchema(out);
}

function fixSchema(s: Record<string, Node>): Record<string, Node> {
  if (typeof s.exclusiveMinimum === "boolean") {
    if (s.exclusiveMinimum && typeof s.minimum === "number") {
      s.exclusiveMinimum = s.minimum;
      delete s.minimum;
    } else delete s.exclusiveMinimum;
  }
  if (typeof s.exclusiveMaximum === "boolean") {
    if (s.exclusiveMaximum && typeof s.maximum === "number") {
      s.exclusiveMaximum = s.maximum;
      delete s.maximum;
    } else delete s.exclusiveMaximum;
  }
  if (s.nullable !== true) {
    delete s.nullable;
    return s;
  }
  delete s.nullable;
  if (typeof s.type === "string") {
    s.type = [s.type, "null"];
    if (Array.isArray(s.enum) && !s.enum.includes(null)) s.enum = [...s.enum, null];
    return s;
  }
  if (s.$ref !== undefined || s.allOf !== undefined || s.oneOf !== undefined || s.anyOf !== undefined) {
    // Keep annotations (description, example) on the wrapper; move the constraints inside.
    const { description, example, title, ...rest } = s;
    return {
      ...(description !== undefined ? { description } : {}),
      ...(title !== undefined ? { title } : {}),
      ...(example !== undefined ? { example } : {}),
      anyOf: [{ type: "null" }, rest],
    };
  }
  return s; // no type: anything (null included) is already allowed
}
