/**
 * fast-check arbitraries from the spec's JSON Schemas (our own small generator: it shrinks, and
 * it is driven by fast-check's seed, so a failure prints a replayable seed/path).
 * Every generated value is also checked with the validator: the generator may be generous,
 * the oracle decides what counts as a valid request.
 */
import fc from "fast-check";
import { isRecord } from "../../src/internal/is-record.js";
import { mergeSchemas } from "./merge-schemas.js";
import type { BuiltRequest } from "./request.js";
import { deref, type Json, type JsonObject, type Operation, type Spec } from "./spec.js";
import type { Validator } from "./validator.js";

const day = (d: Date) => d.toISOString().slice(0, 10);
const dates = fc.date({
  min: new Date("2000-01-01T00:00:00Z"),
  max: new Date("2035-12-31T00:00:00Z"),
  noInvalidDate: true,
});
// Path segments: no "", ".", ".." or "/" (URL normalisation would change the route itself).
const SEGMENT = /^[A-Za-z0-9_-]{1,12}$/;

export function arbitraryFor(
  spec: Spec,
  raw: JsonObject | undefined,
  where: "path" | "query" | "body",
  depth = 0,
): fc.Arbitrary<Json> {
  const s = deref(spec.doc, raw);
  if (!isRecord(s)) return fc.constant("x");
  if (Array.isArray(s.enum) && s.enum.length > 0) return fc.constantFrom(...(s.enum as Json[]));
  if (s.const !== undefined) return fc.constant(s.const);
  if (Array.isArray(s.allOf)) {
    const merged = s.allOf.reduce<JsonObject>(
      (acc, part) => mergeSchemas(acc, deref(spec.doc, part as JsonObject)),
      {},
    );
    return arbitraryFor(
      spec,
      { ...s, ...merged, allOf: undefined } as unknown as JsonObject,
      where,
      depth + 1,
    );
  }
  for (const key of ["oneOf", "anyOf"] as const) {
    const alts = s[key];
    if (Array.isArray(alts)) {
      const { [key]: _drop, ...base } = s;
      const options = alts
        .map((a) => deref(spec.doc, a as JsonObject))
        .filter((a): a is JsonObject => isRecord(a) && a.type !== "null")
        .map((a) => arbitraryFor(spec, mergeSchemas(base, a), where, depth + 1));
      const nullable = alts.some((a) => isRecord(a) && a.type === "null");
      const some = options.length > 0 ? fc.oneof(...options) : fc.constant<Json>(null);
      return nullable && where === "body" ? fc.option(some, { nil: null }) : some;
    }
  }
  const types = Array.isArray(s.type) ? s.type : s.type === undefined ? [] : [s.type];
  const nullable = types.includes("null") && where === "body";
  const type = types.find((t) => t !== "null") ?? (isRecord(s.properties) ? "object" : undefined);
  const base = scalarOrStructure(spec, s, type, where, depth);
  return nullable ? fc.option(base, { nil: null, freq: 5 }) : base;
}

function scalarOrStructure(
  spec: Spec,
  s: JsonObject,
  type: Json | undefined,
  where: "path" | "query" | "body",
  depth: number,
): fc.Arbitrary<Json> {
  switch (type) {
    case "string": {
      if (s.format === "date") return dates.map(day);
      if (s.format === "date-time") return dates.map((d) => `${d.toISOString().slice(0, 19)}Z`);
      if (s.format === "email") return fc.emailAddress();
      if (s.format === "uri" || s.format === "url") return fc.webUrl();
      if (s.format === "uuid") return fc.uuid();
      if (typeof s.pattern === "string") return fc.stringMatching(new RegExp(s.pattern));
      if (where === "path") return fc.stringMatching(SEGMENT);
      const minLength = typeof s.minLength === "number" ? s.minLength : where === "query" ? 1 : 0;
      const maxLength = typeof s.maxLength === "number" ? s.maxLength : Math.max(minLength, 20);
      return fc.string({ minLength, maxLength });
    }
    case "integer":
      return fc.integer({
        min: typeof s.minimum === "number" ? Math.ceil(s.minimum) : where === "path" ? 1 : -1_000_000,
        max: typeof s.maximum === "number" ? Math.floor(s.maximum) : 1_000_000_000,
      });
    case "number":
      return fc
        .double({
          min: typeof s.minimum === "number" ? s.minimum : where === "path" ? 1 : -1e6,
          max: typeof s.maximum === "number" ? s.maximum : 1e9,
          noNaN: true,
          noDefaultInfinity: true,
        })
        .map((n) => (Object.is(n, -0) ? 0 : n));
    case "boolean":
      return fc.boolean();
    case "array": {
      if (depth > 5 || where !== "body") return fc.constant([]);
      const minLength = typeof s.minItems === "number" ? s.minItems : 0;
      const maxLength = Math.min(typeof s.maxItems === "number" ? s.maxItems : 3, minLength + 3);
      return fc.array(arbitraryFor(spec, s.items as JsonObject, where, depth + 1), { minLength, maxLength });
    }
    case "object": {
      const props = isRecord(s.properties) ? s.properties : {};
      const required = (Array.isArray(s.required) ? s.required : []).filter(
        (k): k is string => typeof k === "string",
      );
      if (depth > 5) return fc.constant({});
      const model: Record<string, fc.Arbitrary<Json>> = {};
      for (const [k, p] of Object.entries(props))
        model[k] = arbitraryFor(spec, p as JsonObject, where, depth + 1);
      for (const k of required) model[k] ??= fc.constant("x");
      return fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Json>;
    }
    default:
      return fc.constantFrom<Json>("x", 1, true);
  }
}

/** A whole request (path, query, JSON body) for an operation; only values the validator accepts. */
export function requestArbitrary(spec: Spec, v: Validator, op: Operation): fc.Arbitrary<BuiltRequest> {
  const path: Record<string, fc.Arbitrary<Json>> = {};
  const query: Record<string, fc.Arbitrary<Json>> = {};
  const requiredQuery: string[] = [];
  for (const p of op.parameters) {
    if (p.in === "path") path[p.name] = arbitraryFor(spec, p.schema, "path");
    if (p.in === "query") {
      const schema = deref(spec.doc, p.schema);
      const t = isRecord(schema) ? schema.type : undefined;
      // Scalars only: array/object query serialisation styles are not what this property is about.
      if (
        p.required ||
        t === "integer" ||
        t === "number" ||
        t === "boolean" ||
        t === "string" ||
        (Array.isArray(t) && !t.includes("array") && !t.includes("object"))
      ) {
        query[p.name] = arbitraryFor(spec, p.schema, "query");
        if (p.required) requiredQuery.push(p.name);
      }
    }
  }
  const media = op.requestBody?.content["application/json"];
  const body: fc.Arbitrary<Json | undefined> = media
    ? arbitraryFor(spec, media.schema, "body")
    : fc.constant(undefined);
  return fc
    .record({
      path: fc.record(path) as fc.Arbitrary<Record<string, Json>>,
      query: fc.record(query, { requiredKeys: requiredQuery }) as fc.Arbitrary<Record<string, Json>>,
      body,
    })
    .filter((r) => {
      for (const p of op.parameters) {
        const val = p.in === "path" ? r.path[p.name] : p.in === "query" ? r.query[p.name] : undefined;
        if (val !== undefined && v.check(p.schema, val).length > 0) return false;
        if (p.in === "query" && val === null) return false;
      }
      return !media || v.check(media.schema, r.body).length === 0;
    })
    .map((r) => {
      const out: BuiltRequest = { path: r.path, query: r.query };
      if (r.body !== undefined) {
        out.body = r.body;
        out.bodyMediaType = "application/json";
      }
      return out;
    });
}
