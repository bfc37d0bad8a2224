/**
 * One answer against its schema: ajv's verdict, explained by the shape walk (./shape.ts), plus
 * the ajv rules the walk does not model (format, minimum…), named by keyword and the schema's
 * own limit, never by the value that broke them.
 */
import type { ErrorObject } from "ajv";
import { isObject, type JsonObject } from "./json.js";
import {
  compareShape,
  envelopeDataSchemas,
  type Mismatch,
  propertyNames,
  type ShapeResult,
  safeKey,
} from "./shape.js";
import type { SchemaValidator } from "./validator.js";

// Structure the shape walk already reports (or the anyOf noise around it).
const STRUCTURAL = new Set([
  "type",
  "required",
  "anyOf",
  "oneOf",
  "enum",
  "additionalProperties",
  "if",
  "not",
  "false schema",
]);

export function checkBody(
  doc: JsonObject,
  validate: SchemaValidator,
  schema: JsonObject,
  body: unknown,
): ShapeResult {
  const errors = validate(schema, body);
  const shape = envelopeMissing(doc, schema, body) ?? compareShape(doc, schema, body);
  const under = (path: string) =>
    shape.mismatches.some(
      (m) => path === m.path || path.startsWith(`${m.path}.`) || path.startsWith(`${m.path}[]`),
    );
  const extra: Mismatch[] = [];
  for (const e of errors) {
    if (STRUCTURAL.has(e.keyword)) continue;
    const path = collapse(e.instancePath);
    if (under(path) || extra.some((m) => m.path === path)) continue;
    extra.push({ path, problem: "constraint", expected: describeRule(e) });
  }
  const mismatches = [...shape.mismatches, ...extra];
  // ajv refused the body for a reason neither the walk nor the rules above name.
  if (errors.length > 0 && mismatches.length === 0 && shape.undocumented.length === 0) {
    mismatches.push({
      path: collapse(errors[0]?.instancePath ?? ""),
      problem: "constraint",
      expected: errors[0]?.keyword ?? "schema",
    });
  }
  return { ...shape, mismatches };
}

/**
 * `{ id, title }` where `{ success, data: { id, title }, meta }` was documented: one finding at
 * the root instead of every envelope field missing; the body is then checked as `data`.
 */
function envelopeMissing(doc: JsonObject, schema: JsonObject, body: unknown): ShapeResult | undefined {
  const data = envelopeDataSchemas(doc, schema);
  if (!data) return undefined;
  if (isObject(body) && ("data" in body || "success" in body)) return undefined;
  if (!isObject(body) && !Array.isArray(body)) return undefined;
  if (isObject(body)) {
    // Only a body that holds fields `data` documents: an empty or unrelated object is not one.
    const names = propertyNames(doc, data);
    if (!Object.keys(body).some((k) => names.has(k))) return undefined;
  }
  const asData = compareShape(doc, { allOf: data }, body, "data");
  if (asData.mismatches.some((m) => m.path === "data" && m.problem === "type")) return undefined;
  return { ...asData, mismatches: [{ path: "", problem: "envelope-missing" }, ...asData.mismatches] };
}

/** `/data/0/api_id` → `data[].api_id`: indices (and numeric map keys) collapse, other keys are sanitized. */
export function collapse(instancePath: string): string {
  let out = "";
  for (const raw of instancePath.split("/").slice(1)) {
    const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (/^\d+$/.test(seg)) out += "[]";
    else out = out ? `${out}.${safeKey(seg)}` : safeKey(seg);
  }
  return out;
}

function describeRule(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === "format") return `format ${String(p.format)}`;
  if (typeof p.comparison === "string" && typeof p.limit === "number") return `${p.comparison} ${p.limit}`;
  if (typeof p.limit === "number") return `${e.keyword} ${p.limit}`;
  if (typeof p.multipleOf === "number") return `multipleOf ${p.multipleOf}`;
  return e.keyword;
}
