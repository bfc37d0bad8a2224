// Finds, in openapi.yaml, the parameter or schema that documents one vendor field.
import { deref, type Json, unwrapEnvelope } from "./openapi.js";
import type { VendorField } from "./vendor-pages.js";

/** Headers the spec never emits as parameters (CONTRIBUTING.md), wherever a page lists them. */
export { TRANSPORT_HEADERS } from "../../../scripts/lib/spec/transport-headers.js";

export interface Located {
  schema: Json;
  /** The parameter object, for path/query fields. */
  parameter?: Json;
  /** The object schema holding the property. */
  holder?: Json;
  key?: string;
  /**
   * Of a property: required by any schema its holder's value must satisfy too (an allOf part such
   * as an entity's `{required}` refinement, the schema enclosing an anyOf branch). Of the whole
   * request body: the requestBody's `required`.
   */
  required?: boolean;
  /** Every schema that declares this property for the same value (allOf parts), the typed one first. */
  conjuncts?: Json[];
}

interface Holder {
  node: Json;
  /** The schemas a value at this level satisfies together with `node` (allOf parts, enclosing schemas). */
  group: Json[];
}

/** A schema and its allOf parts, recursively: all of them hold for one value. */
function conjunction(spec: Json, schema: unknown): Json[] {
  const node = deref(spec, schema);
  if (!node) return [];
  return [node, ...((node.allOf ?? []) as Json[]).flatMap((part) => conjunction(spec, part))];
}

/** Where a property may live: the schemas, their allOf parts, anyOf/oneOf branches, and array items. */
function holders(spec: Json, schemas: Json[], inherited: Json[] = []): Holder[] {
  const members = schemas.flatMap((s) => conjunction(spec, s));
  const group = [...inherited, ...members];
  const out: Holder[] = members.map((node) => ({ node, group }));
  for (const member of members)
    for (const key of ["anyOf", "oneOf"])
      for (const b of (member[key] ?? []) as Json[]) out.push(...holders(spec, [b], group));
  const items = members.flatMap((m) => (m.items ? [m.items as Json] : []));
  if (items.length > 0) out.push(...holders(spec, items));
  return out;
}

/**
 * The schema at a dotted path. Every branch that holds a key is tried (a field of the second
 * one-of branch, `payment.method.deposit_id`, lives under the first branch's `payment` too).
 */
export function navigate(spec: Json, root: Json, dotted: string): Located | undefined {
  const walk = (current: Located, keys: string[]): Located | undefined => {
    const [key, ...rest] = keys;
    if (key === undefined) return current;
    for (const found of holders(spec, current.conjuncts ?? [current.schema])) {
      const child = (found.node.properties as Json | undefined)?.[key];
      if (child === undefined) continue;
      const declaring = found.group.filter((n) => (n.properties as Json | undefined)?.[key] !== undefined);
      const next: Located = {
        schema: deref(spec, child as Json),
        holder: found.node,
        key,
        required: found.group.some((n) => ((n.required ?? []) as string[]).includes(key)),
        conjuncts: [found.node, ...declaring.filter((n) => n !== found.node)].map((n) =>
          deref(spec, (n.properties as Json)[key]),
        ),
      };
      const result = walk(next, rest);
      if (result) return result;
    }
    return undefined;
  };
  const start = deref(spec, root);
  return walk({ schema: start, conjuncts: [start] }, dotted.split("."));
}

export function bodySchema(spec: Json, operation: Json, section: string): Json | undefined {
  const body =
    section === "request"
      ? (operation.requestBody as Json | undefined)
      : ((operation.responses as Json)?.[section] as Json | undefined);
  const content = (body?.content ?? {}) as Json;
  const first = Object.values(content)[0] as Json | undefined;
  const schema = first?.schema ? unwrapEnvelope(deref(spec, first.schema)) : undefined;
  // A page body the API answers inside the envelope (scripts/lib/evidence/shapes.ts) is its data's item.
  if (schema?.["x-altegio-page-body"] === "data.items")
    return deref(spec, ((schema.properties as Json).data as Json).items);
  return schema;
}

export function locate(spec: Json, operation: Json, field: VendorField): Located | undefined {
  if (["path", "query", "header"].includes(field.section)) {
    const parameter = ((operation.parameters ?? []) as Json[]).find(
      // A parameter renamed by a recorded choice keeps its documented name in x-altegio-documented-name.
      (p) => (p["x-altegio-documented-name"] ?? p.name) === field.name && p.in === field.section,
    );
    return parameter ? { schema: parameter.schema as Json, parameter } : undefined;
  }
  const root = bodySchema(spec, operation, field.section);
  if (!root) return undefined;
  // create_payment_with_loyalty_methods documents its whole request body as one `body` field "— one of:".
  if (field.section === "request" && field.name === "body" && root.anyOf) {
    return { schema: root, required: (operation.requestBody as Json).required === true };
  }
  if (!field.variant) return navigate(spec, root, field.name);
  const owner =
    field.variant.owner === "body" && root.anyOf
      ? { schema: root }
      : navigate(spec, root, field.variant.owner);
  if (!owner) return undefined;
  const branch = ((owner.schema.anyOf ?? []) as Json[])
    .map((b) => deref(spec, b))
    .find((b) => b.title === field.variant?.title);
  return branch ? navigate(spec, branch, field.name) : undefined;
}

/** JSON types a schema admits (`undefined` = any), following anyOf branches and allOf parts. */
export function admittedTypes(spec: Json, schema: Json): Set<string> | undefined {
  const node = deref(spec, schema);
  const branches = (node.anyOf ?? node.oneOf) as Json[] | undefined;
  if (branches) {
    const out = new Set<string>();
    for (const b of branches) {
      const types = admittedTypes(spec, b);
      if (!types) return undefined;
      for (const t of types) out.add(t);
    }
    if (node.nullable === true) out.add("null");
    return out;
  }
  const parts = node.allOf as Json[] | undefined;
  if (parts && typeof node.type !== "string") {
    // allOf: what every part admits (a part with no type constraint admits everything).
    let out: Set<string> | undefined;
    for (const part of parts) {
      const types = admittedTypes(spec, part);
      if (types) out = out ? new Set([...out].filter((t) => types.has(t))) : types;
    }
    return out;
  }
  if (typeof node.type !== "string") return undefined;
  const out = new Set([node.type]);
  if (node.type === "number") out.add("integer");
  if (node.nullable === true) out.add("null");
  return out;
}

/** Does the schema admit every type the page lists (`any` always does, `integer` fits `number`)? */
export function typesCompatible(spec: Json, schema: Json, vendorTypes: string[]): boolean {
  const admitted = admittedTypes(spec, schema);
  if (!admitted) return true;
  return vendorTypes.filter((t) => t !== "any").every((t) => admitted.has(t));
}
