import { isRecord } from "../internal/is-record.js";
/** JSON as parsed from a response body or from openapi.yaml. */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

/** A JSON object (src/internal/is-record.ts, typed for `Json`). */
export const isObject = (v: unknown): v is JsonObject => isRecord<Json>(v);

/** The JSON type of a value, the words a report uses (`integer` is reported as `number`). */
export function jsonType(v: unknown): "null" | "boolean" | "number" | "string" | "array" | "object" {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  const t = typeof v;
  if (t === "boolean" || t === "number" || t === "string") return t;
  return "object";
}
