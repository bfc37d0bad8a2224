import { AltegioError } from "./altegio-error.js";

/**
 * No complete answer within `timeoutMs` (per attempt). The abort reason is kept in `cause`.
 *
 * @example
 * const client = createAltegioClient({ partnerToken, timeoutMs: 5_000 });
 * catch (e) { if (isAltegioTimeoutError(e)) console.error(e.timeoutMs); }
 */
export class AltegioTimeoutError extends AltegioError {
  override name = "AltegioTimeoutError";
  readonly method: string;
  readonly url: string;
  readonly timeoutMs: number;
  constructor(method: string, url: string, timeoutMs: number, cause?: unknown) {
    super(`Request timed out after ${timeoutMs} ms: ${method} ${url}`, { cause });
    this.method = method;
    this.url = url;
    this.timeoutMs = timeoutMs;
  }
}
