/**
 * In-process idempotency keys for campaign sends.
 *
 * No send is ever retried automatically: a POST that timed out may well have gone out, and a
 * second one mails the same people twice. A caller who retries by hand passes the same
 * `idempotencyKey`; the registry refuses to let a key send twice in this process. A key is
 * spent as soon as the first request of the send is about to go out (even if it then fails:
 * the server may have accepted it), and never when input is refused or on a dry run.
 * The Altegio API itself has no idempotency header, so this protects one process only.
 */
import { CampaignInputError, DuplicateSendError } from "./errors.js";

/**
 * A set of spent keys.
 *
 * @example
 * const registry = new IdempotencyRegistry();
 * registry.claim("promo-42"); // ok
 * registry.claim("promo-42"); // throws DuplicateSendError
 */
export class IdempotencyRegistry {
  readonly #spent = new Set<string>();

  /** Check a key without spending it; throws DuplicateSendError when already spent. */
  check(key: string): void {
    validateKey(key);
    if (this.#spent.has(key)) throw new DuplicateSendError(key);
  }

  /** Spend a key: throws DuplicateSendError when already spent. Synchronous, so two concurrent sends cannot both claim it. */
  claim(key: string): void {
    this.check(key);
    this.#spent.add(key);
  }

  /** True when the key was already spent. */
  has(key: string): boolean {
    return this.#spent.has(key);
  }
}

function validateKey(key: unknown): asserts key is string {
  if (typeof key !== "string" || key.trim() === "") {
    throw new CampaignInputError("idempotencyKey", "must be a non-empty string");
  }
}

/**
 * The registry used when a send is not given one: one per process.
 *
 * @example
 * defaultIdempotencyRegistry.has("promo-42"); // true once a send with that key started
 */
export const defaultIdempotencyRegistry = new IdempotencyRegistry();
