// Turns a page's field list into OpenAPI 3.0.3 schema objects.
// - Dotted names (`data.social.instagram`) and indented sub-field lists nest into object properties,
//   or into `items` when the parent is an array (`data.goods_transactions.id`).
// - `(x,null)` → `nullable: true`. 3.0.3 has no type arrays, so `(object,array)`, `(string,number)` …
//   become `anyOf` branches; `(any)` and `(null)` get no `type` (every payload validates), and the
//   vendor's wording is kept in `x-altegio-type`.
// - `— one of:` blocks become `anyOf` (not oneOf: the two `tips` models of search_client_visits are
//   structurally identical, so oneOf would reject every payload).
import type { PageField } from "./model.js";

export type Schema = Record<string, unknown>;

const SCALARS = new Set(["string", "number", "integer", "boolean"]);

/** Looks up the enum of another field for `Enum: same as \`x\` (N values)`. */
export type EnumResolver = (name: string) => string | undefined;

export function parseExample(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw; // not JSON: kept as the literal text
  }
}

export function parseEnum(raw: string, resolve: EnumResolver): unknown[] | undefined {
  const same = /^same as `([^`]+)`/.exec(raw);
  const literal = same?.[1] ? resolve(same[1]) : raw;
  if (literal === undefined) return undefined;
  try {
    const values: unknown = JSON.parse(`[${literal}]`);
    return Array.isArray(values) ? values : undefined;
  } catch {
    return undefined;
  }
}

/** Schema of one field alone (no children), from its types, description, enum and example. */
export function fieldSchema(field: PageField, resolve: EnumResolver): Schema {
  const nullable = field.types.includes("null");
  const kinds = field.types.filter((t) => t !== "null");
  let schema: Schema;
  if (kinds.length === 1 && kinds[0] !== "any") {
    schema = typedSchema(kinds[0] ?? "", nullable);
  } else if (kinds.length > 1) {
    schema = { anyOf: kinds.map((k) => typedSchema(k, nullable)) };
  } else {
    schema = {}; // (any) or (null): no type constraint
  }
  if (kinds.length !== 1 || kinds[0] === "any") schema["x-altegio-type"] = field.types.join(",");
  if (field.description !== "") schema.description = field.description;
  if (field.enumRaw !== undefined) {
    const values = parseEnum(field.enumRaw, resolve);
    // On an array the listed values are those of its items (e.g. the `include` lists).
    const holder = schema.type === "array" ? (schema.items as Schema) : schema;
    if (values)
      holder.enum = nullable && holder === schema && !values.includes(null) ? [...values, null] : values;
    if (!values || field.enumRaw.startsWith("same as")) schema["x-altegio-enum"] = field.enumRaw;
  }
  if (field.exampleRaw !== undefined) schema.example = parseExample(field.exampleRaw);
  return schema;
}

function typedSchema(kind: string, nullable: boolean): Schema {
  if (!SCALARS.has(kind) && kind !== "object" && kind !== "array") {
    throw new Error(`unknown vendor type "${kind}"`);
  }
  const schema: Schema = { type: kind };
  if (kind === "array") schema.items = {};
  if (nullable) schema.nullable = true;
  return schema;
}

/** Flattens indented sub-field lists into dotted names relative to the list. */
export function flattenFields(fields: PageField[], prefix = ""): PageField[] {
  const out: PageField[] = [];
  for (const field of fields) {
    const name = prefix + field.name;
    out.push({ ...field, name, children: [] });
    out.push(...flattenFields(field.children, `${name}.`));
  }
  return out;
}

/** Builds an object schema whose properties are the (flattened) fields; returns it with its duplicate names. */
export function objectSchema(
  fields: PageField[],
  resolve: EnumResolver,
): { schema: Schema; duplicates: string[] } {
  const root: Schema = { type: "object", properties: {} };
  const byName = new Map<string, Schema>([["", root]]);
  const duplicates: string[] = [];
  for (const field of flattenFields(fields)) {
    if (byName.has(field.name)) {
      duplicates.push(field.name); // same dotted name twice: the first declaration wins
      continue;
    }
    const cut = field.name.lastIndexOf(".");
    const parentName = cut < 0 ? "" : field.name.slice(0, cut);
    const key = cut < 0 ? field.name : field.name.slice(cut + 1);
    const container = propertyHolder(ensureSchema(parentName, byName));
    const schema = fieldSchema(field, resolve);
    if (field.variants.length > 0) attachVariants(schema, field, resolve);
    (container.properties as Record<string, Schema>)[key] = schema;
    if (field.required) addRequired(container, key);
    byName.set(field.name, schema);
  }
  return { schema: root, duplicates };
}

/** Schema of a `— one of:` field: one anyOf branch per variant, each an object of its own fields. */
export function variantsSchema(field: PageField, resolve: EnumResolver): Schema {
  return {
    anyOf: field.variants.map((variant) => ({
      ...objectSchema(variant.fields, resolve).schema,
      title: variant.title,
    })),
  };
}

function attachVariants(schema: Schema, field: PageField, resolve: EnumResolver): void {
  delete schema.type;
  schema["x-altegio-one-of"] = true;
  Object.assign(schema, { anyOf: variantsSchema(field, resolve).anyOf });
}

/** Parent declared by the page, or an implicit object when only its children are documented. */
function ensureSchema(name: string, byName: Map<string, Schema>): Schema {
  const known = byName.get(name);
  if (known) return known;
  const cut = name.lastIndexOf(".");
  const parent = propertyHolder(ensureSchema(cut < 0 ? "" : name.slice(0, cut), byName));
  const implicit: Schema = { type: "object", "x-altegio-implicit": true, properties: {} };
  (parent.properties as Record<string, Schema>)[cut < 0 ? name : name.slice(cut + 1)] = implicit;
  byName.set(name, implicit);
  return implicit;
}

/** The schema that receives child properties: the object itself, an array's items, or the object branch. */
function propertyHolder(schema: Schema): Schema {
  let holder = schema;
  if (Array.isArray(schema.anyOf)) {
    const branches = schema.anyOf as Schema[];
    holder = branches.find((b) => b.type === "object") ?? branches.find((b) => b.type === "array") ?? schema;
  }
  if (holder.type === "array") {
    const items = holder.items as Schema;
    if (items.type === undefined) items.type = "object";
    holder = items;
  }
  if (holder.properties === undefined) holder.properties = {};
  return holder;
}

function addRequired(container: Schema, key: string): void {
  const list = (container.required as string[] | undefined) ?? [];
  if (!list.includes(key)) list.push(key);
  container.required = list;
}
