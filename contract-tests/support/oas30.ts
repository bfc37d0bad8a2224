/**
 * The OpenAPI 3.0 → JSON Schema conversion lives in src/verify/oas30.ts, because the
 * `altegio-b2b verify` command validates real answers with the same ajv setup at run time.
 */
export { DOC_ID, toJsonSchemaDoc } from "../../src/verify/oas30.js";
