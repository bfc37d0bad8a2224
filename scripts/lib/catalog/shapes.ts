// The shapes the catalog keeps (three levels below the body): its fields and their types win;
// below a truncated node (`x-truncated`) the page or blueprint supplies the deeper fields. A
// vendor page keeps every field it has; a blueprint keeps only what the catalog does not describe.
import type { Disagreement } from "./disagreements.js";
import type { CatalogSchema } from "./read.js";
import { retype } from "./retype.js";
import { isTruncated, type Schema, toOpenApi, typesOf } from "./schema.js";
import { compatible, describeTypes, resolveRef, type Schemas } from "./types.js";

export interface MergeContext {
  fromPage: boolean;
  schemas: Schemas;
  /** `response 200` or `request`: the prefix of each disagreement's `where`. */
  section: string;
  record: (d: Omit<Disagreement, "operationId" | "source">) => void;
}

const at = (path: string, key: string): string => (path === "" ? key : `${path}.${key}`);

/** `existing` with the catalog's shape merged in; returns the node to store in its place. */
export function mergeShape(
  catalog: CatalogSchema,
  existing: Schema | undefined,
  path: string,
  ctx: MergeContext,
): Schema {
  if (existing === undefined) return toOpenApi(catalog);
  // A shared component ($ref, e.g. Meta) is another source's decision: left as it is.
  if (typeof existing.$ref === "string") return existing;
  let node = existing;
  const types = typesOf(catalog);
  if (types.join() === "null" && !compatible(ctx.schemas, node, types)) {
    // The bundle says `null` (an empty answer): the other source's type stays, null admitted.
    ctx.record({
      kind: "field-type",
      where: `${ctx.section}: ${path || "(body)"}`,
      catalog: "null",
      other: describeTypes(ctx.schemas, node),
      resolution: "both",
      note: "null admitted beside the documented type",
    });
    if (typeof node.type === "string") node = { ...node, nullable: true };
    else if (Array.isArray(node.anyOf))
      node = { ...node, anyOf: (node.anyOf as Schema[]).map((b) => (b.$ref ? b : { ...b, nullable: true })) };
  } else if (types.length > 0 && !compatible(ctx.schemas, node, types)) {
    const before = describeTypes(ctx.schemas, node);
    ctx.record({
      kind: "field-type",
      where: `${ctx.section}: ${path || "(body)"}`,
      catalog: types.join(","),
      other: before,
      resolution: "catalog",
    });
    // A page documenting the item of what the catalog says is an array: the body is an array of it.
    node =
      types.join() === "array" && node.type === "object"
        ? { type: "array", items: node, ...(ctx.fromPage ? { "x-altegio-page-type": before } : {}) }
        : retype(node, types, ctx.fromPage ? before : undefined);
  }
  if (isTruncated(catalog)) return node;
  // `x-depth-limited` marks a schema whose deeper levels were cut (those are `x-truncated`); the
  // fields it lists are kept and merged, but the list may not be whole, so nothing is removed.
  const whole = catalog["x-depth-limited"] === undefined;
  // Branches: an allOf's object branches are all this node's fields; of an anyOf/oneOf, the one
  // object branch beside non-object ones (`[]` or an object, PHP's empty array) is. Other mixes
  // stay as the other source has them.
  if (Array.isArray(catalog.allOf)) {
    for (const branch of catalog.allOf as CatalogSchema[])
      if (branch.type === "object" && branch.properties && node.type === "object")
        node = mergeShape(branch, node, path, ctx);
    return node;
  }
  const alternatives = (catalog.anyOf ?? catalog.oneOf) as CatalogSchema[] | undefined;
  if (alternatives) {
    const objects = alternatives.filter((b) => b.type === "object" && b.properties);
    const [object] = objects;
    if (objects.length !== 1 || !object) return node;
    if (node.type === "object") return mergeShape(object, node, path, ctx);
    // The blueprint's `[]` for what the bundle says is `[]` or an object: the bundle's alternatives.
    if (!ctx.fromPage && node.type === "array") {
      const description = node.description;
      return { ...toOpenApi(catalog), ...(description !== undefined ? { description } : {}) };
    }
    return node;
  }
  if (catalog.items && typeof catalog.items === "object") {
    const items = catalog.items as CatalogSchema;
    if (node.type === "array") node.items = mergeShape(items, node.items as Schema | undefined, path, ctx);
  }
  const properties = catalog.properties as Record<string, CatalogSchema> | undefined;
  if (properties && node.type !== "array") {
    const own = (node.properties ?? {}) as Record<string, Schema>;
    for (const [key, child] of Object.entries(properties)) {
      if (own[key] === undefined && !inBranches(node, key, ctx.schemas)) {
        ctx.record({
          kind: "field-missing",
          where: `${ctx.section}: ${at(path, key)}`,
          catalog: typesOf(child).join(",") || "any",
          other: "absent",
          resolution: "catalog",
        });
      }
      if (own[key] !== undefined || !inBranches(node, key, ctx.schemas))
        own[key] = mergeShape(child, own[key], at(path, key), ctx);
    }
    // The catalog lists every field of a level it keeps: what only the blueprint has goes.
    if (!ctx.fromPage && whole) for (const key of Object.keys(own)) if (!(key in properties)) delete own[key];
    node.properties = own;
    if (!ctx.fromPage && whole) {
      if (Array.isArray(catalog.required)) node.required = catalog.required;
      else delete node.required;
    }
  }
  return node;
}

/** Is the property declared by one of the node's anyOf/allOf branches (the page's one-of blocks)? */
function inBranches(node: Schema, key: string, schemas: Schemas): boolean {
  for (const k of ["anyOf", "oneOf", "allOf"]) {
    for (const branch of (node[k] ?? []) as Schema[]) {
      const b = resolveRef(schemas, branch);
      if ((b?.properties as Schema | undefined)?.[key] !== undefined) return true;
    }
  }
  return false;
}
