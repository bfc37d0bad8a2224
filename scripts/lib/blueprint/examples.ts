import { Ajv } from "ajv";
import type { Schema } from "./schema.js";

// OpenAPI 3.0 schemas carry `example`, `nullable` and x- keywords: ajv checks types, not
// vocabulary, here.
const ajv = new Ajv({ strict: false, allErrors: false });

export function exampleIsValid(schema: Schema, example: unknown): boolean {
  const { example: _example, ...withoutExample } = schema;
  return ajv.validate(withoutExample, example);
}

/**
 * The blueprint's examples and its MSON often disagree (an object field shown as an array,
 * numbers as strings). The structure wins: an example that does not validate against its
 * schema is removed, at every depth, and counted.
 */
export function dropInvalidExamples(schema: Schema): { schema: Schema; dropped: number } {
  let dropped = 0;
  const visit = (node: Schema): Schema => {
    const result: Schema = { ...node };
    if (result.items !== undefined) result.items = visit(result.items);
    if (result.properties !== undefined) {
      result.properties = Object.fromEntries(
        Object.entries(result.properties).map(([k, v]) => [k, visit(v)]),
      );
    }
    if (result.default !== undefined && !exampleIsValid(result, result.default)) {
      delete result.default;
      dropped++;
    }
    if (result.example !== undefined && !exampleIsValid(result, result.example)) {
      delete result.example;
      dropped++;
    }
    return result;
  };
  return { schema: visit(schema), dropped };
}
