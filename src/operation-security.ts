import { noAuth, type OperationSecurity, partnerOnly } from "../generated/operations.js";

const PARTNER = new Set(partnerOnly);
const NONE = new Set(noAuth);

/**
 * The security of an operation, keyed `"<METHOD> <path template>"` as openapi-fetch middleware
 * sees `request.method` and `schemaPath`. generated/operations.ts lists the exceptions
 * (BearerPartner only, no security); every other operation of openapi.yaml is
 * BearerPartnerUser, which is also what a path outside openapi.yaml (a cast) gets. Listing
 * only the exceptions keeps the bundled table small (bench: bundle size).
 *
 * @example
 * operationSecurity("GET /companies"); // "partner"
 * operationSecurity("GET /records/{location_id}"); // "partner-user"
 */
export function operationSecurity(key: string): OperationSecurity {
  if (NONE.has(key)) return "none";
  return PARTNER.has(key) ? "partner" : "partner-user";
}
