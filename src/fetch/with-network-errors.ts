import { AltegioError } from "../errors/altegio-error.js";
import { AltegioNetworkError } from "../errors/altegio-network-error.js";
import type { FailureDetails } from "../errors/response-details.js";
import { redactHeaders } from "../redact.js";
import { callerSignal, type FetchLike } from "./fetch-like.js";
import { readBody } from "./read-body.js";

/**
 * What a failed attempt becomes: our own errors and the caller's abort pass through; anything
 * else (refused or reset connection, DNS, a body cut short…) becomes {@link AltegioNetworkError}
 * with the original in `cause`, and the status and headers of `response` when its head had
 * arrived.
 *
 * @example
 * catch (error) { throw toNetworkError(error, request, response); }
 */
export function toNetworkError(error: unknown, request: Request, response?: Response): unknown {
  if (error instanceof AltegioError || callerSignal(request).aborted) return error;
  return new AltegioNetworkError(request.method, stripQuery(request.url), error, responseDetails(response));
}

/**
 * The status and (redacted) headers of a response whose body failed, for an error.
 *
 * @example
 * new AltegioNetworkError(method, url, cause, responseDetails(response));
 */
export function responseDetails(response: Response | undefined): FailureDetails {
  return response ? { status: response.status, headers: redactHeaders(response.headers) } : {};
}

/**
 * Wraps a fetch so each attempt reads its whole body (see {@link readBody}) and its failures
 * go through {@link toNetworkError}. `withTimeout` does the same under a timer; this form is
 * for `timeoutMs: false`.
 *
 * @example
 * const send = withNetworkErrors(fetch);
 */
export function withNetworkErrors(fetch: FetchLike): FetchLike {
  return async (request, init) => {
    let response: Response | undefined;
    try {
      response = await fetch(request, init);
      return await readBody(response, request.method);
    } catch (error) {
      throw toNetworkError(error, request, response);
    }
  };
}

/** The URL without its query string (queries may carry personal data). */
export function stripQuery(url: string): string {
  const i = url.indexOf("?");
  return i === -1 ? url : url.slice(0, i);
}
