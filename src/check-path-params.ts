import { AltegioConfigError } from "./errors/altegio-config-error.js";

// `{name}`, and openapi-fetch's `{.name}`, `{;name}`, `{name*}` forms.
const PARAM = /\{([.;]?)([^{}*]+)\*?\}/g;
// Values that would change the path once in the URL: dot segments (the URL parser resolves
// them, `%2e` included), an empty segment, and separators a server may decode or normalise
// (`%2F` is decoded by common PHP routers; `\` is a separator to some servers and proxies).
const CHANGES_PATH = /^\.{1,2}$|^$|[/\\]/;

// encodeURIComponent throws a bare URIError on these.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Refuses, before any I/O, a path parameter that could send the request somewhere other than
 * the operation it was made for: `GET /company/{location_id}/users` with `location_id: ".."`
 * would reach `/api/v1/users` with the user's credentials. Refused, with an
 * {@link AltegioConfigError} whose `option` is `params.path.<name>`: a missing value, `""`,
 * `.`, `..`, a value with `/` or `\`, a number that is not finite, anything but a string or a
 * number, a string that is not well-formed UTF-16. Everything else is percent-encoded by
 * openapi-fetch (`encodeURIComponent`), so `?`, `#`, `%` and spaces stay inside their segment.
 *
 * @example
 * checkPathParams("GET", "/company/{location_id}", { params: { path: { location_id: ".." } } }); // throws
 */
export function checkPathParams(
  method: string,
  template: string,
  init: Record<string, unknown> | undefined,
): void {
  if (!template.includes("{")) return;
  const path = (init?.params as { path?: Record<string, unknown> } | undefined)?.path;
  for (const match of template.matchAll(PARAM)) {
    const name = match[2] as string;
    const problem = valueProblem(path?.[name]);
    if (problem) {
      throw new AltegioConfigError(
        `params.path.${name}`,
        `${problem} (it would change the path of ${method} ${template})`,
      );
    }
  }
}

function valueProblem(value: unknown): string | undefined {
  if (value === undefined || value === null) return "is required";
  if (typeof value === "number") return Number.isFinite(value) ? undefined : "must be a finite number";
  if (typeof value !== "string") return "must be a string or a number";
  if (CHANGES_PATH.test(value)) return "must not be empty, '.' or '..', nor contain '/' or '\\'";
  if (LONE_SURROGATE.test(value)) return "must be well-formed text (a lone surrogate cannot be encoded)";
  return undefined;
}
