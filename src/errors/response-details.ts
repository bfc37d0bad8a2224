/**
 * What a network or timeout error knows beyond the request: the operation's path template
 * (filled in by the client, which knows it) and, when the failure came while the body was read,
 * the status and headers that had already arrived (already redacted).
 */
export interface FailureDetails {
  /** The operation's path as in openapi.yaml, e.g. `/company/{location_id}`. */
  pathTemplate?: string | undefined;
  /** HTTP status, when the response head arrived before the failure. */
  status?: number | undefined;
  /** Response headers (redacted), when the response head arrived before the failure. */
  headers?: Readonly<Record<string, string>> | undefined;
  /** For a timeout: on the wire (`timeoutMs`, the default) or in the rate limiter's queue (`maxQueueMs`). */
  phase?: "attempt" | "queue" | undefined;
}

/**
 * The ` of a 200 response` part of a message, or nothing when no response had arrived.
 *
 * @example
 * `Network error while reading the body${ofResponse(200)}` // "…body of a 200 response"
 */
export function ofResponse(status: number | undefined): string {
  return status === undefined ? "" : ` of a ${status} response`;
}
