/**
 * Reads the vendor's two error envelopes (spec/reference/altegio-b2b-v1/ODDITIES.md,
 * "Two error shapes"):
 * - (a) `{ success: false, data, meta: { message, errors } }` (most pages; `meta.errors` is an
 *   array, or an object such as `{ filters: [...] }` on clients search);
 * - (b) `{ errors: { code, message }, meta: { message } }` (locations get/update/delete).
 */
import { isRecord } from "../internal/is-record.js";
export interface ErrorEnvelope {
  /** The vendor's human message (`meta.message`, else `errors.message`). */
  message: string | undefined;
  /** `meta.errors` (validation details) as sent: an array or an object keyed by field. */
  validationErrors: readonly unknown[] | Readonly<Record<string, unknown>> | undefined;
  /** `errors.code` of envelope (b) (e.g. 20 = INVALID_PARTNER_TOKEN), when present. */
  code: string | number | undefined;
  /** True when the body says `success: false`. */
  failed: boolean;
}

/**
 * Extracts message, validation errors and code from a parsed body of either envelope.
 *
 * @example
 * parseErrorEnvelope({ success: false, meta: { message: "Access denied." } }).message; // "Access denied."
 */
export function parseErrorEnvelope(body: unknown): ErrorEnvelope {
  const result: ErrorEnvelope = {
    message: undefined,
    validationErrors: undefined,
    code: undefined,
    failed: false,
  };
  if (!isRecord(body)) return result;
  result.failed = body.success === false;
  const meta = body.meta;
  if (isRecord(meta)) {
    if (typeof meta.message === "string" && meta.message) result.message = meta.message;
    const errors = meta.errors;
    if (Array.isArray(errors) ? errors.length > 0 : isRecord(errors) && Object.keys(errors).length > 0) {
      result.validationErrors = errors as ErrorEnvelope["validationErrors"];
    }
  }
  const errors = body.errors;
  // Envelope (b) counts as a failure only when it carries a code or a message, so an empty
  // `errors: {}` on a success body is not mistaken for one.
  if (isRecord(errors) && (errors.code !== undefined || typeof errors.message === "string")) {
    if (typeof errors.code === "string" || typeof errors.code === "number") result.code = errors.code;
    if (result.message === undefined && typeof errors.message === "string") result.message = errors.message;
    result.failed = true;
  }
  return result;
}
