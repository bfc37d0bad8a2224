import type { Client } from "openapi-fetch";
import { AltegioError } from "./errors/altegio-error.js";
import { AltegioTimeoutError } from "./errors/altegio-timeout-error.js";
import { createApiError } from "./errors/create-api-error.js";
import { parseErrorEnvelope } from "./errors/parse-error-envelope.js";
import { CALLER_SIGNAL } from "./fetch/fetch-like.js";
import { stripQuery } from "./fetch/with-network-errors.js";
import { releaseTimeout } from "./fetch/with-timeout.js";
import { redactSecrets } from "./redact.js";

const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

interface Result {
  data?: unknown;
  error?: unknown;
  response: Response;
}
type Call = (url: string, init?: Record<string, unknown>) => Promise<Result>;

/** What {@link throwOnError} needs besides the client. */
export interface ThrowOnErrorOptions {
  /** Reported by a timeout that fires while the body is read. */
  timeoutMs: number | false;
  /** Values to scrub from error bodies and headers (a vendor message may echo a token). */
  secrets: readonly (string | undefined)[];
}

/**
 * Makes an openapi-fetch client THROW (Octokit/Stripe style) instead of resolving with
 * `{ error }`: any non-2xx, and any 2xx whose body says `success: false` (or carries the
 * locations envelope `errors: { code, message }`), rejects with the {@link createApiError}
 * subclass for its status. It works on the body openapi-fetch has already parsed, so a
 * success costs one property check (a middleware would have to read and re-wrap the body).
 * A timeout that fires while the body streams becomes {@link AltegioTimeoutError}.
 *
 * @example
 * const client = throwOnError(createClient<paths>({ baseUrl }), { timeoutMs: 30_000, secrets: [token] });
 */
// biome-ignore lint/suspicious/noExplicitAny: any client over any paths, as openapi-fetch's own helpers type it
export function throwOnError<C extends Client<any, any>>(client: C, options: ThrowOnErrorOptions): C {
  const wrapped: Record<string, unknown> = { ...(client as object) };
  for (const method of METHODS) {
    const call = client[method] as unknown as Call;
    wrapped[method] = (url: string, init?: Record<string, unknown>) =>
      call(url, markCallerSignal(init)).then(
        (result) => check(result, method, url, options),
        (error: unknown) => mapError(error, method, url, init, options),
      );
  }
  const request = client.request as unknown as (
    m: string,
    url: string,
    init?: Record<string, unknown>,
  ) => Promise<Result>;
  wrapped.request = (method: string, url: string, init?: Record<string, unknown>) =>
    request(method, url, markCallerSignal(init)).then(
      (result) => check(result, method.toUpperCase(), url, options),
      (error: unknown) => mapError(error, method.toUpperCase(), url, init, options),
    );
  return wrapped as unknown as C;
}

// openapi-fetch copies unknown init keys onto its Request, where the timeout layer reads it.
function markCallerSignal(init: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  return init?.signal ? { ...init, [CALLER_SIGNAL]: true } : init;
}

function check(result: Result, method: string, path: string, options: ThrowOnErrorOptions): Result {
  const { response } = result;
  // openapi-fetch has read the body: this attempt's timeout has nothing left to guard.
  releaseTimeout(response);
  if (!response.ok)
    throw apiError(response, method, path, result.error === "" ? undefined : result.error, options);
  const data = result.data;
  // Cheap test first: only a body with top-level `success: false` or `errors` is examined.
  if (
    typeof data === "object" &&
    data !== null &&
    ((data as { success?: unknown }).success === false || "errors" in data) &&
    parseErrorEnvelope(data).failed
  ) {
    throw apiError(response, method, path, data, options);
  }
  return result;
}

function apiError(
  response: Response,
  method: string,
  path: string,
  body: unknown,
  options: ThrowOnErrorOptions,
) {
  const headers = new Headers();
  response.headers.forEach((value, key) => {
    headers.append(key, redactSecrets(value, options.secrets));
  });
  return createApiError({
    status: response.status,
    method,
    pathTemplate: path,
    url: response.url,
    headers,
    body: scrub(body, options.secrets),
  });
}

function scrub(value: unknown, secrets: readonly (string | undefined)[], depth = 0): unknown {
  if (typeof value === "string") return redactSecrets(value, secrets);
  if (depth > 20 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, secrets, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, secrets, depth + 1)]));
}

function mapError(
  error: unknown,
  method: string,
  path: string,
  init: Record<string, unknown> | undefined,
  options: ThrowOnErrorOptions,
): never {
  const callerSignal = init?.signal as AbortSignal | undefined;
  // Our per-attempt timeout signal aborts with a TimeoutError; if it fires while openapi-fetch
  // reads the body, the read rejects with it.
  if (error instanceof Error && error.name === "TimeoutError" && !callerSignal?.aborted) {
    const ms = typeof init?.timeoutMs === "number" ? init.timeoutMs : options.timeoutMs || 0;
    throw new AltegioTimeoutError(method, stripQuery(path), ms, error);
  }
  // A 2xx whose body is not JSON: openapi-fetch's JSON.parse failed. Node quotes the body in
  // the SyntaxError message, so the cause is rebuilt with secrets scrubbed.
  if (error instanceof SyntaxError) {
    throw new AltegioError(`Response body is not valid JSON: ${method} ${path}`, {
      cause: new SyntaxError(redactSecrets(error.message, options.secrets)),
    });
  }
  throw error;
}
