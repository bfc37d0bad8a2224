import createClient, {
  type Client,
  type ClientPathsWithMethod,
  type FetchResponse,
  type MaybeOptionalInit,
} from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import { defaultHeaders } from "./default-headers.js";
import { withRateLimit } from "./fetch/with-rate-limit.js";
import { withRetry } from "./fetch/with-retry.js";
import { withTimeout } from "./fetch/with-timeout.js";
import { createAcceptMiddleware } from "./middleware/accept.js";
import { createAuthMiddleware } from "./middleware/auth.js";
import { createDoubledBaseMiddleware } from "./middleware/doubled-base.js";
import { operationSecurity } from "./operation-security.js";
import { rememberBurst } from "./paging/client-burst.js";
import type { Secrets } from "./redact.js";
import { type AltegioClientOptions, resolveOptions } from "./resolve-options.js";
import { throwOnError } from "./throw-on-error.js";

type Media = `${string}/${string}`;
type BaseClient = Client<paths, Media>;
type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";
// As openapi-typescript-helpers' RequiredKeysOf and openapi-fetch's InitParam (not exported).
// biome-ignore lint/complexity/noBannedTypes: `{} extends Pick<T, K>` is how optional keys are detected
type RequiredKeysOf<T> = { [K in keyof T]: {} extends Pick<T, K> ? never : K }[keyof T] extends infer R
  ? R extends undefined
    ? never
    : R
  : never;
type InitParam<Init> =
  RequiredKeysOf<Init> extends never
    ? [(Init & { [key: string]: unknown })?]
    : [Init & { [key: string]: unknown }];
// biome-ignore lint/suspicious/noExplicitAny: FetchResponse's own constraint
type Operation<T> = Extract<T, Record<string | number, any>>;
/** openapi-fetch's result without its `{ error }` branch: failures are thrown instead. */
type Resolved<R> = Extract<R, { error?: never }>;
type ThrowingMethod<M extends HttpMethod> = <
  Path extends ClientPathsWithMethod<BaseClient, M>,
  Init extends MaybeOptionalInit<paths[Path], M>,
>(
  url: Path,
  ...init: InitParam<Init>
) => Promise<Resolved<FetchResponse<Operation<paths[Path][M]>, Init, Media>>>;

/**
 * openapi-fetch's client over the generated `paths`, except that every method THROWS an
 * `AltegioError` on failure: a resolved call is openapi-fetch's success branch, `{ data,
 * response }` (no `error`).
 */
export interface AltegioClient
  extends Omit<BaseClient, "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE"> {
  GET: ThrowingMethod<"get">;
  PUT: ThrowingMethod<"put">;
  POST: ThrowingMethod<"post">;
  DELETE: ThrowingMethod<"delete">;
  OPTIONS: ThrowingMethod<"options">;
  HEAD: ThrowingMethod<"head">;
  PATCH: ThrowingMethod<"patch">;
  TRACE: ThrowingMethod<"trace">;
}

/**
 * A typed Altegio B2B v1 client: openapi-fetch plus auth from openapi.yaml's security,
 * `Accept: application/vnd.api.v2+json`, thrown errors, retries, a client-side rate limit
 * and a fresh timeout per attempt.
 *
 * Layers, innermost first: timeout and network errors → rate limit → retry (fetch wrappers);
 * then openapi-fetch middleware for auth and per-operation Accept (onRequest); then
 * {@link throwOnError}.
 *
 * @example
 * const client = createAltegioClient({ partnerToken, userToken });
 * const { data } = await client.GET("/company/{location_id}", { params: { path: { location_id: 37532 } } });
 * console.log(data.data);
 */
export function createAltegioClient(options?: AltegioClientOptions): AltegioClient {
  return buildAltegioClient(options, []).client;
}

/**
 * {@link createAltegioClient} with more values to scrub from its errors (login()'s password),
 * and the full list of secrets it scrubs (the resolved tokens included). Not exported from the
 * package: login() is its one other caller.
 *
 * @example
 * const { client, secrets } = buildAltegioClient(options, [password]);
 */
export function buildAltegioClient(
  options: AltegioClientOptions | undefined,
  extraSecrets: Secrets,
): { client: AltegioClient; secrets: Secrets } {
  const resolved = resolveOptions(options);
  const secrets = [resolved.partnerToken, resolved.userToken, ...extraSecrets];
  const send = withRetry(
    withRateLimit(withTimeout(resolved.fetch, resolved.timeoutMs), resolved.rateLimit, resolved.maxQueueMs),
    resolved.retry,
  );
  const client = createClient<paths, `${string}/${string}`>({
    baseUrl: resolved.baseUrl,
    fetch: send,
    headers: defaultHeaders(),
  });
  client.use(
    createAuthMiddleware(resolved, operationSecurity),
    createAcceptMiddleware(),
    createDoubledBaseMiddleware(),
  );
  const altegio = throwOnError(client, {
    timeoutMs: resolved.timeoutMs,
    secrets,
  }) as unknown as AltegioClient;
  rememberBurst(altegio, options?.rateLimit);
  return { client: altegio, secrets };
}
