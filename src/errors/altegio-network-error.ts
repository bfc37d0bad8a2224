import { AltegioError } from "./altegio-error.js";
import { type FailureDetails, ofResponse } from "./response-details.js";

/**
 * No complete HTTP answer came back: DNS, a refused or reset connection, TLS, a status line
 * that is not HTTP, or a connection that died while the body was read (then `status` and
 * `headers` say what had arrived). The original error is kept in `cause`, as Octokit does.
 *
 * @example
 * catch (e) { if (isAltegioNetworkError(e)) console.error(e.message, e.code, e.status); }
 */
export class AltegioNetworkError extends AltegioError {
  override name = "AltegioNetworkError";
  readonly method: string;
  /** The operation's path template, e.g. `/company/{location_id}`. */
  readonly pathTemplate: string | undefined;
  /** URL without query string (queries may carry personal data). */
  readonly url: string;
  /** Low-level code such as `ECONNRESET`, `UND_ERR_SOCKET`, `Z_DATA_ERROR` when the runtime gave one. */
  readonly code: string | undefined;
  /** Status of the response whose body could not be read; undefined when no response arrived. */
  readonly status: number | undefined;
  /** Headers of that response (redacted); undefined when no response arrived. */
  readonly headers: Readonly<Record<string, string>> | undefined;
  constructor(method: string, url: string, cause: unknown, details: FailureDetails = {}) {
    const code = errorCode(cause);
    const what =
      details.status === undefined
        ? "Network error"
        : `Network error while reading the body${ofResponse(details.status)}`;
    super(`${what}: ${method} ${details.pathTemplate ?? url}${code ? ` (${code})` : ""}`, { cause });
    this.method = method;
    this.pathTemplate = details.pathTemplate;
    this.url = url;
    this.code = code;
    this.status = details.status;
    this.headers = details.headers;
  }
}

/** The `code` of an error or of its `cause` chain (undici nests the socket error). */
export function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let i = 0; i < 5 && current && typeof current === "object"; i++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
