// Test helpers: load openapi.yaml and validate values against its OpenAPI 3.0.3 schemas with ajv.
// 3.0 `nullable: true` becomes a JSON Schema type list; `$ref`s point into one registered document.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { parse } from "yaml";

export const ROOT = resolve(import.meta.dirname, "../../..");

export type Json = Record<string, unknown>;

export function loadSpec(file = resolve(ROOT, "openapi.yaml")): Json {
  return parse(readFileSync(file, "utf8")) as Json;
}

/** OpenAPI 3.0 schema → JSON Schema draft-07 (nullable, $ref prefix; x-* and example dropped). */
export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (schema === null || typeof schema !== "object") return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema as Json)) {
    if (key.startsWith("x-") || key === "example" || key === "nullable" || key === "discriminator") continue;
    if (key === "$ref" && typeof value === "string")
      out.$ref = value.replace("#/components/schemas/", "oas#/definitions/");
    else if (key === "properties" && value && typeof value === "object")
      out.properties = Object.fromEntries(
        Object.entries(value as Json).map(([k, v]) => [k, toJsonSchema(v)]),
      );
    else if (key === "enum") out.enum = value;
    else out[key] = toJsonSchema(value);
  }
  const source = schema as Json;
  if (source.nullable === true && typeof source.type === "string") out.type = [source.type, "null"];
  return out;
}

type AddFormats = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ??
  addFormatsModule) as unknown as AddFormats;

export class SchemaValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
  private readonly cache = new WeakMap<object, ValidateFunction>();

  constructor(spec: Json) {
    addFormats(this.ajv);
    const schemas = ((spec.components as Json | undefined)?.schemas ?? {}) as Json;
    this.ajv.addSchema({ $id: "oas", definitions: toJsonSchema(schemas) });
  }

  /** Undefined when `value` validates, else the first ajv error as text. */
  check(schema: object, value: unknown): string | undefined {
    let validate = this.cache.get(schema);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema) as object);
      this.cache.set(schema, validate);
    }
    if (validate(value)) return undefined;
    const error = validate.errors?.[0];
    return `${error?.instancePath || "/"} ${error?.message ?? "invalid"}`;
  }
}

/**
 * The page's own schema of a body declared `allOf: [{$ref: <shared envelope>}, <page schema>]`
 * (the converter's wrapEnvelopes); any other schema unchanged.
 */
export function unwrapEnvelope(schema: Json): Json {
  const parts = schema?.allOf as Json[] | undefined;
  if (parts?.length === 2 && ENVELOPES.has(String(parts[0]?.$ref)) && parts[1] && !parts[1].$ref)
    return parts[1];
  return schema;
}

/** The shared envelopes wrapEnvelopes puts first (an entity `allOf` is not one). */
const ENVELOPES = new Set(
  ["Envelope", "ErrorEnvelope", "ErrorsEnvelope"].map((name) => `#/components/schemas/${name}`),
);

/** Follows `#/components/schemas/X` references. */
export function deref(spec: Json, schema: unknown): Json {
  let node = schema as Json;
  for (let hops = 0; typeof node?.$ref === "string" && hops < 20; hops++) {
    const name = (node.$ref as string).replace("#/components/schemas/", "");
    node = ((spec.components as Json).schemas as Json)[name] as Json;
  }
  return node;
}

export interface OperationEntry {
  path: string;
  method: string;
  operation: Json;
  /** `callback` for operations nested under another operation's `callbacks`. */
  via: "path" | "callback";
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export function operations(spec: Json): OperationEntry[] {
  const out: OperationEntry[] = [];
  const visit = (paths: Json, via: OperationEntry["via"]): void => {
    for (const [path, item] of Object.entries(paths)) {
      for (const method of METHODS) {
        const operation = (item as Json)[method] as Json | undefined;
        if (!operation) continue;
        out.push({ path, method, operation, via });
        for (const callback of Object.values((operation.callbacks ?? {}) as Json))
          visit(callback as Json, "callback");
      }
    }
  };
  visit(spec.paths as Json, "path");
  return out;
}

export interface ExampleSite {
  where: string;
  schema: Json;
  example: unknown;
}

/** Every `example` of the document: on schema objects (at any depth) and on parameters. */
export function examplesIn(spec: Json): ExampleSite[] {
  const out: ExampleSite[] = [];
  const schemaWalk = (schema: unknown, where: string): void => {
    if (schema === null || typeof schema !== "object") return;
    const s = schema as Json;
    if ("example" in s) out.push({ where, schema: s, example: s.example });
    for (const [name, child] of Object.entries((s.properties ?? {}) as Json))
      schemaWalk(child, `${where}/properties/${name}`);
    if (s.items) schemaWalk(s.items, `${where}/items`);
    if (typeof s.additionalProperties === "object")
      schemaWalk(s.additionalProperties, `${where}/additionalProperties`);
    for (const key of ["anyOf", "oneOf", "allOf"]) {
      for (const [k, child] of ((s[key] ?? []) as unknown[]).entries())
        schemaWalk(child, `${where}/${key}/${k}`);
    }
  };
  for (const { path, method, operation } of operations(spec)) {
    const at = `${method.toUpperCase()} ${path}`;
    for (const p of (operation.parameters ?? []) as Json[]) {
      if ("example" in p)
        out.push({ where: `${at} param ${String(p.name)}`, schema: p.schema as Json, example: p.example });
      schemaWalk(p.schema, `${at} param ${String(p.name)}/schema`);
    }
  }
  for (const [name, schema] of Object.entries(((spec.components as Json).schemas ?? {}) as Json)) {
    schemaWalk(schema, `#/components/schemas/${name}`);
  }
  return out;
}

/** The sources an operation's `x-altegio-docs` lists (`["catalog", "page"]` …). */
export function docsOf(operation: Json | undefined): string[] {
  const docs = operation?.["x-altegio-docs"];
  return Array.isArray(docs) ? docs.map(String) : docs === undefined ? [] : [String(docs)];
}
