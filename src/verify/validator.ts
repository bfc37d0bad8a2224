/**
 * ajv 8 + ajv-formats over the whole converted spec, registered under `openapi` so `$ref`s
 * (circular ones too) resolve as the spec says: the setup contract-tests/support/validator.ts
 * uses, so the verifier and the contract suite agree on what "valid" means.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import type { JsonObject } from "./json.js";
import { DOC_ID } from "./oas30.js";

// ajv-formats is CommonJS; under NodeNext its default export is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

export type SchemaValidator = (schema: JsonObject, value: unknown) => ErrorObject[];

export function createValidator(doc: JsonObject): SchemaValidator {
  const ajv = new Ajv({
    strict: false, // the document carries OpenAPI keywords (discriminator, xml, example…)
    allErrors: true,
    allowUnionTypes: true,
    validateSchema: false,
    logger: false,
  });
  addFormats(ajv);
  ajv.addSchema(doc, DOC_ID);
  const compiled = new WeakMap<object, ValidateFunction>();
  return (schema, value) => {
    let fn = compiled.get(schema);
    if (!fn) {
      fn = ajv.compile(schema);
      compiled.set(schema, fn);
    }
    return fn(value) ? [] : [...(fn.errors ?? [])];
  };
}
