import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import { defaultHeaders } from "./default-headers.js";
import { withRateLimit } from "./fetch/with-rate-limit.js";
import { withRetry } from "./fetch/with-retry.js";
import { withTimeout } from "./fetch/with-timeout.js";
import { createAuthMiddleware } from "./middleware/auth.js";
import { operationSecurity } from "./operation-security.js";
import { type AltegioClientOptions, resolveOptions } from "./resolve-options.js";
import { throwOnError } from "./throw-on-error.js";

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
 * Layers, innermost first: timeout and network errors → rate limit → retry (fetch wrappers);
 * then openapi-fetch middleware for auth (onRequest); then {@link throwOnError}.
 *
 * @example
 * const client = createAltegioClient({ partnerToken, userToken });
 * const { data } = await client.GET("/company/{location_id}", { params: { path: { location_id: 37532 } } });
 * console.log(data?.data);
 */
export function createAltegioClient(options?: AltegioClientOptions): AltegioClient {
  const resolved = resolveOptions(options);
  const send = withRetry(
    withRateLimit(withTimeout(resolved.fetch, resolved.timeoutMs), resolved.rateLimit),
    resolved.retry,
  );
  const client = createClient<paths, `${string}/${string}`>({
    baseUrl: resolved.baseUrl,
    fetch: send,
    headers: defaultHeaders(),
  });
  client.use(createAuthMiddleware(resolved, operationSecurity));
  return throwOnError(client, {
    timeoutMs: resolved.timeoutMs,
    secrets: [resolved.partnerToken, resolved.userToken],
  });
}
