import type { Schema } from "./schema.js";

// Decision (recorded in spec/blueprint-pairings.tsv's header): the blueprint's sample data is
// Russian (names, titles, messages). A string value containing Cyrillic is replaced by this
// neutral placeholder; an enum with a Cyrillic value is dropped (type kept). Nothing else of
// the blueprint's text is copied, so openapi.yaml stays English.
export const CYRILLIC_PLACEHOLDER = "Sample text";

const CYRILLIC = /[\u0400-\u04FF\u0500-\u052F]/;

export function containsCyrillic(text: string): boolean {
  return CYRILLIC.test(text);
}

/** Deep copy of a JSON value with every Cyrillic string replaced by the placeholder. */
export function scrubValue<T>(value: T): T {
  if (typeof value === "string") return (containsCyrillic(value) ? CYRILLIC_PLACEHOLDER : value) as T;
  if (Array.isArray(value)) return value.map(scrubValue) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubValue(v)])) as T;
  }
  return value;
}

/** Schema with Cyrillic samples replaced and Cyrillic enums removed, at every depth. */
export function scrubSchema(schema: Schema): Schema {
  const result: Schema = { ...schema };
  if (result.example !== undefined) result.example = scrubValue(result.example);
  if (result.default !== undefined) result.default = scrubValue(result.default);
  if (result.enum?.some((v) => typeof v === "string" && containsCyrillic(v))) delete result.enum;
  if (result.items !== undefined) result.items = scrubSchema(result.items);
  if (result.properties !== undefined) {
    result.properties = Object.fromEntries(
      Object.entries(result.properties).map(([k, v]) => [k, scrubSchema(v)]),
    );
  }
  return result;
}
