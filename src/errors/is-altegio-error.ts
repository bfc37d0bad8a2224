import type { AltegioApiError } from "./altegio-api-error.js";
import type { AltegioConfigError } from "./altegio-config-error.js";
import type { AltegioError } from "./altegio-error.js";
import type { AltegioNetworkError } from "./altegio-network-error.js";
import type { AltegioTimeoutError } from "./altegio-timeout-error.js";

import { isErrorKind } from "./error-kinds.js";

// Type guards match by `name`, like ky's: two copies of this package
// (e.g. one bundled by a dependency) have different classes but the same names. The names and
// their parents are in error-kinds.ts, which `instanceof` reads too.

/**
 * True for any error thrown by this client.
 *
 * @example
 * catch (e) { if (isAltegioError(e)) log(e.name, e.message); else throw e; }
 */
export function isAltegioError(error: unknown): error is AltegioError {
  return isErrorKind(error, "AltegioError");
}

/**
 * True when the vendor answered with an error (any status, or `success: false`).
 *
 * @example
 * catch (e) { if (isAltegioApiError(e) && e.status === 404) return undefined; throw e; }
 */
export function isAltegioApiError(error: unknown): error is AltegioApiError {
  return isErrorKind(error, "AltegioApiError");
}

/**
 * True when no HTTP answer came back.
 *
 * @example
 * catch (e) { if (isAltegioNetworkError(e)) console.error(e.code); }
 */
export function isAltegioNetworkError(error: unknown): error is AltegioNetworkError {
  return isErrorKind(error, "AltegioNetworkError");
}

/**
 * True when a request ran out of `timeoutMs`.
 *
 * @example
 * catch (e) { if (isAltegioTimeoutError(e)) console.error(e.timeoutMs); }
 */
export function isAltegioTimeoutError(error: unknown): error is AltegioTimeoutError {
  return isErrorKind(error, "AltegioTimeoutError");
}

/**
 * True for bad options or a missing user token (thrown before any I/O).
 *
 * @example
 * catch (e) { if (isAltegioConfigError(e)) console.error(e.option); }
 */
export function isAltegioConfigError(error: unknown): error is AltegioConfigError {
  return isErrorKind(error, "AltegioConfigError");
}
