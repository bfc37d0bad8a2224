/**
 * A real JSON Schema validator (ajv 8 + ajv-formats) over the converted spec document.
 * The whole document is registered under `openapi`, so `$ref`s (circular ones included)
 * resolve the way the spec says, and each schema fragment is compiled once.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { DOC_ID } from "./oas30.js";
import type { Json, JsonObject, Operation, Spec } from "./spec.js";

// ajv-formats is CommonJS; under NodeNext its default export is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

export interface Validator {
  /** Errors of `value` against a schema fragment of the spec ([] = valid). */
  check(schema: JsonObject | undefined, value: unknown): string[];
  /** Errors of a response body against the operation's documented response. */
  checkResponse(op: Operation, status: number, contentType: string | null, body: string): string[];
}

const validators = new WeakMap<Spec, Validator>();

export function validatorFor(spec: Spec): Validator {
  const hit = validators.get(spec);
  if (hit) return hit;
  const ajv = new Ajv({
    strict: false, // the document carries OpenAPI keywords (discriminator, xml, example…)
    allErrors: true,
    allowUnionTypes: true,
    validateSchema: false,
    logger: false,
  });
  addFormats(ajv);
  ajv.addSchema(spec.doc, DOC_ID);
  const compiled = new WeakMap<object, ValidateFunction>();
  const compile = (schema: JsonObject): ValidateFunction => {
    let fn = compiled.get(schema);
    if (!fn) {
      fn = ajv.compile(schema);
      compiled.set(schema, fn);
    }
    return fn;
  };
  const format = (errs: ErrorObject[] | null | undefined): string[] =>
    (errs ?? []).map((e) => `${e.instancePath || "(root)"} ${e.message ?? e.keyword}`);

  const v: Validator = {
    check(schema, value) {
      if (!schema) return [];
      const fn = compile(schema);
      return fn(value) ? [] : format(fn.errors);
    },
    checkResponse(op, status, contentType, body) {
      const declared =
        op.responses.find((r) => r.status === String(status)) ??
        op.responses.find((r) => r.status.toUpperCase() === `${String(status)[0]}XX`) ??
        op.responses.find((r) => r.status === "default");
      if (!declared) return [`status ${status} is not documented for ${op.id}`];
      const mediaTypes = Object.keys(declared.content);
      // HTTP forbids a body on 204/205/304, whatever the spec declares for them.
      if ([204, 205, 304].includes(status)) {
        return body === "" ? [] : [`status ${status} must have no body, got ${body.length} bytes`];
      }
      if (mediaTypes.length === 0) {
        return body.trim() === "" ? [] : [`status ${status} documents no body, got ${body.length} bytes`];
      }
      const mt = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
      const media = declared.content[mt] ?? declared.content["*/*"];
      if (!media) return [`content-type "${contentType}" is not one of ${mediaTypes.join(", ")}`];
      // Non-JSON bodies (application/pdf…): the schema can only say "a string"; require bytes.
      if (!/json/.test(mt) && mt !== "") return body.length > 0 ? [] : [`empty ${mt} body`];
      let parsed: Json;
      try {
        parsed = JSON.parse(body) as Json;
      } catch {
        return [`body is not JSON: ${body.slice(0, 120)}`];
      }
      return v.check(media.schema, parsed);
    },
  };
  validators.set(spec, v);
  return v;
}
