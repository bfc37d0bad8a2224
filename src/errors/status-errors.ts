import { AltegioApiError, type AltegioApiErrorInit } from "./altegio-api-error.js";

/** 400: the request was refused as malformed (`meta.errors` may say which field). */
export class AltegioBadRequestError extends AltegioApiError {
  override name = "AltegioBadRequestError";
}

/**
 * 401: a token is missing, wrong or expired. Altegio regenerates a user's token when the user
 * changes their password (POST /auth page), so the usual fix is to log in again.
 *
 * @example
 * catch (e) { if (e instanceof AltegioAuthenticationError) userToken = (await login(...)).userToken; }
 */
export class AltegioAuthenticationError extends AltegioApiError {
  override name = "AltegioAuthenticationError";
  constructor(init: AltegioApiErrorInit) {
    super(
      init,
      "Log in again with login(): Altegio regenerates the user token when the user changes their password",
    );
  }
}

/** 402: the account has to be topped up ("Insufficient funds on the account", SMS sends) or the licence renewed. */
export class AltegioInsufficientFundsError extends AltegioApiError {
  override name = "AltegioInsufficientFundsError";
}

/** 403: the user has no right to this location or action ("Access denied."). */
export class AltegioPermissionDeniedError extends AltegioApiError {
  override name = "AltegioPermissionDeniedError";
}

/** 404: no such resource. */
export class AltegioNotFoundError extends AltegioApiError {
  override name = "AltegioNotFoundError";
}

/** 422: validation failed; see `validationErrors`. */
export class AltegioUnprocessableEntityError extends AltegioApiError {
  override name = "AltegioUnprocessableEntityError";
}

/** 429: over the vendor's rate limit (200 requests per minute and 5 per second, per IP). */
export class AltegioRateLimitError extends AltegioApiError {
  override name = "AltegioRateLimitError";
}

/** 5xx: the vendor failed. */
export class AltegioInternalServerError extends AltegioApiError {
  override name = "AltegioInternalServerError";
}
