import { isRecord } from "../../src/internal/is-record.js";
import type { JsonObject } from "./spec.js";

/**
 * One object schema from two (an allOf part, or a schema and one of its anyOf/oneOf
 * alternatives): properties and `required` are unioned, the second wins on other keys. The
 * sample builder and the fast-check arbitraries both need a concrete shape to generate from.
 */
export function mergeSchemas(base: JsonObject, alt: JsonObject): JsonObject {
  if (Object.keys(base).filter((k) => k !== "description" && k !== "title").length === 0) return alt;
  const props = {
    ...(isRecord(base.properties) ? base.properties : {}),
    ...(isRecord(alt.properties) ? alt.properties : {}),
  };
  const required = [
    ...new Set([
      ...(Array.isArray(base.required) ? base.required : []),
      ...(Array.isArray(alt.required) ? alt.required : []),
    ]),
  ];
  const merged: JsonObject = { ...base, ...alt };
  if (Object.keys(props).length > 0) merged.properties = props;
  if (required.length > 0) merged.required = required;
  if (merged.type === undefined && base.type !== undefined) merged.type = base.type;
  return merged;
}
