/**
 * One plausible value for a schema: its example if the example is valid, else one built from
 * the schema (required properties only, enum[0], format-shaped strings, minimums respected).
 * The vendor's examples are not always valid for their own schemas (ODDITIES.md: numeric
 * phones typed string, "'Joh'" with literal quotes…), so every candidate is checked with the
 * validator and an invalid example is replaced by a generated value rather than sent.
 */

import { isRecord } from "../../src/internal/is-record.js";
import { mergeSchemas } from "./merge-schemas.js";
import { deref, type Json, type JsonObject, type Spec } from "./spec.js";
import type { Validator } from "./validator.js";

const FORMAT_SAMPLES: Record<string, string> = {
  date: "2026-01-15",
  "date-time": "2026-01-15T10:00:00Z",
  time: "10:00:00",
  email: "jane@example.com",
  uri: "https://example.com/",
  url: "https://example.com/",
  uuid: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
  hostname: "example.com",
  ipv4: "192.0.2.1",
  byte: "U3dhZ2dlciByb2Nrcw==",
  password: "secret",
};

/** Candidate examples a schema/parameter/media object carries, most specific first. */
export function examplesOf(node: unknown): Json[] {
  if (!isRecord<Json>(node)) return [];
  const out: Json[] = [];
  if (node.example !== undefined) out.push(node.example);
  if (isRecord<Json>(node.examples)) {
    for (const ex of Object.values(node.examples))
      if (isRecord<Json>(ex) && ex.value !== undefined) out.push(ex.value);
  } else if (Array.isArray(node.examples)) out.push(...node.examples);
  if (node.default !== undefined) out.push(node.default);
  return out;
}

/** The first candidate that the schema accepts, or a generated value. */
export function pickValue(
  spec: Spec,
  v: Validator,
  schema: JsonObject | undefined,
  holders: unknown[],
): Json {
  for (const h of holders) {
    for (const ex of examplesOf(h)) if (v.check(schema, ex).length === 0) return ex;
  }
  return generate(spec, v, schema, 0);
}

export function generate(spec: Spec, v: Validator, raw: JsonObject | undefined, depth: number): Json {
  const s = deref(spec.doc, raw);
  if (!isRecord(s)) return null;
  for (const ex of examplesOf(s)) if (v.check(s, ex).length === 0) return ex;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum.find((e) => e !== null) ?? null;
  if (s.const !== undefined) return s.const;
  if (Array.isArray(s.allOf)) {
    // One shape from all parts first: a part may only add `required` to another's properties
    // (an entity with an operation's own required fields).
    const { allOf: _parts, ...own } = s;
    const whole = s.allOf
      .map((p) => deref(spec.doc, p as JsonObject))
      .filter(isRecord)
      .reduce((acc, p) => mergeSchemas(acc, p), own as JsonObject);
    if (!Array.isArray(whole.allOf)) {
      const value = generate(spec, v, whole, depth + 1);
      if (v.check(s, value).length === 0) return value;
    }
    const parts = s.allOf.map((p) => generate(spec, v, p as JsonObject, depth + 1));
    const objects = parts.filter((p) => isRecord(p));
    if (objects.length === parts.length) return Object.assign({}, ...objects) as JsonObject;
    return parts.find((p) => p !== null) ?? null;
  }
  for (const key of ["oneOf", "anyOf"] as const) {
    const alts = s[key];
    if (Array.isArray(alts)) {
      const { [key]: _drop, ...base } = s;
      // Prefer a non-null alternative: `nullable` became anyOf [{type: null}, …].
      for (const alt of alts) {
        const a = deref(spec.doc, alt);
        if (!isRecord(a) || a.type === "null") continue;
        // An alternative that only adds `required` (anyOf [{required: [a]}, {required: [b]}])
        // is generated together with the properties of the schema around it.
        const val = generate(spec, v, mergeSchemas(base, a), depth + 1);
        if (v.check(s, val).length === 0) return val;
      }
      return null;
    }
  }
  const types = Array.isArray(s.type) ? s.type : [s.type];
  const type = types.find((t) => t !== "null") ?? (isRecord(s.properties) ? "object" : undefined);
  switch (type) {
    case "string": {
      if (typeof s.format === "string" && FORMAT_SAMPLES[s.format]) return FORMAT_SAMPLES[s.format] ?? "";
      const min = typeof s.minLength === "number" ? s.minLength : 1;
      return "x".repeat(Math.max(min, 1));
    }
    case "integer":
    case "number": {
      const min =
        typeof s.minimum === "number"
          ? s.minimum
          : typeof s.exclusiveMinimum === "number"
            ? s.exclusiveMinimum + 1
            : 1;
      return type === "integer" ? Math.ceil(min) : min;
    }
    case "boolean":
      return true;
    case "array": {
      if (depth > 6) return [];
      const n = typeof s.minItems === "number" ? s.minItems : 1;
      return Array.from({ length: Math.max(n, 1) }, () =>
        generate(spec, v, s.items as JsonObject, depth + 1),
      );
    }
    case "object": {
      const out: JsonObject = {};
      const props = isRecord(s.properties) ? s.properties : {};
      const required = Array.isArray(s.required) ? s.required : [];
      if (depth > 6) return out;
      for (const name of required) {
        if (typeof name !== "string") continue;
        out[name] = generate(spec, v, props[name] as JsonObject | undefined, depth + 1);
      }
      return out;
    }
    default:
      return typeof s.type === "string" && s.type === "null" ? null : "x";
  }
}
