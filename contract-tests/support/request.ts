/**
 * A valid request for an operation, built from the spec's own examples (validated; see
 * ./sample.ts): path and query parameters, and the request body with its media type.
 */
import { generate, pickValue } from "./sample.js";
import type { Json, JsonObject, Operation, Parameter, Spec } from "./spec.js";
import type { Validator } from "./validator.js";

export interface BuiltRequest {
  path: Record<string, Json>;
  query: Record<string, Json>;
  body?: Json;
  /** Media type of the body as the spec declares it (the client sends JSON). */
  bodyMediaType?: string;
}

const isScalar = (v: Json): boolean => v === null || typeof v !== "object";

export function paramValue(spec: Spec, v: Validator, p: Parameter): Json {
  return pickValue(spec, v, p.schema, [p, p.schema]);
}

export function buildRequest(spec: Spec, v: Validator, op: Operation): BuiltRequest {
  const path: Record<string, Json> = {};
  const query: Record<string, Json> = {};
  for (const p of op.parameters) {
    if (p.in === "path") path[p.name] = paramValue(spec, v, p);
    else if (p.in === "query") {
      const value = paramValue(spec, v, p);
      // Optional parameters only when scalar: object/array serialisation styles differ between
      // openapi-fetch and the spec's `style`, and an optional one adds nothing to the contract.
      if (p.required || (isScalar(value) && value !== null && hasExample(p))) query[p.name] = value;
    }
  }
  const out: BuiltRequest = { path, query };
  const content = op.requestBody?.content ?? {};
  const mediaTypes = Object.keys(content);
  const mt =
    mediaTypes.find((m) => m === "application/json") ??
    mediaTypes.find((m) => m.endsWith("json")) ??
    mediaTypes.find((m) => m === "*/*") ??
    mediaTypes[0];
  if (mt !== undefined) {
    const media = content[mt];
    out.body = pickValue(spec, v, media?.schema, [media, media?.schema]);
    if (out.body === null && media?.schema) out.body = generate(spec, v, media.schema as JsonObject, 0);
    out.bodyMediaType = mt;
  }
  return out;
}

function hasExample(p: Parameter): boolean {
  return p.example !== undefined || p.examples !== undefined || p.schema?.example !== undefined;
}

/** Fill a path template such as /company/{location_id} (for raw fetch and Dredd). */
export function fillPath(template: string, values: Record<string, Json>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(String(values[name] ?? "")),
  );
}

export function queryString(query: Record<string, Json>): string {
  const qs = new URLSearchParams();
  for (const [k, val] of Object.entries(query)) {
    if (Array.isArray(val)) for (const item of val) qs.append(k, String(item));
    else if (val !== null && typeof val === "object") qs.append(k, JSON.stringify(val));
    else qs.append(k, String(val));
  }
  const s = qs.toString();
  return s ? `?${s}` : "";
}
