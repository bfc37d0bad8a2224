/**
 * `altegio-b2b/verify`: check openapi.yaml against your own account, read-only. The same run
 * as the `altegio-b2b verify` command (docs/verify.md); a separate entry point, so that ajv and
 * the spec stay out of what `import { createAltegioClient } from "altegio-b2b"` bundles. Bad
 * input, a refused token and a location the token cannot read throw `AltegioConfigError`
 * (from "altegio-b2b") naming what to fix.
 */
export type { OperationResult, OperationStatus, VerifyReport } from "./report.js";
export type { Mismatch, Undocumented } from "./shape.js";
export { formatSummary } from "./summary.js";
export { type ProgressEvent, type VerifyOptions, verify } from "./verify.js";
