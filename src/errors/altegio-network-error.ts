import { AltegioError } from "./altegio-error.js";

/**
 * The request never got an HTTP answer (DNS, refused or reset connection, TLS…). The
 * original error is kept in `cause`, as Octokit does.
 *
 * @example
 * catch (e) { if (isAltegioNetworkError(e)) console.error(e.message, e.cause); }
 */
export class AltegioNetworkError extends AltegioError {
  override name = "AltegioNetworkError";
  readonly method: string;
  /** URL without query string (queries may carry personal data). */
  readonly url: string;
  /** Low-level code such as `ECONNRESET` when the runtime gave one. */
  readonly code: string | undefined;
  constructor(method: string, url: string, cause: unknown) {
    const code = errorCode(cause);
    super(`Network error: ${method} ${url}${code ? ` (${code})` : ""}`, { cause });
    this.method = method;
    this.url = url;
    this.code = code;
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
