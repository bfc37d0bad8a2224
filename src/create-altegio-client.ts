import createClient, { type Client } from "openapi-fetch";
import { operations } from "../generated/operations.js";
import type { paths } from "../generated/schema.js";
import { defaultHeaders } from "./default-headers.js";
import { withNetworkErrors } from "./fetch/with-network-errors.js";
import { withRateLimit } from "./fetch/with-rate-limit.js";
import { withRetry } from "./fetch/with-retry.js";
import { withTimeout } from "./fetch/with-timeout.js";
import { createAuthMiddleware } from "./middleware/auth.js";
import { createErrorMiddleware } from "./middleware/errors.js";
import { type AltegioClientOptions, resolveOptions } from "./resolve-options.js";

/**
 * openapi-fetch's client over the generated `paths`. Every method THROWS an `AltegioError`
 * on failure, so a resolved call always has `data`.
 */
export type AltegioClient = Client<paths, `${string}/${string}`>;

/**
 * A typed Altegio B2B v1 client: openapi-fetch plus auth from openapi.yaml's security,
 * `Accept: application/vnd.api.v2+json`, thrown errors, retries, a client-side rate limit
 * and a fresh timeout per attempt.
 *
 * Layers, innermost first: timeout → network errors → rate limit → retry (fetch wrappers);
 * then openapi-fetch middleware: auth (onRequest) and errors (onResponse).
 *
 * @example
 * const client = createAltegioClient({ partnerToken, userToken });
 * const { data } = await client.GET("/company/{location_id}", { params: { path: { location_id: 37532 } } });
 * console.log(data?.data);
 */
export function createAltegioClient(options?: AltegioClientOptions): AltegioClient {
  const resolved = resolveOptions(options);
  const send = withRetry(
    withRateLimit(withNetworkErrors(withTimeout(resolved.fetch, resolved.timeoutMs)), resolved.rateLimit),
    resolved.retry,
  );
  const client = createClient<paths, `${string}/${string}`>({
    baseUrl: resolved.baseUrl,
    fetch: send,
    headers: defaultHeaders(),
  });
  client.use(
    createAuthMiddleware(resolved, operations),
    createErrorMiddleware(resolved.timeoutMs, [resolved.partnerToken, resolved.userToken]),
  );
  return client;
}
