// Pairs a recorded JSON value with the schema nodes of the (raw OpenAPI 3.0) document that
// describe it: `$ref` is followed, every `allOf` part applies, of `anyOf`/`oneOf` the branches
// whose type admits the value, `properties` for an object's keys, `items` for an array's items.
// The visitor sees each (schema node, value) pair once, and may change the node in place.
type Obj = Record<string, unknown>;
export type Visit = (node: Obj, value: unknown, at: string) => void;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export function jsonType(value: unknown): "null" | "array" | "object" | "string" | "number" | "boolean" {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value as "object" | "string" | "number" | "boolean";
}

export function resolveRef(doc: Obj, node: unknown): Obj | undefined {
  let cur = node;
  for (let hops = 0; isObj(cur) && typeof cur.$ref === "string" && hops < 20; hops++) {
    const name = cur.$ref.replace("#/components/schemas/", "");
    cur = ((doc.components as Obj).schemas as Obj)[name];
  }
  return isObj(cur) ? cur : undefined;
}

/** Does a schema node's own `type` admit the value (no type admits anything)? */
export function admits(node: Obj, value: unknown): boolean {
  const t = jsonType(value);
  if (t === "null" && node.nullable === true) return true;
  if (node.type === undefined) return true;
  if (node.type === "integer" || node.type === "number") return t === "number";
  return node.type === t;
}

export function walk(doc: Obj, schema: unknown, value: unknown, visit: Visit, at = "", depth = 0): void {
  const node = resolveRef(doc, schema);
  if (!node || depth > 40) return;
  visit(node, value, at);
  for (const part of Array.isArray(node.allOf) ? node.allOf : [])
    walk(doc, part, value, visit, at, depth + 1);
  for (const key of ["anyOf", "oneOf"] as const) {
    const branches = (Array.isArray(node[key]) ? node[key] : []) as unknown[];
    for (const b of branches) {
      const branch = resolveRef(doc, b);
      if (branch && admits(branch, value)) walk(doc, branch, value, visit, at, depth + 1);
    }
  }
  if (Array.isArray(value) && isObj(node.items))
    for (const [k, item] of value.entries()) walk(doc, node.items, item, visit, `${at}/${k}`, depth + 1);
  if (isObj(value) && isObj(node.properties)) {
    for (const [key, v] of Object.entries(value)) {
      const prop = (node.properties as Obj)[key];
      if (prop !== undefined) walk(doc, prop, v, visit, `${at}/${key}`, depth + 1);
    }
  }
}
