// Examples that no longer fit after the catalog retyped a blueprint schema are removed: a small
// structural check (types, nested properties, items), enough for the shapes the catalog writes.
import type { Schema } from "./schema.js";
import { admitted, type Schemas, valueFits } from "./types.js";

function fits(schemas: Schemas, node: Schema | undefined, value: unknown): boolean {
  if (!node) return true;
  const types = admitted(schemas, node);
  if (types && !valueFits(value, [...types])) return false;
  if (Array.isArray(value) && node.items) return value.every((v) => fits(schemas, node.items as Schema, v));
  if (value && typeof value === "object" && !Array.isArray(value) && node.properties) {
    const props = node.properties as Record<string, Schema>;
    const required = (node.required ?? []) as string[];
    if (required.some((k) => !(k in value))) return false;
    return Object.entries(value).every(([k, v]) => fits(schemas, props[k], v));
  }
  return true;
}

/** Removes, at every depth, each `example`/`default` its own node rejects. */
export function dropUnfitExamples(schemas: Schemas, node: Schema): void {
  for (const key of ["example", "default"])
    if (node[key] !== undefined && !fits(schemas, node, node[key])) delete node[key];
  for (const child of Object.values((node.properties ?? {}) as Record<string, Schema>))
    dropUnfitExamples(schemas, child);
  if (node.items && typeof node.items === "object") dropUnfitExamples(schemas, node.items as Schema);
  for (const k of ["anyOf", "oneOf", "allOf"])
    for (const branch of (node[k] ?? []) as Schema[]) dropUnfitExamples(schemas, branch);
}
