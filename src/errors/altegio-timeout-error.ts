import { AltegioError } from "./altegio-error.js";
import { type FailureDetails, ofResponse } from "./response-details.js";

/**
 * No complete answer within `timeoutMs` (per attempt, body included; `phase: "attempt"`), or no
 * turn in the rate limiter's queue within `maxQueueMs` (`phase: "queue"`; nothing was sent).
 * When the response head had arrived and the body stalled, `status` and `headers` say so. The
 * abort reason is kept in `cause`.
 *
 * @example
 * const client = createAltegioClient({ partnerToken, timeoutMs: 5_000 });
 * catch (e) { if (isAltegioTimeoutError(e)) console.error(e.timeoutMs); }
 */
export class AltegioTimeoutError extends AltegioError {
  override name = "AltegioTimeoutError";
  readonly method: string;
  /** The operation's path template, e.g. `/company/{location_id}`. */
  readonly pathTemplate: string | undefined;
  /** URL without query string. */
  readonly url: string;
  /** The limit that ran out: `timeoutMs`, or `maxQueueMs` when `phase` is `"queue"`. */
  readonly timeoutMs: number;
  /** Where the time ran out: on the wire, or waiting for the rate limiter (nothing sent). */
  readonly phase: "attempt" | "queue";
  /** Status of the response whose body stalled; undefined when no response head arrived. */
  readonly status: number | undefined;
  /** Headers of that response (redacted); undefined when no response head arrived. */
  readonly headers: Readonly<Record<string, string>> | undefined;
  constructor(method: string, url: string, timeoutMs: number, cause?: unknown, details: FailureDetails = {}) {
    const where = details.status === undefined ? "" : ` while reading the body${ofResponse(details.status)}`;
    const what =
      details.phase === "queue"
        ? `Request waited more than maxQueueMs (${timeoutMs} ms) in the rate limiter queue`
        : `Request timed out after ${timeoutMs} ms${where}`;
    super(`${what}: ${method} ${details.pathTemplate ?? url}`, { cause });
    this.phase = details.phase ?? "attempt";
    this.method = method;
    this.pathTemplate = details.pathTemplate;
    this.url = url;
    this.timeoutMs = timeoutMs;
    this.status = details.status;
    this.headers = details.headers;
  }
}
