import type { Client } from "openapi-fetch";
import { checkPathParams } from "./check-path-params.js";
import { AltegioNetworkError } from "./errors/altegio-network-error.js";
import { AltegioTimeoutError } from "./errors/altegio-timeout-error.js";
import { createApiError } from "./errors/create-api-error.js";
import { parseErrorEnvelope } from "./errors/parse-error-envelope.js";
import { CALLER_SIGNAL } from "./fetch/fetch-like.js";
import { stripQuery } from "./fetch/with-network-errors.js";
import { redactHeaders, redactSecrets, type Secrets } from "./redact.js";

const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

interface Result {
  data?: unknown;
  error?: unknown;
  response: Response;
}
type Call = (url: string, init?: Record<string, unknown>) => Promise<Result>;

/** What {@link throwOnError} needs besides the client. */
export interface ThrowOnErrorOptions {
  /** Reported by a timeout that fires outside the fetch layers. */
  timeoutMs: number | false;
  /** Values to scrub from error bodies and headers (a vendor message may echo a token). */
  secrets: Secrets;
}

/**
 * Makes an openapi-fetch client THROW (Octokit/Stripe style) instead of resolving with
 * `{ error }`: any non-2xx, any 2xx whose body says `success: false` (or carries the
 * locations envelope `errors: { code, message }`), and any 2xx whose body is not JSON, rejects
 * with the {@link createApiError} subclass for its status. It works on the body openapi-fetch
 * has already read, so a success costs one property check (a middleware would have to read and
 * re-wrap the body). Network and timeout errors get the operation's path template.
 *
 * @example
 * const client = throwOnError(createClient<paths>({ baseUrl }), { timeoutMs: 30_000, secrets: [token] });
 */
// biome-ignore lint/suspicious/noExplicitAny: any client over any paths, as openapi-fetch's own helpers type it
export function throwOnError<C extends Client<any, any>>(client: C, options: ThrowOnErrorOptions): C {
  const wrapped: Record<string, unknown> = { ...(client as object) };
  const wrap = (call: Call, method: string) => (url: string, init?: Record<string, unknown>) => {
    const asJson = init?.parseAs === undefined || init.parseAs === "json";
    try {
      checkPathParams(method, url, init);
    } catch (error) {
      return Promise.reject(error);
    }
    return call(url, prepare(init, asJson)).then(
      (result) => check(result, method, url, asJson, options),
      (error: unknown) => mapError(error, method, url, init, options),
    );
  };
  for (const method of METHODS) wrapped[method] = wrap(client[method] as unknown as Call, method);
  const request = client.request as unknown as (
    m: string,
    url: string,
    init?: Record<string, unknown>,
  ) => Promise<Result>;
  wrapped.request = (method: string, url: string, init?: Record<string, unknown>) =>
    wrap((u, i) => request(method, u, i), method.toUpperCase())(url, init);
  return wrapped as unknown as C;
}

// JSON is asked of openapi-fetch as text and parsed in `check`, where the response is known:
// openapi-fetch's own JSON.parse fails with a bare SyntaxError that says neither the status
// nor the content type (a captive portal's HTML page on 200 looked like any other bug).
// The caller's signal goes to the fetch layers under CALLER_SIGNAL (openapi-fetch copies
// unknown init keys onto its Request), not as the Request's signal: see CALLER_SIGNAL.
function prepare(init: Record<string, unknown> | undefined, asJson: boolean): Record<string, unknown> {
  const { signal, ...prepared } = init ?? {};
  if (asJson) prepared.parseAs = "text";
  if (signal) prepared[CALLER_SIGNAL] = signal;
  return prepared;
}

function check(
  result: Result,
  method: string,
  path: string,
  asJson: boolean,
  options: ThrowOnErrorOptions,
): Result {
  const { response } = result;
  if (!response.ok)
    throw apiError(response, method, path, result.error === "" ? undefined : result.error, options);
  if (asJson && typeof result.data === "string")
    result.data = parseJson(result.data, response, method, path, options);
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

function parseJson(
  text: string,
  response: Response,
  method: string,
  path: string,
  options: ThrowOnErrorOptions,
): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    const type = response.headers.get("content-type");
    // Node quotes the body in the SyntaxError message, so the cause is rebuilt with secrets scrubbed.
    throw apiError(response, method, path, text, options, {
      reason: `response is not JSON (${type ? type : "no content type"})`,
      cause: new SyntaxError(redactSecrets((error as Error).message, options.secrets)),
    });
  }
}

function apiError(
  response: Response,
  method: string,
  path: string,
  body: unknown,
  options: ThrowOnErrorOptions,
  extra: { reason?: string; cause?: unknown } = {},
) {
  return createApiError({
    status: response.status,
    method,
    pathTemplate: path,
    url: response.url,
    headers: response.headers,
    body,
    secrets: options.secrets,
    ...extra,
  });
}

function mapError(
  error: unknown,
  method: string,
  path: string,
  init: Record<string, unknown> | undefined,
  options: ThrowOnErrorOptions,
): never {
  const details = (e: AltegioNetworkError | AltegioTimeoutError) => ({
    pathTemplate: path,
    phase: e instanceof AltegioTimeoutError ? e.phase : undefined,
    status: e.status,
    headers: e.headers && redactHeaders(e.headers, options.secrets),
  });
  // The fetch layers do not know the path template: the error is rebuilt with it.
  if (error instanceof AltegioNetworkError && error.pathTemplate === undefined) {
    throw new AltegioNetworkError(error.method, error.url, error.cause, details(error));
  }
  if (error instanceof AltegioTimeoutError && error.pathTemplate === undefined) {
    throw new AltegioTimeoutError(error.method, error.url, error.timeoutMs, error.cause, details(error));
  }
  // A timeout signal that fired outside the fetch layers (a custom fetch's own, say).
  const callerSignal = init?.signal as AbortSignal | undefined;
  if (error instanceof Error && error.name === "TimeoutError" && !callerSignal?.aborted) {
    const ms = typeof init?.timeoutMs === "number" ? init.timeoutMs : options.timeoutMs || 0;
    throw new AltegioTimeoutError(method, stripQuery(path), ms, error, { pathTemplate: path });
  }
  throw error;
}
