import { redactBody, redactHeaders, redactSecrets, type Secrets } from "../redact.js";
import { AltegioError } from "./altegio-error.js";
import { parseErrorEnvelope } from "./parse-error-envelope.js";

/** What {@link AltegioApiError} is built from. */
export interface AltegioApiErrorInit {
  status: number;
  method: string;
  /** The operation's path as in openapi.yaml, e.g. `/company/{location_id}`. */
  pathTemplate: string;
  /** Requested URL; the query string is dropped before it is stored. */
  url: string;
  headers: Headers;
  /** Parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
  /**
   * What went wrong, for the message, when the body cannot say it (e.g. `response is not
   * JSON (text/html)`); default: the vendor's message, `success: false` or `no message`.
   */
  reason?: string | undefined;
  /** The underlying error (e.g. the JSON parser's), kept as `cause`; scrub it first. */
  cause?: unknown;
  /**
   * Tokens and passwords to scrub from the body, the headers and the message (a vendor
   * message may echo them); `*token*`/`password` keys and the auth headers are redacted anyway.
   */
  secrets?: Secrets | undefined;
}

/**
 * The vendor answered with a non-2xx status, or with a 2xx whose body says `success: false`
 * (both envelopes of ODDITIES.md) or is not JSON at all (a captive portal's or WAF's HTML page,
 * a truncated body: `body` is then the text and the message names the content type). Use {@link createApiError} to get the subclass for the
 * status (`AltegioNotFoundError`, `AltegioAuthenticationError`, …), like Stainless'
 * `APIError.generate()`.
 *
 * @example
 * try { await client.GET("/company/{location_id}", { params: { path: { location_id: 1 } } }); }
 * catch (e) {
 *   if (isAltegioApiError(e)) console.error(e.status, e.vendorMessage, e.validationErrors);
 * }
 */
export class AltegioApiError extends AltegioError {
  override name = "AltegioApiError";
  /** HTTP status (a 2xx when the body said `success: false`). */
  readonly status: number;
  /** The vendor's own message (`meta.message` or `errors.message`). */
  readonly vendorMessage: string | undefined;
  /** `meta.errors` as sent (array, or object keyed by field). */
  readonly validationErrors: readonly unknown[] | Readonly<Record<string, unknown>> | undefined;
  /** `errors.code` of the locations envelope, when present. */
  readonly code: string | number | undefined;
  readonly method: string;
  readonly pathTemplate: string;
  /** URL without the query string. */
  readonly url: string;
  /** Parsed body, with any token/password field redacted. */
  readonly body: unknown;
  /** Response headers as a plain object (cookies redacted). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(init: AltegioApiErrorInit, hint?: string) {
    const secrets = init.secrets ?? [];
    // The envelope is read from a copy with the known secrets scrubbed but field names kept,
    // so `validationErrors.password` still says what was wrong with the password.
    const envelope = parseErrorEnvelope(redactBody(init.body, secrets, { keys: false }));
    const url = init.url.split("?")[0] ?? init.url;
    const what =
      (init.reason === undefined ? undefined : redactSecrets(init.reason, secrets)) ??
      envelope.message ??
      (init.status >= 200 && init.status < 300 ? "success: false" : "no message");
    super(
      `Request failed with status code ${init.status} (${what}): ${init.method} ${init.pathTemplate}${hint ? `. ${hint}` : ""}`,
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.status = init.status;
    this.vendorMessage = envelope.message;
    this.validationErrors = envelope.validationErrors;
    this.code = envelope.code;
    this.method = init.method;
    this.pathTemplate = init.pathTemplate;
    this.url = redactSecrets(url, secrets);
    this.body = redactBody(init.body, secrets);
    this.headers = redactHeaders(init.headers, secrets);
  }
}
