// PHP's json_encode writes an empty associative array as `[]`, so an object the API builds
// from one (a team member's unset `position`, empty `custom_fields`, `meta`) arrives as `[]`.
// Such a field is typed `anyOf: [<the object>, {type: array, maxItems: 0}]`: the object keeps
// every property and type, only an EMPTY array is admitted beside it, and the generated type
// `{…} | unknown[]` makes user code check `Array.isArray` before reading a property.
// (Decision and rejected alternatives: scripts/lib/spec/README.md.)
import { mark } from "./mark.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export const EMPTY_ARRAY = { type: "array", maxItems: 0, items: {} } as const;
// `nullable` goes inside, on the object branch: OpenAPI 3.0 ignores it without a `type` beside it.
const KEEP_OUTSIDE = new Set(["description", "example"]);

const isEmptyArraySchema = (s: unknown): boolean => isObj(s) && s.type === "array" && s.maxItems === 0;
/** An array branch that says nothing of its items: the pages' `(object,array)` and `(any)` spelling of []. */
const isBareArray = (s: unknown): boolean =>
  isObj(s) && s.type === "array" && (!isObj(s.items) || Object.keys(s.items).length === 0);

/** Is the node an object (typed, or untyped with properties) that does not yet admit `[]`? */
export function isPlainObject(node: Obj): boolean {
  if (node.anyOf || node.oneOf || node.allOf || node.$ref) return false;
  return node.type === "object" || (node.type === undefined && isObj(node.properties));
}

/** `anyOf: [object, array]` with a bare array branch, as the converter writes `(object,array)`. */
export function isObjectOrBareArray(node: Obj): boolean {
  const branches = Array.isArray(node.anyOf) ? node.anyOf : [];
  return (
    branches.length === 2 &&
    branches.some((b) => isObj(b) && b.type === "object") &&
    branches.some((b) => isBareArray(b))
  );
}

/** Rewrites the node in place; returns whether it changed. */
export function allowEmptyArray(node: Obj, evidence: string): boolean {
  if (isObjectOrBareArray(node)) {
    node.anyOf = (node.anyOf as Obj[]).map((b) => (isBareArray(b) ? { ...EMPTY_ARRAY } : b));
    return mark(node, "empty-array", evidence);
  }
  if (!isPlainObject(node)) return false;
  const inner: Obj = { type: "object" };
  if (node.nullable === true) inner.nullable = true;
  for (const [k, v] of Object.entries(node)) {
    if (KEEP_OUTSIDE.has(k) || k.startsWith("x-")) continue;
    inner[k] = v;
    delete node[k];
  }
  node.anyOf = [inner, { ...EMPTY_ARRAY }];
  // A page's `(any)`: the type is narrowed from "anything" to what the description says; keep its word.
  if (node["x-altegio-type"] === "any" && node["x-altegio-vendor-type"] === undefined)
    node["x-altegio-vendor-type"] = "any";
  return mark(node, "empty-array", evidence);
}

/** Does a node already admit `[]` as the empty object? */
export function admitsEmptyArray(node: Obj): boolean {
  return Array.isArray(node.anyOf) && node.anyOf.some(isEmptyArraySchema);
}

const SAYS_EMPTY_ARRAY = /\bempty array\b/i;

/**
 * The pages' own words: a response field typed `(object,array)`, or described as "… or empty
 * array", is an object that may arrive as `[]`.
 */
export function emptyArrayFromPages(schemas: Record<string, Obj>): number {
  let n = 0;
  forEachResponseProperty(schemas, (node) => {
    const description = typeof node.description === "string" ? node.description : "";
    const typed = node["x-altegio-type"];
    const says = SAYS_EMPTY_ARRAY.test(description);
    if (!says && typed !== "object,array") return;
    if (says && node.type === undefined && !isObj(node.properties) && !node.anyOf) return; // nothing typed to keep
    const quote = says ? `page: "${description.split("\n")[0]}"` : "page: typed (object,array)";
    if (says && /\bnull\b/i.test(description) && !node.anyOf) node.nullable = true;
    if (allowEmptyArray(node, quote)) n++;
  });
  return n;
}

/** Visits every property schema of every response component (not `*_request`), depth first. */
export function forEachResponseProperty(
  schemas: Record<string, Obj>,
  visit: (node: Obj, name: string) => void,
): void {
  const seen = new Set<Obj>();
  const walk = (node: unknown): void => {
    if (!isObj(node) || seen.has(node)) return;
    seen.add(node);
    if (isObj(node.properties))
      for (const [name, prop] of Object.entries(node.properties)) {
        if (isObj(prop)) visit(prop, name);
        walk(prop);
      }
    walk(node.items);
    if (isObj(node.additionalProperties)) walk(node.additionalProperties);
    for (const key of ["allOf", "anyOf", "oneOf"]) for (const b of (node[key] ?? []) as unknown[]) walk(b);
  };
  for (const [name, schema] of Object.entries(schemas)) if (!name.endsWith("_request")) walk(schema);
}
