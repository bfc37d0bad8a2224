import { AltegioError } from "./altegio-error.js";

/**
 * The shared rate limiter could not ask its store (Redis) whether a request may start: the
 * command failed or did not answer within `commandTimeoutMs`. The request was NOT sent. The
 * store's own error is kept in `cause` (never serialized by `toJSON`).
 *
 * @example
 * catch (e) { if (e instanceof AltegioRateLimiterUnavailableError) log.warn(e.key, e.cause); }
 */
export class AltegioRateLimiterUnavailableError extends AltegioError {
  override name = "AltegioRateLimiterUnavailableError";
  /** The store key whose budget could not be checked. */
  readonly key: string;
  constructor(key: string, problem: string, cause?: unknown) {
    super(`Shared rate limiter unavailable (key ${key}): ${problem}; the request was not sent`, { cause });
    this.key = key;
  }
}
