// JSON types an openapi.yaml schema admits, compared with the types a catalog node declares.
import type { Schema } from "./schema.js";

export type Schemas = Record<string, Schema>;

export function resolveRef(schemas: Schemas, schema: Schema | undefined): Schema | undefined {
  let node = schema;
  for (let hops = 0; typeof node?.$ref === "string" && hops < 20; hops++)
    node = schemas[(node.$ref as string).replace("#/components/schemas/", "")];
  return node;
}

/** JSON types a schema admits (`undefined` = any type), following $ref and anyOf/oneOf branches. */
export function admitted(schemas: Schemas, schema: Schema | undefined): Set<string> | undefined {
  const node = resolveRef(schemas, schema);
  if (!node) return undefined;
  const branches = (node.anyOf ?? node.oneOf) as Schema[] | undefined;
  let out: Set<string>;
  if (branches) {
    out = new Set();
    for (const branch of branches) {
      const types = admitted(schemas, branch);
      if (!types) return undefined;
      for (const t of types) out.add(t);
    }
  } else if (typeof node.type === "string") out = new Set([node.type]);
  else return undefined;
  if (out.has("number")) out.add("integer");
  if (node.nullable === true) out.add("null");
  return out;
}

/** Does the schema admit every type the catalog declares (an untyped catalog node fits anything)? */
export function compatible(schemas: Schemas, schema: Schema | undefined, catalogTypes: string[]): boolean {
  const types = admitted(schemas, schema);
  if (!types) return true;
  return catalogTypes.every((t) => types.has(t));
}

export function describeTypes(schemas: Schemas, schema: Schema | undefined): string {
  const types = admitted(schemas, schema);
  if (!types) return "any";
  // `integer` is implied by `number`; only list it when it stands alone.
  if (types.has("number")) types.delete("integer");
  return [...types].join(",");
}

/** Does a value (an example, an enum member) have one of these JSON types? */
export function valueFits(value: unknown, types: string[]): boolean {
  if (types.length === 0) return true;
  return types.some((t) => {
    if (t === "null") return value === null;
    if (t === "integer") return Number.isInteger(value);
    if (t === "number") return typeof value === "number";
    if (t === "array") return Array.isArray(value);
    if (t === "object") return typeof value === "object" && value !== null && !Array.isArray(value);
    return typeof value === t;
  });
}
