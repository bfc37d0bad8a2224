import {
  childElements,
  classesOf,
  isElement,
  memberOf,
  type RefractElement,
  stringValue,
  typeAttributesOf,
} from "./refract.js";
import type { Schema } from "./schema.js";

/** Named MSON types (`# Data Structures` section): `ServiceStaff`, `Seances`, … */
export type NamedTypes = ReadonlyMap<string, RefractElement>;

const BASE_TYPES = new Set(["string", "number", "boolean", "object", "array", "enum", "null", "member"]);

export function namedTypes(parseResult: RefractElement): NamedTypes {
  const types = new Map<string, RefractElement>();
  const visit = (element: RefractElement): void => {
    if (element.element === "category" && classesOf(element).includes("dataStructures")) {
      for (const structure of childElements(element)) {
        const inner = structure.content;
        const id = isElement(inner) ? stringValue(inner.meta?.id) : undefined;
        if (id !== undefined && isElement(inner)) types.set(id, inner);
      }
    }
    for (const child of childElements(element)) visit(child);
  };
  visit(parseResult);
  return types;
}

/**
 * OpenAPI schema of an MSON `dataStructure` element. Field names, types, required-ness,
 * enums, defaults and samples are kept; descriptions are not (they are Russian prose).
 */
export function schemaFromDataStructure(dataStructure: RefractElement, types: NamedTypes): Schema {
  const inner = dataStructure.content;
  return isElement(inner) ? schemaOf(inner, types, new Set()) : {};
}

function schemaOf(element: RefractElement, types: NamedTypes, resolving: ReadonlySet<string>): Schema {
  switch (element.element) {
    case "string":
    case "number":
    case "boolean":
      return withSamples({ type: element.element }, element);
    case "null":
      return {};
    case "object":
      return objectSchema(childElements(element), types, resolving);
    case "array":
      return arraySchema(element, types, resolving);
    case "enum":
      return enumSchema(element);
    default:
      return namedSchema(element, types, resolving);
  }
}

function objectSchema(members: RefractElement[], types: NamedTypes, resolving: ReadonlySet<string>): Schema {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const member of members) {
    const parts = memberOf(member);
    const name = stringValue(parts?.key);
    if (name === undefined) continue;
    // MSON's default member type is string.
    const property =
      parts?.value === undefined ? { type: "string" as const } : schemaOf(parts.value, types, resolving);
    const attributes = typeAttributesOf(member);
    properties[name] =
      attributes.includes("nullable") && property.type !== undefined
        ? { ...property, nullable: true }
        : property;
    // A member may be written twice (select options, repeated lines); list it once.
    if (attributes.includes("required") && !required.includes(name)) required.push(name);
  }
  return required.length > 0 ? { type: "object", properties, required } : { type: "object", properties };
}

function arraySchema(element: RefractElement, types: NamedTypes, resolving: ReadonlySet<string>): Schema {
  const items = childElements(element);
  const itemSchemas = items.map((item) => withoutExample(schemaOf(item, types, resolving)));
  const distinct = new Set(itemSchemas.map((s) => JSON.stringify(s)));
  const schema: Schema = {
    type: "array",
    items: distinct.size === 1 && itemSchemas[0] !== undefined ? itemSchemas[0] : {},
  };
  // Primitive items written inline (`+ ids: 1, 2 (array[number])`) are a sample of the array.
  const sample = items.map((item) => item.content);
  if (items.length > 0 && sample.every((v) => ["string", "number", "boolean"].includes(typeof v))) {
    schema.example = sample;
  }
  return withDefault(schema, element);
}

function enumSchema(element: RefractElement): Schema {
  const values = childElements(element.attributes?.enumerations ?? { element: "array" }).map(
    (v) => v.content,
  );
  const type = typeof values[0] === "number" ? "number" : "string";
  const schema: Schema = { type, enum: values.filter((v) => typeof v === type) };
  const selected = element.content;
  if (isElement(selected) && typeof selected.content === type) schema.example = selected.content;
  return schema;
}

function namedSchema(element: RefractElement, types: NamedTypes, resolving: ReadonlySet<string>): Schema {
  const name = element.element;
  const definition = types.get(name);
  // A recursive or unknown type stays open rather than guessed.
  if (BASE_TYPES.has(name) || definition === undefined || resolving.has(name)) return {};
  const base = schemaOf(definition, types, new Set([...resolving, name]));
  const ownMembers = childElements(element).filter((child) => child.element === "member");
  if (ownMembers.length === 0 || base.type !== "object") return base;
  const extra = objectSchema(ownMembers, types, resolving);
  const required = [...new Set([...(base.required ?? []), ...(extra.required ?? [])])];
  const merged: Schema = { type: "object", properties: { ...base.properties, ...extra.properties } };
  return required.length > 0 ? { ...merged, required } : merged;
}

// Samples in the blueprint are often quoted ('Стрижка женская'); the quotes are MSON noise.
function withSamples(schema: Schema, element: RefractElement): Schema {
  const sample = primitiveOf(element.content, schema.type);
  const result = sample === undefined ? schema : { ...schema, example: sample };
  return withDefault(result, element);
}

function withDefault(schema: Schema, element: RefractElement): Schema {
  const fallback = element.attributes?.default;
  if (fallback === undefined) return schema;
  const value =
    schema.type === "array"
      ? childElements(fallback).map((v) => v.content)
      : primitiveOf(fallback.content, schema.type);
  return value === undefined ? schema : { ...schema, default: value };
}

function primitiveOf(content: unknown, type: Schema["type"]): unknown {
  if (type === "string" && typeof content === "string") return content.replace(/^'(.*)'$/s, "$1");
  if (type === "number" && typeof content === "number") return content;
  if (
    type === "number" &&
    typeof content === "string" &&
    content.trim() !== "" &&
    Number.isFinite(Number(content))
  ) {
    return Number(content);
  }
  if (type === "boolean" && typeof content === "boolean") return content;
  if (type === "boolean" && (content === "true" || content === "false")) return content === "true";
  return undefined;
}

function withoutExample(schema: Schema): Schema {
  const { example: _example, default: _default, ...rest } = schema;
  return rest;
}
