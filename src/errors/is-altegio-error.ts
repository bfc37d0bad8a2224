import type { AltegioApiError } from "./altegio-api-error.js";
import type { AltegioConfigError } from "./altegio-config-error.js";
import type { AltegioError } from "./altegio-error.js";
import type { AltegioNetworkError } from "./altegio-network-error.js";
import type { AltegioTimeoutError } from "./altegio-timeout-error.js";

// Type guards match by `name` as well as by class, like ky's: two copies of this package
// (e.g. one bundled by a dependency) have different classes but the same names.
const API_NAMES = new Set([
  "AltegioApiError",
  "AltegioBadRequestError",
  "AltegioAuthenticationError",
  "AltegioInsufficientFundsError",
  "AltegioPermissionDeniedError",
  "AltegioNotFoundError",
  "AltegioUnprocessableEntityError",
  "AltegioRateLimitError",
  "AltegioInternalServerError",
  "AltegioLoginError",
]);
const CONFIG_NAMES = new Set(["AltegioConfigError", "AltegioUserTokenRequiredError"]);
const ALL_NAMES = new Set([
  ...API_NAMES,
  ...CONFIG_NAMES,
  "AltegioError",
  "AltegioNetworkError",
  "AltegioTimeoutError",
]);

function hasName(error: unknown, names: ReadonlySet<string>): boolean {
  return error instanceof Error && names.has(error.name);
}

/**
 * True for any error thrown by this client.
 *
 * @example
 * catch (e) { if (isAltegioError(e)) log(e.name, e.message); else throw e; }
 */
export function isAltegioError(error: unknown): error is AltegioError {
  return hasName(error, ALL_NAMES);
}

/**
 * True when the vendor answered with an error (any status, or `success: false`).
 *
 * @example
 * catch (e) { if (isAltegioApiError(e) && e.status === 404) return undefined; throw e; }
 */
export function isAltegioApiError(error: unknown): error is AltegioApiError {
  return hasName(error, API_NAMES);
}

/**
 * True when no HTTP answer came back.
 *
 * @example
 * catch (e) { if (isAltegioNetworkError(e)) console.error(e.code); }
 */
export function isAltegioNetworkError(error: unknown): error is AltegioNetworkError {
  return hasName(error, new Set(["AltegioNetworkError"]));
}

/**
 * True when a request ran out of `timeoutMs`.
 *
 * @example
 * catch (e) { if (isAltegioTimeoutError(e)) console.error(e.timeoutMs); }
 */
export function isAltegioTimeoutError(error: unknown): error is AltegioTimeoutError {
  return hasName(error, new Set(["AltegioTimeoutError"]));
}

/**
 * True for bad options or a missing user token (thrown before any I/O).
 *
 * @example
 * catch (e) { if (isAltegioConfigError(e)) console.error(e.option); }
 */
export function isAltegioConfigError(error: unknown): error is AltegioConfigError {
  return hasName(error, CONFIG_NAMES);
}
