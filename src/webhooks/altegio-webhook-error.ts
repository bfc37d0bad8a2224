import { AltegioError } from "../errors/altegio-error.js";

/** What was wrong with a delivery or with one event of it. */
export type WebhookProblem =
  | "invalid-json"
  | "not-an-event"
  | "unknown-resource"
  | "invalid-field"
  | "body-too-large"
  | "handler-failed";

/**
 * A webhook delivery, or one event of it, that cannot be used. The message names the problem
 * and the field, never a value the delivery carried (events hold client data: names, phones).
 *
 * @example
 * const { events, errors } = parseWebhook(body);
 * for (const error of errors) console.warn(error.message); // "event 1: unknown resource …"
 */
export class AltegioWebhookError extends AltegioError {
  override name = "AltegioWebhookError";
  readonly problem: WebhookProblem;
  /** The event's position in the delivery (0 for a single event); absent for the whole body. */
  readonly index: number | undefined;
  /** The event field at fault (`resource`, `company_id`…), when one is. */
  readonly field: string | undefined;

  constructor(
    problem: WebhookProblem,
    message: string,
    where: { index?: number; field?: string; cause?: unknown } = {},
  ) {
    super(where.index === undefined ? message : `event ${where.index}: ${message}`, { cause: where.cause });
    this.problem = problem;
    this.index = where.index;
    this.field = where.field;
  }
}

/**
 * True for an {@link AltegioWebhookError}, also one from another copy of this package.
 *
 * @example
 * catch (e) { if (isAltegioWebhookError(e)) return new Response(e.message, { status: 400 }); }
 */
export function isAltegioWebhookError(error: unknown): error is AltegioWebhookError {
  return error instanceof Error && error.name === "AltegioWebhookError";
}
