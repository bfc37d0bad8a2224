/**
 * Errors raised by the campaign helpers before or while sending.
 *
 * All three extend {@link AltegioError} (so `isAltegioError` and `toJSON()` hold for them too).
 * Three kinds, so a caller can tell "nothing went out" from "some of it went out":
 * - {@link CampaignInputError}: bad input, refused before any request (nothing sent).
 * - {@link DuplicateSendError}: the idempotency key was already used in this process (nothing sent).
 * - {@link CampaignSendError}: a request failed; `result` says which chunks went out, which
 *   failed and which were never attempted, and `cause` is the client's typed error
 *   (for example `AltegioInsufficientFundsError` on 402).
 */
import { AltegioError } from "../errors/altegio-error.js";
import type { CampaignResult } from "./types.js";

/**
 * Refused input: the message names the field and what was wrong. Thrown before any request.
 *
 * @example
 * try { await sendSmsCampaign(client, 1, { audience: { filter: {} }, text: "Hi" }); }
 * catch (e) { if (e instanceof CampaignInputError) console.error(e.field, e.message); }
 */
export class CampaignInputError extends AltegioError {
  override readonly name = "CampaignInputError";
  /** The option at fault, as a dotted path (`audience.filter`, `text`, `audience.clientIds[3]`). */
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}

/**
 * The idempotency key was already spent by an earlier send in this process.
 *
 * @example
 * await sendSmsCampaign(client, 1, { audience, text, idempotencyKey: "promo-42" });
 * await sendSmsCampaign(client, 1, { audience, text, idempotencyKey: "promo-42" }); // throws DuplicateSendError
 */
export class DuplicateSendError extends AltegioError {
  override readonly name = "DuplicateSendError";
  readonly idempotencyKey: string;
  constructor(idempotencyKey: string) {
    super(
      `idempotencyKey "${idempotencyKey}" was already used by a send in this process; ` +
        "refusing to send again (a campaign that timed out may still have gone out)",
    );
    this.idempotencyKey = idempotencyKey;
  }
}

/**
 * A send request failed. Nothing is re-sent automatically: `result.chunks` lists the ids of
 * the chunks that went out (`sent`), the one that failed (`failed`, with its error) and the
 * ones never attempted (`skipped`), so the caller can decide what to do with each.
 *
 * @example
 * try { await sendSmsCampaign(client, 1, { audience: { clientIds }, text }); }
 * catch (e) {
 *   if (e instanceof CampaignSendError && e.cause instanceof AltegioInsufficientFundsError) topUp();
 *   if (e instanceof CampaignSendError) console.log(e.result.failedClientIds, e.result.skippedClientIds);
 * }
 */
export class CampaignSendError extends AltegioError {
  override readonly name = "CampaignSendError";
  readonly result: CampaignResult;
  constructor(message: string, result: CampaignResult, cause: unknown) {
    super(message, { cause });
    this.result = result;
  }
}
