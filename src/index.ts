/**
 * altegio-b2b: a typed client for Altegio's B2B v1 REST API. This file only re-exports; each
 * concern lives in its own module (see docs/client.md). Everything exported here is a promise
 * to users: test/unit/exports.test.ts pins the list, so adding a name is a decision.
 * Campaign helpers are the `altegio-b2b/campaigns` entry (src/campaigns/index.ts).
 */

export type * from "../generated/entities.js";
export type { components, operations, paths } from "../generated/schema.js";
export { type AltegioClient, createAltegioClient } from "./create-altegio-client.js";
export { AltegioApiError, type AltegioApiErrorInit } from "./errors/altegio-api-error.js";
export { AltegioConfigError } from "./errors/altegio-config-error.js";
export { AltegioError } from "./errors/altegio-error.js";
export { AltegioLoginError } from "./errors/altegio-login-error.js";
export { AltegioNetworkError } from "./errors/altegio-network-error.js";
export { AltegioTimeoutError } from "./errors/altegio-timeout-error.js";
export { AltegioUserTokenRequiredError } from "./errors/altegio-user-token-required-error.js";
export {
  isAltegioApiError,
  isAltegioConfigError,
  isAltegioError,
  isAltegioNetworkError,
  isAltegioTimeoutError,
} from "./errors/is-altegio-error.js";
export {
  AltegioAuthenticationError,
  AltegioBadRequestError,
  AltegioInsufficientFundsError,
  AltegioInternalServerError,
  AltegioNotFoundError,
  AltegioPermissionDeniedError,
  AltegioRateLimitError,
  AltegioUnprocessableEntityError,
} from "./errors/status-errors.js";
export type { FetchLike } from "./fetch/fetch-like.js";
export { DEFAULT_RETRY, type RetryInfo, type RetryMethod, type RetryOptions } from "./fetch/with-retry.js";
export {
  type AltegioUser,
  type LoginChallenge,
  type LoginOptions,
  type LoginSuccess,
  login,
} from "./login.js";
export {
  type PageBody,
  type PagedPath,
  type PageParams,
  type PageSizeParam,
  type Paginated,
  type PaginateInit,
  type PaginateOptions,
  type PagingOptions,
  paginate,
} from "./paginate.js";
export {
  ALTEGIO_RATE_LIMIT,
  createRateLimiter,
  type RateLimiter,
  type RateLimiterOptions,
  type RateLimitWindow,
} from "./rate-limiter.js";
export { type AltegioClientOptions, DEFAULT_BASE_URL } from "./resolve-options.js";
