// Gives a schema the catalog's type while keeping what the other source said about the field
// (description, enum, children); a value that no longer fits moves to an x-altegio-page-* key.
import { type Schema, typeKeywords } from "./schema.js";
import { valueFits } from "./types.js";

/** Type-only anyOf branches (`(string,number)` on a page) are replaced; structural ones stay. */
const typeOnly = (branch: Schema): boolean =>
  Object.keys(branch).every((k) => k === "type" || k === "items" || k === "nullable");

/**
 * `schema` with the catalog's types. `pageTypes` (the page's wording) is kept in
 * `x-altegio-page-type` when the other source is a vendor page, so the override can be read.
 */
export function retype(schema: Schema, types: string[], pageTypes?: string): Schema {
  const out: Schema = { ...schema };
  delete out.type;
  delete out.nullable;
  delete out["x-altegio-type"];
  if (Array.isArray(out.anyOf) && (out.anyOf as Schema[]).every(typeOnly)) delete out.anyOf;
  Object.assign(out, typeKeywords(types));
  if (!types.includes("array") && out.items !== undefined && out.properties === undefined) delete out.items;
  if (types.includes("array") && out.items === undefined) out.items = {};
  if (pageTypes !== undefined) out["x-altegio-page-type"] = pageTypes;
  for (const key of ["example", "default"]) {
    if (out[key] !== undefined && !valueFits(out[key], types)) {
      if (pageTypes !== undefined) out[`x-altegio-page-${key}`] = out[key];
      delete out[key];
    }
  }
  if (Array.isArray(out.enum) && !(out.enum as unknown[]).every((v) => valueFits(v, types))) {
    out["x-altegio-page-enum"] = out.enum;
    delete out.enum;
  }
  return out;
}
