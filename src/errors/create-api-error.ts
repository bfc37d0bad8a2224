import { AltegioApiError, type AltegioApiErrorInit } from "./altegio-api-error.js";
import {
  AltegioAuthenticationError,
  AltegioBadRequestError,
  AltegioInsufficientFundsError,
  AltegioInternalServerError,
  AltegioNotFoundError,
  AltegioPermissionDeniedError,
  AltegioRateLimitError,
  AltegioUnprocessableEntityError,
} from "./status-errors.js";

/**
 * The {@link AltegioApiError} subclass for a status, like Stainless' `APIError.generate()`.
 *
 * @example
 * createApiError({ status: 404, method: "GET", pathTemplate: "/companies", url, headers, body })
 *   instanceof AltegioNotFoundError; // true
 */
export function createApiError(init: AltegioApiErrorInit): AltegioApiError {
  switch (init.status) {
    case 400:
      return new AltegioBadRequestError(init);
    case 401:
      return new AltegioAuthenticationError(init);
    case 402:
      return new AltegioInsufficientFundsError(init);
    case 403:
      return new AltegioPermissionDeniedError(init);
    case 404:
      return new AltegioNotFoundError(init);
    case 422:
      return new AltegioUnprocessableEntityError(init);
    case 429:
      return new AltegioRateLimitError(init);
    default:
      return init.status >= 500 ? new AltegioInternalServerError(init) : new AltegioApiError(init);
  }
}
