import type { Middleware } from "openapi-fetch";
import { AltegioTimeoutError } from "../errors/altegio-timeout-error.js";
import { createApiError } from "../errors/create-api-error.js";
import { parseErrorEnvelope } from "../errors/parse-error-envelope.js";
import { stripQuery } from "../fetch/with-timeout.js";
import { redactSecrets } from "../redact.js";

// Cheap pre-filter so a 2xx body is JSON-parsed a second time only when it may be a failure.
const MAYBE_FAILURE = /"success"\s*:\s*false|"errors"\s*:\s*\{/;
// Statuses whose Response may not have a body (Fetch standard "null body status").
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * Makes the client THROW (Octokit/Stripe style) instead of returning openapi-fetch's
 * `{ error }`: any non-2xx, and any 2xx whose body says `success: false` (or carries the
 * locations envelope `errors: { code, message }`), becomes the {@link createApiError}
 * subclass for its status. The body is read once here, inside the request's timeout.
 *
 * @example
 * client.use(createErrorMiddleware(30_000, [partnerToken, userToken]));
 */
export function createErrorMiddleware(
  timeoutMs: number | false,
  secrets: readonly (string | undefined)[] = [],
): Middleware {
  // A vendor message that echoes a token must not carry it into the error.
  const parseBody = (text: string) => parseJson(redactSecrets(text, secrets));
  const safeHeaders = (headers: Headers) => {
    const out = new Headers();
    headers.forEach((value, key) => {
      out.append(key, redactSecrets(value, secrets));
    });
    return out;
  };
  return {
    async onResponse({ request, response, schemaPath }) {
      const info = {
        status: response.status,
        method: request.method,
        pathTemplate: schemaPath,
        url: request.url,
      };
      if (NULL_BODY.has(response.status) || request.method === "HEAD") {
        if (response.ok) return undefined;
        throw createApiError({ ...info, headers: safeHeaders(response.headers), body: undefined });
      }
      // A successful non-JSON answer (a file) is left to openapi-fetch's parseAs untouched.
      if (response.ok && !(response.headers.get("content-type") ?? "").includes("json")) return undefined;
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        if (error instanceof Error && error.name === "TimeoutError" && !request.signal.aborted) {
          throw new AltegioTimeoutError(request.method, stripQuery(request.url), timeoutMs || 0, error);
        }
        throw error;
      }
      if (!response.ok)
        throw createApiError({ ...info, headers: safeHeaders(response.headers), body: parseBody(text) });
      if (MAYBE_FAILURE.test(text)) {
        const body = parseBody(text);
        if (parseErrorEnvelope(body).failed)
          throw createApiError({ ...info, headers: safeHeaders(response.headers), body });
      }
      return new Response(text, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    },
  };
}

function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
